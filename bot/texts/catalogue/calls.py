"""Texts: funding calls (utlysningar): cards, /calls, reminders, staff tools."""

SV: dict[str, str] = {
    # Cards and reminders
    "call_card_new": "💰 <b>Ny utlysning</b>",
    "call_card_title": "<b>{title}</b>",
    "call_card_funder": "Finansiär: {funder}",
    "call_card_deadline": "Sista ansökningsdag: {deadline} ({left})",
    "call_card_no_deadline": "Ingen sista ansökningsdag angiven",
    "call_card_tags": "Ämnen: {tags}",
    "call_card_withdrawn": "❌ <b>Tillbakadragen</b>",
    "call_left_today": "sista dagen i dag",
    "call_left_tomorrow": "i morgon",
    "call_left_days": "om {days} {days|dag|dagar}",
    "call_months": (
        "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december"
    ),
    "call_date": "{day} {month} {year} kl. {hour}.{minute}",
    "call_button_read_more": "Läs mer",
    "call_button_remind": "⏰ Påminn mig",
    "call_button_withdraw": "Dra tillbaka",
    "call_button_withdraw_confirm": "Ja, dra tillbaka",
    "call_button_keep": "Behåll",
    "call_reminder": "⏰ <b>Påminnelse:</b> sista dag för <b>{title}</b> är {deadline} ({left}).",
    "call_campaign_summary": "Utlysning: {title}",
    "call_reminder_summary": "Påminnelse om utlysning: {title}",
    # /calls and "Påminn mig"
    "calls_none": "Inga öppna utlysningar just nu.",
    "calls_header": "💰 <b>Öppna utlysningar</b> – närmast sista ansökningsdag först:",
    "calls_more": "Här visas de {shown} som stänger först.",
    "call_remind_set": (
        "⏰ Jag påminner dig om <b>{title}</b> den {when}. Sista ansökningsdag är {deadline}."
    ),
    "call_remind_soon": (
        "⏰ Sista ansökningsdag för <b>{title}</b> är redan {deadline}, "
        "så påminnelsen kommer alldeles strax."
    ),
    "call_remind_toast": "Påminnelsen är inställd.",
    "call_remind_already": "Du har redan en påminnelse: {when}.",
    "call_withdraw_ask": "Vill du dra tillbaka utlysningen? Tryck ”Ja, dra tillbaka”.",
    "call_withdraw_kept": "Utlysningen ligger kvar.",
    "call_withdrawn": "Utlysningen är tillbakadragen. Inga fler kort eller påminnelser skickas.",
    # Errors
    "call_title_missing": "Utlysningen behöver en titel.",
    "call_title_too_long": "Titeln är för lång – högst {limit} tecken.",
    "call_funder_too_long": "Finansiärens namn är för långt – högst {limit} tecken.",
    "call_description_too_long": "Beskrivningen är för lång – högst {limit} tecken. Korta ner den.",
    "call_link_invalid": "”{link}” ser inte ut som en webbadress. Den ska börja med https://.",
    "call_deadline_invalid": (
        "Jag förstår inte datumet ”{text}”. Skriv till exempel {ex_iso}, {ex_dm} eller {ex_words} "
        "(med klockslag om du vill: {ex_dm} 12:00)."
    ),
    "call_deadline_past": "{time} har redan varit. Ange en sista ansökningsdag framåt i tiden.",
    "call_tags_invalid": (
        "Högst {count} {count|ämne|ämnen}, med kommatecken emellan, och högst {length} tecken vardera."
    ),
    "call_not_found": "Utlysningen finns inte längre.",
    "call_already_withdrawn": "Utlysningen är redan tillbakadragen.",
    "call_closed": "Utlysningen är stängd – sista ansökningsdag har passerat.",
    "call_no_deadline": "Utlysningen har ingen sista ansökningsdag, så det finns inget att påminna om.",
    "call_draft_stale": "Det här utkastet är inte aktivt längre. Börja om med /newcall.",
    # /newcall
    "newcall_ask_nc_title": (
        "💰 <b>Ny utlysning</b> (steg 1 av 6)\nVad heter utlysningen?\n\n/cancel avbryter."
    ),
    "newcall_ask_nc_funder": "Steg 2 av 6: Vem är finansiär? (till exempel Västra Götalandsregionen)",
    "newcall_ask_nc_description": (
        "Steg 3 av 6: Beskriv utlysningen kort – vem kan söka, för vad och hur mycket."
    ),
    "newcall_ask_nc_link": (
        "Steg 4 av 6: Länk till mer information (börjar med https://), eller tryck Hoppa över."
    ),
    "newcall_ask_nc_deadline": (
        "Steg 5 av 6: Sista ansökningsdag? Skriv till exempel {ex_iso}, {ex_dm} eller {ex_words}. "
        "Ett datum utan klockslag gäller hela dagen (till kl. 23.59). Eller tryck Hoppa över."
    ),
    "newcall_ask_nc_tags": (
        "Steg 6 av 6: Ämnen, med kommatecken emellan (till exempel kultur, idrott), "
        "eller tryck Hoppa över."
    ),
    "newcall_button_skip": "Hoppa över",
    "newcall_button_publish": "Publicera",
    "newcall_button_cancel": "Avbryt",
    "newcall_preview": (
        "Så här ser kortet ut. Det går till {count} {count|person|personer} som får utlysningar. "
        "Tryck Publicera eller Avbryt."
    ),
    "newcall_use_buttons": "Tryck Publicera eller Avbryt under kortet (eller /cancel).",
    "newcall_published": "✅ Utlysningen är publicerad (nr {call_id}) och går ut till {count} {count|person|personer}.",
    "newcall_dropped": "Utlysningen publicerades inte.",
}

