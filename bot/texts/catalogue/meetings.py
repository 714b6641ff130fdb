"""Texts: dialogue meetings — rules, cards, /meetings, sign-ups and staff tools."""

SV: dict[str, str] = {
    # What a meeting must have.
    "meeting_title_missing": "Mötet behöver en rubrik.",
    "meeting_title_too_long": "Rubriken är för lång (högst {limit} tecken).",
    "meeting_end_before_start": "Mötet måste sluta efter att det har börjat.",
    "meeting_in_past": "Mötet måste börja i framtiden.",
    "meeting_place_missing": "Ange en plats, en länk till mötet, eller båda.",
    "meeting_place_too_long": "Platsen är för lång (högst {limit} tecken).",
    "meeting_link_invalid": "Länken {link} fungerar inte. Den ska börja med https://.",
    "meeting_deadline_after_start": "Sista dag för anmälan kan inte vara efter att mötet börjar.",
    "meeting_capacity_invalid": "Antal platser ska vara ett tal från 0 (obegränsat) till {limit}.",
    # Sign-up and staff actions.
    "meeting_not_found": "Det finns inget möte med nummer {meeting_id}.",
    "meeting_cancelled": "Mötet ”{title}” är inställt.",
    "meeting_started": "Mötet ”{title}” har redan börjat.",
    "meeting_signup_closed": "Anmälan till ”{title}” har stängt.",
    "meeting_already_announced": "Inbjudan till ”{title}” är redan skickad.",
    # Campaign summaries staff see in /campaigns.
    "meeting_summary_card": "📅 Inbjudan: {title}, {when}",
    "meeting_summary_capacity": "📈 Platserna tar slut: {title}, {when}",
    "meeting_summary_reminder": "⏰ Påminnelse {before} före: {title}, {when}",
    "meeting_summary_changed": "✏️ Ändrad tid eller plats: {title}, {when}",
    "meeting_summary_cancelled": "❌ Inställt: {title}, {when}",
    "meeting_summary_promoted": "🎟 Plats från väntelistan: {title}, {when}",
    "meeting_before_days": "{n} dygn",
    "meeting_before_hours": "{n} {n|timme|timmar}",
    "meeting_before_minutes": "{n} min",
    # The attendee list (CSV).
    "meeting_csv_name": "Namn",
    "meeting_csv_username": "Användarnamn",
    "meeting_csv_organisation": "Organisation",
    "meeting_csv_status": "Status",
    "meeting_csv_position": "Plats i kön",
    "meeting_csv_answered": "Svarade",
    "meeting_csv_going": "Kommer",
    "meeting_csv_waiting": "Väntelista",
    "meeting_csv_declined": "Kan inte",
    # Dates and times, e.g. "torsdag 3 december kl. 13.00–15.00".
    "mtg_date": "{weekday} {day} {month}",
    "mtg_date_year": "{weekday} {day} {month} {year}",
    "mtg_when": "{date} kl. {start}–{end}",
    "mtg_when_days": "{date} kl. {start} – {end_date} kl. {end}",
    "mtg_at": "{date} kl. {time}",
    # The card.
    "mtg_card_title": "📅 <b>{title}</b>",
    "mtg_card_cancelled_title": "❌ <b>INSTÄLLT: {title}</b>",
    "mtg_card_when": "🕐 {when}",
    "mtg_card_place": "📍 {place}",
    "mtg_card_link": "💻 Digitalt: {url}",
    "mtg_card_deadline": "✍️ Anmäl dig senast {deadline}.",
    "mtg_card_closed": "✍️ Anmälan är stängd.",
    "mtg_card_seats": "👥 {left} av {capacity} {capacity|plats|platser} kvar.",
    "mtg_card_full": "👥 Fullt – anmäl dig så hamnar du på väntelistan.",
    "mtg_status_going": "✅ <b>Du är anmäld.</b>",
    "mtg_status_waiting": (
        "⏳ <b>Du står på väntelistan, plats {position}.</b> Du får besked om en plats blir ledig."
    ),
    "mtg_status_declined": "➖ <b>Du har svarat att du inte kan komma.</b>",
    "mtg_staff_counts": "🧮 Möte #{meeting_id} · anmälda {going} av {capacity} · väntelista {waiting} · kan inte {declined}",
    "mtg_staff_counts_unlimited": "🧮 Möte #{meeting_id} · anmälda {going} (obegränsat) · väntelista {waiting} · kan inte {declined}",
    "mtg_staff_not_announced": "📣 Inte annonserat än.",
    # Buttons.
    "mtg_button_going": "Jag kommer",
    "mtg_button_going_chosen": "✅ Jag kommer",
    "mtg_button_waiting_chosen": "⏳ Jag kommer (väntelista)",
    "mtg_button_not_going": "Kan inte",
    "mtg_button_not_going_chosen": "➖ Kan inte",
    "mtg_button_calendar": "📅 Lägg i kalender",
    "mtg_button_csv": "Deltagare (CSV)",
    "mtg_button_edit": "Ändra",
    "mtg_button_move": "Flytta",
    "mtg_button_cancel": "Ställ in",
    "mtg_button_announce": "Annonsera",
    "mtg_button_confirm_cancel": "Ja, ställ in mötet",
    "mtg_button_keep": "Nej, behåll det",
    "mtg_button_field_place": "Plats",
    "mtg_button_field_link": "Länk",
    "mtg_button_field_description": "Beskrivning",
    "mtg_button_field_capacity": "Antal platser",
    "mtg_button_field_deadline": "Sista anmälningsdag",
    "mtg_button_skip": "Hoppa över",
    "mtg_button_create_announce": "Skapa och annonsera",
    "mtg_button_create_quiet": "Skapa utan att annonsera",
    "mtg_button_drop": "Avbryt",
    # Answers to a press.
    "mtg_answer_going": "Du är anmäld. Välkommen!",
    "mtg_answer_waiting": "Mötet är fullt – du står på väntelistan, plats {position}.",
    "mtg_answer_declined": "Tack för beskedet!",
    "mtg_calendar_sent": "Kalenderfilen kommer här nedanför.",
    "mtg_calendar_caption": "Öppna filen för att lägga in ”{title}” i din kalender.",
    # Pushes.
    "mtg_reminder": "⏰ <b>Påminnelse:</b> dialogmötet börjar om {lead}.",
    "mtg_reminder_footer": "Kan du inte komma? Tryck på <b>Kan inte</b>, så kan någon annan få platsen.",
    "mtg_lead_day": "en dag",
    "mtg_lead_days": "{count} {count|dag|dagar}",
    "mtg_lead_hour": "en timme",
    "mtg_lead_hours": "{count} {count|timme|timmar}",
    "mtg_lead_minutes": "{count} {count|minut|minuter}",
    "mtg_changed": "🔄 <b>Ändring:</b> dialogmötet har fått ny tid eller plats. Så här gäller nu:",
    "mtg_cancelled": "❌ <b>Inställt:</b> dialogmötet ”{title}” {when} blir inte av. Vi beklagar!",
    "mtg_promoted": "🎉 <b>Du har fått en plats!</b> En plats blev ledig, och du är nu anmäld till:",
    # /meetings and /attendees.
    "mtg_list_header": "<b>Kommande dialogmöten</b>",
    "mtg_list_none": (
        "Det finns inga kommande dialogmöten just nu. När ett nytt annonseras får du ett "
        "meddelande, om du har dialogmöten påslaget under /settings."
    ),
    "mtg_attendees_usage": (
        "Skriv /attendees följt av mötets nummer, till exempel /attendees 3. "
        "Numren står i /meetings."
    ),
    "mtg_attendees_caption": "Deltagarlista för ”{title}”.",
    # Staff notices.
    "mtg_capacity_alert": (
        "📈 Dialogmötet ”{title}” ({when}) har nått {percent} % av platserna: "
        "{going} av {capacity} anmälda."
    ),
    "mtg_capacity_full": (
        "🔒 Dialogmötet ”{title}” ({when}) är fullt: {going} av {capacity} {capacity|plats|platser}. "
        "Nya anmälningar hamnar på väntelistan."
    ),
    # Staff controls.
    "mtg_cancel_confirm": (
        "Vill du ställa in ”{title}” ({when})? Alla som är anmälda eller står på väntelistan "
        "får besked."
    ),
    "mtg_cancel_kept": "Okej, mötet är kvar.",
    "mtg_cancel_done": "Mötet ”{title}” är inställt. De anmälda får besked.",
    "mtg_announced": "📣 Mötet annonseras nu till alla som vill ha dialogmöten.",
    "mtg_edit_choose": "Vad vill du ändra i ”{title}”? /cancel avbryter.",
    "mtg_edit_ask_place": "Skriv den nya platsen, eller - för att ta bort platsen.",
    "mtg_edit_ask_link": "Skriv den nya länken (https://…), eller - för att ta bort länken.",
    "mtg_edit_ask_description": "Skriv den nya beskrivningen, eller - för att ta bort den.",
    "mtg_edit_ask_capacity": "Hur många platser? Skriv ett tal, 0 = obegränsat.",
    "mtg_edit_ask_deadline": (
        "Sista dag för anmälan? Skriv datum och tid, till exempel {ex_dm} 12:00, eller - för "
        "att ha öppet tills mötet börjar."
    ),
    "mtg_edit_saved": "✔️ Ändringen är sparad.",
    "mtg_edit_notified": "De anmälda får besked om ändringen.",
    "mtg_edit_promoted": "{count} {count|person|personer} från väntelistan fick plats och får besked.",
    "mtg_move_ask_start": (
        "Flytta ”{title}”: när börjar mötet nu? Skriv datum och tid, till exempel {ex_dm} 13:00. "
        "/cancel avbryter."
    ),
    "mtg_move_done": (
        "✔️ Mötet är flyttat till {when}. De anmälda får besked och påminnelserna följer med."
    ),
    # /newmeeting.
    "mtg_new_ask_title": "🗓 Nytt dialogmöte. Vad heter mötet? (/cancel avbryter när du vill.)",
    "mtg_new_ask_start": (
        "När börjar det? Skriv datum och tid i svensk tid, till exempel {ex_iso} 13:00 "
        "eller {ex_dm} 13:00."
    ),
    "mtg_new_ask_end": (
        "När slutar det? Skriv tiden, till exempel 15:00 – eller datum och tid om det slutar "
        "en annan dag."
    ),
    "mtg_new_ask_place": (
        "Var hålls mötet? Skriv lokal eller adress, eller tryck <b>Hoppa över</b> om det bara "
        "är digitalt."
    ),
    "mtg_new_ask_link": (
        "Finns det en länk för att vara med digitalt? Skriv den (https://…) eller tryck "
        "<b>Hoppa över</b>."
    ),
    "mtg_new_ask_description": "Skriv en kort beskrivning, eller tryck <b>Hoppa över</b>.",
    "mtg_new_ask_capacity": "Hur många platser finns det? Skriv ett tal, 0 = obegränsat.",
    "mtg_new_ask_deadline": (
        "Sista dag för anmälan? Skriv datum och tid, till exempel {ex_dm} 12:00, eller tryck "
        "<b>Hoppa över</b> för att ha öppet tills mötet börjar."
    ),
    "mtg_new_preview": "☝️ Så här ser kortet ut för mottagarna. Ska jag skapa mötet?",
    "mtg_new_created_announced": (
        "✔️ Möte #{meeting_id} är skapat och annonseras nu. Svaren ser du i /meetings."
    ),
    "mtg_new_created_quiet": (
        "✔️ Möte #{meeting_id} är skapat men inte annonserat. Annonsera det från /meetings."
    ),
    "mtg_new_dropped": "Okej, mötet skapades inte.",
    "mtg_stale": "Det utkastet gäller inte längre. Börja om med /newmeeting.",
    "mtg_capacity_invalid": "Skriv antalet platser som ett tal, till exempel 30 (0 = obegränsat).",
    "mtg_link_invalid": "En länk ska börja med https:// eller http://. Skriv länken igen.",
    "mtg_end_invalid": "Mötet måste sluta efter att det börjar ({start}). När slutar det?",
    "mtg_deadline_invalid": (
        "Sista anmälningsdag måste vara före mötets början ({start}). Skriv en tidigare tid."
    ),
    "mtg_place_required": (
        "Ett möte behöver en plats eller en länk. Skriv länken, eller /cancel för att avbryta."
    ),
}

