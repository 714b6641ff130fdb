"""Texts: newsletter digests — the digest, /digest, reader settings and editions."""

SV: dict[str, str] = {
    "digest_title_weekly": "📰 <b>Veckans nyhetsbrev</b>",
    "digest_title_monthly": "📰 <b>Månadens nyhetsbrev</b>",
    "digest_title_special": "📰 <b>Nyhetsbrev – specialutgåva</b>",
    "digest_since": "<i>Det här är nytt sedan {date}.</i>",
    "digest_note_heading": "💬 <b>Hälsning från oss</b>",
    "digest_section_announcements": "📣 <b>Meddelanden</b>",
    "digest_section_meetings": "📅 <b>Kommande dialogmöten</b>",
    "digest_section_polls": "📊 <b>Enkäter som väntar på ditt svar</b>",
    "digest_more_polls": "…och {count} {count|enkät|enkäter} till.",
    "digest_poll_closes": "svara senast {date}",
    "digest_button_poll": "Svara",
    "digest_section_calls": "💰 <b>Utlysningar</b>",
    "digest_section_news": "🗞 <b>Nyheter</b>",
    "digest_more_announcements": "…och {count} {count|meddelande|meddelanden} till.",
    "digest_more_meetings": "…och {count} till: /meetings",
    "digest_more_calls": "…och {count} till: /calls",
    "digest_more_news": "…och {count} {count|nyhet|nyheter} till.",
    "digest_announcement_media": "📎 Ett meddelande med bifogad fil.",
    "digest_meeting_online": "digitalt",
    "digest_meeting_going": "✅ Du är anmäld.",
    "digest_meeting_waiting": "⏳ Du står på plats {position} i kön.",
    "digest_meeting_declined": "➖ Du har tackat nej.",
    "digest_meeting_open": "Anmäl dig senast {date}.",
    "digest_meeting_full": "Fullt just nu – anmäl dig så får du en plats i kön.",
    "digest_meeting_closed": "Anmälan är stängd.",
    "digest_call_new": "🆕",
    "digest_call_deadline": "Sista dag {date} ({left})",
    "digest_call_no_deadline": "Ingen sista ansökningsdag angiven",
    "digest_weekdays": "mån,tis,ons,tors,fre,lör,sön",
    "digest_months": "jan,feb,mars,apr,maj,juni,juli,aug,sep,okt,nov,dec",
    "digest_date": "{weekday} {day} {month}",
    "digest_moment": "{date} kl. {hour}.{minute}",
    "digest_button_signup": "Anmäl mig",
    "digest_button_read": "Läs mer",
    "digest_button_settings": "⚙️ Nyhetsbrevsinställningar",
    # Readers: /settings → 📰 Nyhetsbrev, and the ⚙️ button under a digest
    "dchat_button_settings": "📰 Nyhetsbrev",
    "dchat_menu": (
        "<b>📰 Nyhetsbrev</b>\n"
        "Ett kort nyhetsbrev med det som är nytt: dialogmöten, utlysningar, "
        "meddelanden från regionen och nyheter.\n\n"
        "Just nu: <b>{choice}</b>"
    ),
    "dchat_choice_default": "{frequency} (standardinställningen)",
    "dchat_frequency_weekly": "Varje vecka ({weekday} kl. {time})",
    "dchat_frequency_monthly": "Varje månad (första vardagen kl. {time})",
    "dchat_frequency_off": "Av",
    "dchat_weekday_mon": "måndagar",
    "dchat_weekday_tue": "tisdagar",
    "dchat_weekday_wed": "onsdagar",
    "dchat_weekday_thu": "torsdagar",
    "dchat_weekday_fri": "fredagar",
    "dchat_weekday_sat": "lördagar",
    "dchat_weekday_sun": "söndagar",
    "dchat_chosen_weekly": "Du får nyhetsbrevet varje vecka.",
    "dchat_chosen_monthly": "Du får nyhetsbrevet en gång i månaden.",
    "dchat_chosen_off": "Nyhetsbrevet är avstängt.",
    # Staff: /digest
    "dchat_staff_menu": (
        "<b>📰 Nyhetsbrev</b>\n"
        "Standard för den som inte valt själv: <b>{default}</b>\n\n"
        "<b>Nästa utgåvor</b>\n{editions}"
    ),
    "dchat_edition_line": "• {kind}: {when} – {readers} läsare",
    "dchat_special_line": "• {kind}: {when}",
    "dchat_kind_weekly": "Veckobrev",
    "dchat_kind_monthly": "Månadsbrev",
    "dchat_kind_special": "Specialutgåva",
    "dchat_button_preview": "👁 Förhandsgranska",
    "dchat_button_now": "📨 Skicka en utgåva nu",
    "dchat_button_special": "🗓 Schemalägg specialutgåva",
    "dchat_button_default": "Standard: {frequency}",
    "dchat_short_weekly": "Varje vecka",
    "dchat_short_monthly": "Varje månad",
    "dchat_short_off": "Av",
    "dchat_default_set": "Standard är nu: {frequency}.",
    "dchat_preview_header": "👁 Så här ser nästa nyhetsbrev till {name} ut ({frequency}):",
    "dchat_preview_off": (
        "{name} har stängt av nyhetsbrevet och får inga utgåvor. Så här skulle ett veckobrev se ut:"
    ),
    "dchat_preview_empty": "Nästa nyhetsbrev till {name} skulle vara tomt och skickas inte.",
    "dchat_ask_note": (
        "Vill du ha en hälsning högst upp i nyhetsbrevet? Skriv den nu, "
        "eller tryck på <b>Ingen hälsning</b>. /cancel avbryter."
    ),
    "dchat_button_no_note": "Ingen hälsning",
    "dchat_ask_when": (
        "När ska specialutgåvan skickas? Skriv datum och tid i svensk tid, "
        "till exempel <code>{ex_dm} 09:00</code> eller <code>{ex_iso} 09:00</code>. /cancel avbryter."
    ),
    "dchat_draft_preview": "👁 Så här får du utgåvan:",
    "dchat_draft_empty": (
        "Du själv skulle inte få något i den här utgåvan (inget nytt för dig och ingen hälsning). "
        "Andra läsare kan ändå få den."
    ),
    "dchat_confirm_now": (
        "Skicka utgåvan nu till alla som får nyhetsbrevet ({count} läsare)? "
        "Var och en får det som är nytt för just dem; tomma nyhetsbrev skickas inte."
    ),
    "dchat_confirm_special": (
        "Schemalägga en specialutgåva {when} till alla som får nyhetsbrevet (nu {count} läsare)?"
    ),
    "dchat_button_send": "Skicka",
    "dchat_button_schedule": "Schemalägg",
    "dchat_button_cancel": "Avbryt",
    "dchat_sent_now": "📨 Utgåva #{edition_id} skickas nu. Följ utskicket i /campaigns.",
    "dchat_scheduled": (
        "🗓 Specialutgåva #{edition_id} skickas {when}. Du kan avbryta den i /campaigns."
    ),
    "dchat_dropped": "Okej, ingen utgåva skickas.",
    "dchat_use_buttons": "Tryck på en av knapparna ovan, eller skriv /cancel.",
    "dchat_draft_stale": "Det här utkastet gäller inte längre. Börja om med /digest.",
    "dchat_reader_invalid": (
        "Skriv ett Telegram-id (siffror) eller ett @användarnamn, "
        "till exempel <code>/digest preview @anna</code>."
    ),
    "dchat_reader_unknown": "Jag hittar ingen användare {reference}.",
    "digest_special_in_past": "Tiden {time} har redan passerat. Välj en tid framåt.",
    "digest_edition_exists": "Det finns redan en utgåva av nyhetsbrevet {time}. Välj en annan tid.",
    "digest_note_too_long": "Hälsningen är för lång (högst {limit} tecken). Korta den gärna.",
    "digest_summary_weekly": "📰 Nyhetsbrev, veckans utgåva {when}",
    "digest_summary_monthly": "📰 Nyhetsbrev, månadens utgåva {when}",
    "digest_summary_special": "📰 Nyhetsbrev, specialutgåva {when}",
}