EN: dict[str, str] = {
    # Cards and reminders
    "call_card_new": "💰 <b>New funding call</b>",
    "call_card_title": "<b>{title}</b>",
    "call_card_funder": "Funder: {funder}",
    "call_card_deadline": "Deadline: {deadline} ({left})",
    "call_card_no_deadline": "No deadline given",
    "call_card_tags": "Areas: {tags}",
    "call_card_withdrawn": "❌ <b>Withdrawn</b>",
    "call_left_today": "last day today",
    "call_left_tomorrow": "tomorrow",
    "call_left_days": "in {days} {days|day|days}",
    "call_months": (
        "January,February,March,April,May,June,July,August,September,October,November,December"
    ),
    "call_date": "{day} {month} {year} at {hour}:{minute}",
    "call_button_read_more": "Read more",
    "call_button_remind": "⏰ Remind me",
    "call_button_withdraw": "Withdraw",
    "call_button_withdraw_confirm": "Yes, withdraw",
    "call_button_keep": "Keep",
    "call_reminder": "⏰ <b>Reminder:</b> the deadline for <b>{title}</b> is {deadline} ({left}).",
    "call_campaign_summary": "Funding call: {title}",
    "call_reminder_summary": "Funding call reminder: {title}",
    # /calls and "Remind me"
    "calls_none": "No open funding calls right now.",
    "calls_header": "💰 <b>Open funding calls</b> – nearest deadline first:",
    "calls_more": "Showing the {shown} that close first.",
    "call_remind_set": "⏰ I will remind you of <b>{title}</b> on {when}. The deadline is {deadline}.",
    "call_remind_soon": (
        "⏰ The deadline for <b>{title}</b> is already {deadline}, "
        "so the reminder comes in a moment."
    ),
    "call_remind_toast": "Reminder set.",
    "call_remind_already": "You already have a reminder: {when}.",
    "call_withdraw_ask": "Withdraw this funding call? Press “Yes, withdraw”.",
    "call_withdraw_kept": "The funding call stays.",
    "call_withdrawn": "The funding call is withdrawn. No more cards or reminders go out.",
    # Errors
    "call_title_missing": "The funding call needs a title.",
    "call_title_too_long": "The title is too long – at most {limit} characters.",
    "call_funder_too_long": "The funder's name is too long – at most {limit} characters.",
    "call_description_too_long": "The description is too long – at most {limit} characters.",
    "call_link_invalid": "“{link}” does not look like a web address. It should start with https://.",
    "call_deadline_invalid": (
        "I do not understand the date “{text}”. Write for example {ex_iso}, {ex_dm} or {ex_words} "
        "(with a time if you like: {ex_dm} 12:00)."
    ),
    "call_deadline_past": "{time} has already passed. Give a deadline in the future.",
    "call_tags_invalid": "At most {count} {count|area|areas}, separated by commas, of at most {length} characters each.",
    "call_not_found": "That funding call no longer exists.",
    "call_already_withdrawn": "That funding call is already withdrawn.",
    "call_closed": "That funding call is closed – its deadline has passed.",
    "call_no_deadline": "That funding call has no deadline, so there is nothing to remind you of.",
    "call_draft_stale": "This draft is no longer active. Start again with /newcall.",
    # /newcall
    "newcall_ask_nc_title": (
        "💰 <b>New funding call</b> (step 1 of 6)\nWhat is the call called?\n\n/cancel stops."
    ),
    "newcall_ask_nc_funder": "Step 2 of 6: Who is the funder? (for example Västra Götalandsregionen)",
    "newcall_ask_nc_description": (
        "Step 3 of 6: Describe the call briefly – who can apply, for what, and how much."
    ),
    "newcall_ask_nc_link": "Step 4 of 6: A link to more information (https://…), or press Skip.",
    "newcall_ask_nc_deadline": (
        "Step 5 of 6: The deadline? Write for example {ex_iso}, {ex_dm} or {ex_words}. "
        "A date without a time means the whole day (until 23:59). Or press Skip."
    ),
    "newcall_ask_nc_tags": (
        "Step 6 of 6: Subject areas, separated by commas (for example culture, sports), "
        "or press Skip."
    ),
    "newcall_button_skip": "Skip",
    "newcall_button_publish": "Publish",
    "newcall_button_cancel": "Cancel",
    "newcall_preview": (
        "This is how the card looks. It goes to {count} {count|person|people} who get funding calls. "
        "Press Publish or Cancel."
    ),
    "newcall_use_buttons": "Press Publish or Cancel under the card (or /cancel).",
    "newcall_published": "✅ The funding call is published (no. {call_id}) and goes out to {count} {count|person|people}.",
    "newcall_dropped": "The funding call was not published.",
}