EN: dict[str, str] = {
    "meeting_title_missing": "The meeting needs a title.",
    "meeting_title_too_long": "The title is too long (at most {limit} characters).",
    "meeting_end_before_start": "The meeting must end after it starts.",
    "meeting_in_past": "The meeting must start in the future.",
    "meeting_place_missing": "Give a place, a link to the meeting, or both.",
    "meeting_place_too_long": "The place is too long (at most {limit} characters).",
    "meeting_link_invalid": "The link {link} does not work. It should start with https://.",
    "meeting_deadline_after_start": "The sign-up deadline cannot be after the meeting starts.",
    "meeting_capacity_invalid": "The number of seats should be from 0 (unlimited) to {limit}.",
    "meeting_not_found": "There is no meeting number {meeting_id}.",
    "meeting_cancelled": "The meeting “{title}” is cancelled.",
    "meeting_started": "The meeting “{title}” has already started.",
    "meeting_signup_closed": "Sign-up for “{title}” has closed.",
    "meeting_already_announced": "The invitation to “{title}” has already been sent.",
    "meeting_summary_card": "📅 Invitation: {title}, {when}",
    "meeting_summary_capacity": "📈 Seats running out: {title}, {when}",
    "meeting_summary_reminder": "⏰ Reminder {before} before: {title}, {when}",
    "meeting_summary_changed": "✏️ New time or place: {title}, {when}",
    "meeting_summary_cancelled": "❌ Cancelled: {title}, {when}",
    "meeting_summary_promoted": "🎟 Seat from the waiting list: {title}, {when}",
    "meeting_before_days": "{n} {n|day|days}",
    "meeting_before_hours": "{n} {n|hour|hours}",
    "meeting_before_minutes": "{n} min",
    "meeting_csv_name": "Name",
    "meeting_csv_username": "Username",
    "meeting_csv_organisation": "Organisation",
    "meeting_csv_status": "Status",
    "meeting_csv_position": "Place in line",
    "meeting_csv_answered": "Answered",
    "meeting_csv_going": "Coming",
    "meeting_csv_waiting": "Waiting list",
    "meeting_csv_declined": "Can't come",
    # Dates and times, e.g. "torsdag 3 december kl. 13.00–15.00".
    "mtg_date": "{weekday} {day} {month}",
    "mtg_date_year": "{weekday} {day} {month} {year}",
    "mtg_when": "{date}, {start}–{end}",
    "mtg_when_days": "{date}, {start} – {end_date}, {end}",
    "mtg_at": "{date}, {time}",
    "mtg_card_title": "📅 <b>{title}</b>",
    "mtg_card_cancelled_title": "❌ <b>CANCELLED: {title}</b>",
    "mtg_card_when": "🕐 {when}",
    "mtg_card_place": "📍 {place}",
    "mtg_card_link": "💻 Online: {url}",
    "mtg_card_deadline": "✍️ Sign up by {deadline}.",
    "mtg_card_closed": "✍️ Sign-up is closed.",
    "mtg_card_seats": "👥 {left} of {capacity} {capacity|seat|seats} left.",
    "mtg_card_full": "👥 Full – sign up to join the waiting list.",
    "mtg_status_going": "✅ <b>You are signed up.</b>",
    "mtg_status_waiting": (
        "⏳ <b>You are on the waiting list, place {position}.</b> "
        "You will hear from me if a seat frees up."
    ),
    "mtg_status_declined": "➖ <b>You said you cannot come.</b>",
    "mtg_staff_counts": "🧮 Meeting #{meeting_id} · {going} of {capacity} signed up · {waiting} waiting · {declined} cannot come",
    "mtg_staff_counts_unlimited": "🧮 Meeting #{meeting_id} · {going} signed up (unlimited) · {waiting} waiting · {declined} cannot come",
    "mtg_staff_not_announced": "📣 Not announced yet.",
    "mtg_button_going": "I'm coming",
    "mtg_button_going_chosen": "✅ I'm coming",
    "mtg_button_waiting_chosen": "⏳ I'm coming (waiting list)",
    "mtg_button_not_going": "Can't come",
    "mtg_button_not_going_chosen": "➖ Can't come",
    "mtg_button_calendar": "📅 Add to calendar",
    "mtg_button_csv": "Attendees (CSV)",
    "mtg_button_edit": "Edit",
    "mtg_button_move": "Move",
    "mtg_button_cancel": "Cancel meeting",
    "mtg_button_announce": "Announce",
    "mtg_button_confirm_cancel": "Yes, cancel the meeting",
    "mtg_button_keep": "No, keep it",
    "mtg_button_field_place": "Place",
    "mtg_button_field_link": "Link",
    "mtg_button_field_description": "Description",
    "mtg_button_field_capacity": "Seats",
    "mtg_button_field_deadline": "Sign-up deadline",
    "mtg_button_skip": "Skip",
    "mtg_button_create_announce": "Create and announce",
    "mtg_button_create_quiet": "Create without announcing",
    "mtg_button_drop": "Cancel",
    "mtg_answer_going": "You are signed up. Welcome!",
    "mtg_answer_waiting": "The meeting is full – you are on the waiting list, place {position}.",
    "mtg_answer_declined": "Thanks for letting us know!",
    "mtg_calendar_sent": "The calendar file is below.",
    "mtg_calendar_caption": "Open the file to add “{title}” to your calendar.",
    "mtg_reminder": "⏰ <b>Reminder:</b> the dialogue meeting starts in {lead}.",
    "mtg_reminder_footer": "Can't come after all? Press <b>Can't come</b> so someone else can have the seat.",
    "mtg_lead_day": "one day",
    "mtg_lead_days": "{count} {count|day|days}",
    "mtg_lead_hour": "one hour",
    "mtg_lead_hours": "{count} {count|hour|hours}",
    "mtg_lead_minutes": "{count} {count|minute|minutes}",
    "mtg_changed": "🔄 <b>Change:</b> the dialogue meeting has a new time or place. This is what applies now:",
    "mtg_cancelled": "❌ <b>Cancelled:</b> the dialogue meeting “{title}” on {when} will not take place. We are sorry!",
    "mtg_promoted": "🎉 <b>You got a seat!</b> A seat freed up and you are now signed up for:",
    "mtg_list_header": "<b>Upcoming dialogue meetings</b>",
    "mtg_list_none": (
        "There are no upcoming dialogue meetings right now. You will get a message when one "
        "is announced, if dialogue meetings are on under /settings."
    ),
    "mtg_attendees_usage": (
        "Type /attendees followed by the meeting's number, e.g. /attendees 3. "
        "The numbers are shown in /meetings."
    ),
    "mtg_attendees_caption": "Attendee list for “{title}”.",
    "mtg_capacity_alert": (
        "📈 The dialogue meeting “{title}” ({when}) has reached {percent} % of its seats: "
        "{going} of {capacity} signed up."
    ),
    "mtg_capacity_full": (
        "🔒 The dialogue meeting “{title}” ({when}) is full: {going} of {capacity} {capacity|seat|seats}. "
        "New sign-ups join the waiting list."
    ),
    "mtg_cancel_confirm": (
        "Cancel “{title}” ({when})? Everyone signed up or on the waiting list will be told."
    ),
    "mtg_cancel_kept": "Okay, the meeting stays.",
    "mtg_cancel_done": "The meeting “{title}” is cancelled. Those signed up will be told.",
    "mtg_announced": "📣 The meeting is being announced to everyone who wants dialogue meetings.",
    "mtg_edit_choose": "What do you want to change in “{title}”? /cancel stops.",
    "mtg_edit_ask_place": "Type the new place, or - to remove the place.",
    "mtg_edit_ask_link": "Type the new link (https://…), or - to remove the link.",
    "mtg_edit_ask_description": "Type the new description, or - to remove it.",
    "mtg_edit_ask_capacity": "How many seats? Type a number, 0 = unlimited.",
    "mtg_edit_ask_deadline": (
        "Sign-up deadline? Type a date and time, e.g. {ex_dm} 12:00, or - to keep sign-up open "
        "until the meeting starts."
    ),
    "mtg_edit_saved": "✔️ The change is saved.",
    "mtg_edit_notified": "Those signed up will be told about the change.",
    "mtg_edit_promoted": "{count} {count|person|people} from the waiting list got a seat and will be told.",
    "mtg_move_ask_start": (
        "Move “{title}”: when does the meeting start now? Type a date and time, e.g. "
        "{ex_dm} 13:00. /cancel stops."
    ),
    "mtg_move_done": (
        "✔️ The meeting is moved to {when}. Those signed up will be told, and the reminders "
        "follow the new time."
    ),
    "mtg_new_ask_title": "🗓 New dialogue meeting. What is it called? (/cancel stops at any time.)",
    "mtg_new_ask_start": (
        "When does it start? Type a date and time in Swedish time, e.g. {ex_iso} 13:00 "
        "or {ex_dm} 13:00."
    ),
    "mtg_new_ask_end": (
        "When does it end? Type the time, e.g. 15:00 – or a date and time if it ends on "
        "another day."
    ),
    "mtg_new_ask_place": (
        "Where is it held? Type the venue or address, or press <b>Skip</b> if it is online only."
    ),
    "mtg_new_ask_link": (
        "Is there a link for joining online? Type it (https://…) or press <b>Skip</b>."
    ),
    "mtg_new_ask_description": "Type a short description, or press <b>Skip</b>.",
    "mtg_new_ask_capacity": "How many seats are there? Type a number, 0 = unlimited.",
    "mtg_new_ask_deadline": (
        "Sign-up deadline? Type a date and time, e.g. {ex_dm} 12:00, or press <b>Skip</b> to keep "
        "sign-up open until the meeting starts."
    ),
    "mtg_new_preview": "☝️ This is the card recipients will see. Shall I create the meeting?",
    "mtg_new_created_announced": (
        "✔️ Meeting #{meeting_id} is created and being announced. See the answers in /meetings."
    ),
    "mtg_new_created_quiet": (
        "✔️ Meeting #{meeting_id} is created but not announced. Announce it from /meetings."
    ),
    "mtg_new_dropped": "Okay, the meeting was not created.",
    "mtg_stale": "That draft is no longer current. Start again with /newmeeting.",
    "mtg_capacity_invalid": "Type the number of seats as a number, e.g. 30 (0 = unlimited).",
    "mtg_link_invalid": "A link starts with https:// or http://. Type the link again.",
    "mtg_end_invalid": "The meeting must end after it starts ({start}). When does it end?",
    "mtg_deadline_invalid": (
        "The sign-up deadline must be before the meeting starts ({start}). Type an earlier time."
    ),
    "mtg_place_required": ("A meeting needs a place or a link. Type the link, or /cancel to stop."),
}