EN: dict[str, str] = {
    "digest_title_weekly": "📰 <b>This week's newsletter</b>",
    "digest_title_monthly": "📰 <b>This month's newsletter</b>",
    "digest_title_special": "📰 <b>Newsletter – special edition</b>",
    "digest_since": "<i>Here is what's new since {date}.</i>",
    "digest_note_heading": "💬 <b>A note from us</b>",
    "digest_section_announcements": "📣 <b>Announcements</b>",
    "digest_section_meetings": "📅 <b>Upcoming dialogue meetings</b>",
    "digest_section_polls": "📊 <b>Polls waiting for your answer</b>",
    "digest_more_polls": "…and {count} more {count|poll|polls}.",
    "digest_poll_closes": "answer by {date}",
    "digest_button_poll": "Answer",
    "digest_section_calls": "💰 <b>Funding calls</b>",
    "digest_section_news": "🗞 <b>News</b>",
    "digest_more_announcements": "…and {count} more {count|announcement|announcements}.",
    "digest_more_meetings": "…and {count} more: /meetings",
    "digest_more_calls": "…and {count} more: /calls",
    "digest_more_news": "…and {count} more news {count|item|items}.",
    "digest_announcement_media": "📎 A message with an attachment.",
    "digest_meeting_online": "online",
    "digest_meeting_going": "✅ You are signed up.",
    "digest_meeting_waiting": "⏳ You are number {position} on the waiting list.",
    "digest_meeting_declined": "➖ You said you cannot come.",
    "digest_meeting_open": "Sign up by {date}.",
    "digest_meeting_full": "Full for now – sign up to join the waiting list.",
    "digest_meeting_closed": "Sign-up is closed.",
    "digest_call_new": "🆕",
    "digest_call_deadline": "Deadline {date} ({left})",
    "digest_call_no_deadline": "No deadline given",
    "digest_weekdays": "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
    "digest_months": "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    "digest_date": "{weekday} {day} {month}",
    "digest_moment": "{date}, {hour}:{minute}",
    "digest_button_signup": "Sign me up",
    "digest_button_read": "Read more",
    "digest_button_settings": "⚙️ Newsletter settings",
    "dchat_button_settings": "📰 Newsletter",
    "dchat_menu": (
        "<b>📰 Newsletter</b>\n"
        "A short newsletter with what is new: dialogue meetings, funding calls, "
        "messages from the region and news.\n\n"
        "Right now: <b>{choice}</b>"
    ),
    "dchat_choice_default": "{frequency} (the default)",
    "dchat_frequency_weekly": "Every week ({weekday} at {time})",
    "dchat_frequency_monthly": "Every month (first weekday at {time})",
    "dchat_frequency_off": "Off",
    "dchat_weekday_mon": "Mondays",
    "dchat_weekday_tue": "Tuesdays",
    "dchat_weekday_wed": "Wednesdays",
    "dchat_weekday_thu": "Thursdays",
    "dchat_weekday_fri": "Fridays",
    "dchat_weekday_sat": "Saturdays",
    "dchat_weekday_sun": "Sundays",
    "dchat_chosen_weekly": "You get the newsletter every week.",
    "dchat_chosen_monthly": "You get the newsletter once a month.",
    "dchat_chosen_off": "The newsletter is off.",
    "dchat_staff_menu": (
        "<b>📰 Newsletter</b>\n"
        "Default for readers who have not chosen: <b>{default}</b>\n\n"
        "<b>Next editions</b>\n{editions}"
    ),
    "dchat_edition_line": "• {kind}: {when} – {readers} {readers|reader|readers}",
    "dchat_special_line": "• {kind}: {when}",
    "dchat_kind_weekly": "Weekly",
    "dchat_kind_monthly": "Monthly",
    "dchat_kind_special": "Special edition",
    "dchat_button_preview": "👁 Preview",
    "dchat_button_now": "📨 Send an edition now",
    "dchat_button_special": "🗓 Schedule a special edition",
    "dchat_button_default": "Default: {frequency}",
    "dchat_short_weekly": "Every week",
    "dchat_short_monthly": "Every month",
    "dchat_short_off": "Off",
    "dchat_default_set": "The default is now: {frequency}.",
    "dchat_preview_header": "👁 This is the next newsletter for {name} ({frequency}):",
    "dchat_preview_off": (
        "{name} has turned the newsletter off and gets no editions. "
        "A weekly edition would look like this:"
    ),
    "dchat_preview_empty": "The next newsletter for {name} would be empty and is not sent.",
    "dchat_ask_note": (
        "Would you like a greeting at the top of the newsletter? Write it now, "
        "or press <b>No greeting</b>. /cancel stops."
    ),
    "dchat_button_no_note": "No greeting",
    "dchat_ask_when": (
        "When should the special edition go out? Write a date and time in Swedish time, "
        "e.g. <code>{ex_dm} 09:00</code> or <code>{ex_iso} 09:00</code>. /cancel stops."
    ),
    "dchat_draft_preview": "👁 This is how you get the edition:",
    "dchat_draft_empty": (
        "You yourself would get nothing in this edition (nothing new for you and no greeting). "
        "Other readers may still get it."
    ),
    "dchat_confirm_now": (
        "Send the edition now to everyone who gets the newsletter ({count} {count|reader|readers})? "
        "Each gets what is new for them; empty newsletters are not sent."
    ),
    "dchat_confirm_special": (
        "Schedule a special edition for {when} to everyone who gets the newsletter "
        "(now {count} {count|reader|readers})?"
    ),
    "dchat_button_send": "Send",
    "dchat_button_schedule": "Schedule",
    "dchat_button_cancel": "Cancel",
    "dchat_sent_now": "📨 Edition #{edition_id} is being sent. Follow it in /campaigns.",
    "dchat_scheduled": (
        "🗓 Special edition #{edition_id} goes out on {when}. You can cancel it in /campaigns."
    ),
    "dchat_dropped": "Okay, no edition is sent.",
    "dchat_use_buttons": "Press one of the buttons above, or write /cancel.",
    "dchat_draft_stale": "This draft is no longer valid. Start again with /digest.",
    "dchat_reader_invalid": (
        "Write a Telegram id (digits) or an @username, e.g. <code>/digest preview @anna</code>."
    ),
    "dchat_reader_unknown": "I cannot find a user {reference}.",
    "digest_special_in_past": "{time} has already passed. Choose a time ahead.",
    "digest_edition_exists": "There is already a newsletter edition for {time}. Choose another time.",
    "digest_note_too_long": "The note is too long (at most {limit} characters). Please shorten it.",
    "digest_summary_weekly": "📰 Newsletter, weekly edition {when}",
    "digest_summary_monthly": "📰 Newsletter, monthly edition {when}",
    "digest_summary_special": "📰 Newsletter, special edition {when}",
}
