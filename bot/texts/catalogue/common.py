"""Texts no feature owns: /help, the command menu, dates, cancel, steps, generic errors."""

SV: dict[str, str] = {
    "help_member": (
        "<b>Det här kan jag</b>\n"
        "Ställ en fråga om överenskommelsen med egna ord, så svarar jag med källa. "
        "Kan jag inte svara skickar jag gärna frågan vidare till en handläggare.\n\n"
        "/start – börja om och välj språk\n"
        "/meetings – kommande dialogmöten och din anmälan\n"
        "/calls – öppna utlysningar, med påminnelse före sista dagen\n"
        "/nominate – nominera en kandidat till styrgruppen (kontaktpersoner)\n"
        "/forms – formulär att fylla i, pausa och ändra\n"
        "/profile – din organisations profil (kontaktpersoner)\n"
        "/settings – språk, organisation och utskick\n"
        "/stop – stäng av alla utskick (frågor kan du fortfarande ställa)\n"
        "/mydata – allt jag har sparat om dig, som en fil\n"
        "/delete – radera dina uppgifter hos mig\n"
        "/help – den här hjälpen\n"
        "/cancel – avbryt det du håller på med"
    ),
    "help_staff": (
        "<b>För handläggare</b>\n"
        "/unanswered – att granska: frågor jag inte kunde svara på och svar som fick 👎\n"
        "/faq – lägg till ett färdigt svar på en vanlig fråga\n"
        "/invite – en inbjudningslänk till en organisation, att vidarebefordra\n"
        "/broadcast – skicka ett meddelande till många (förhandsvisning först)\n"
        "/campaigns – senaste utskicken: läge, pausa, återuppta, avbryt\n"
        "/newmeeting – nytt dialogmöte; /meetings visar anmälda och låter dig ändra, "
        "flytta eller ställa in\n"
        "/attendees – deltagarlistan för ett möte som CSV-fil\n"
        "/newcall – lägg in en utlysning\n"
        "/feeds – RSS- och Atom-flöden med utlysningar och nyheter\n"
        "/digest – nyhetsbrevet: förhandsgranska, skicka en utgåva, standardinställning\n"
        "/newpoll – ny snabbenkät till medlemmar eller mötesdeltagare\n"
        "/results – resultatet av en enkät, med diagram\n"
        "/export – svaren på en enkät som CSV-fil\n"
        "/nominations – nomineringar till styrgruppen: läge, export, öppna och stäng\n"
        "/stats – uppföljning från organisationsprofilerna: siffror, diagram och CSV\n"
        "/formadmin – formulär: skicka, se läget, påminn, exportera svar, stäng\n"
        "Svara på en vidarebefordrad fråga genom att svara på mitt meddelande."
    ),
    "command_start": "Börja här och välj språk",
    "command_help": "Vad boten kan göra",
    "command_settings": "Språk, organisation och utskick",
    "command_stop": "Stäng av alla utskick",
    "command_meetings": "Kommande dialogmöten",
    "command_calls": "Öppna utlysningar",
    "command_cancel": "Avbryt pågående steg",
    "command_unanswered": "Att granska: obesvarade frågor och 👎 (handläggare)",
    "command_faq": "Lägg till vanlig fråga (handläggare)",
    "command_broadcast": "Skicka ett utskick (handläggare)",
    "command_campaigns": "Senaste utskicken (handläggare)",
    "command_invite": "Inbjudningslänk till en organisation (handläggare)",
    "command_newmeeting": "Nytt dialogmöte (handläggare)",
    "command_attendees": "Deltagarlista för ett möte (handläggare)",
    "command_newcall": "Lägg in en utlysning (handläggare)",
    "command_feeds": "Flöden med utlysningar och nyheter (handläggare)",
    "command_digest": "Nyhetsbrevet (handläggare)",
    "command_newpoll": "Ny snabbenkät (handläggare)",
    "command_results": "Resultat av en enkät (handläggare)",
    "command_export": "Enkätsvar som CSV-fil (handläggare)",
    "command_nominations": "Nomineringar till styrgruppen (handläggare)",
    "command_formadmin": "Formulär: skicka, påminn, exportera (handläggare)",
    "command_stats": "Uppföljning och statistik (handläggare)",
    "command_forms": "Formulär att fylla i",
    "command_profile": "Organisationens profil",
    # Names of days and months and the clock, for every feature's dates and times.
    "mtg_weekdays": "måndag,tisdag,onsdag,torsdag,fredag,lördag,söndag",
    "mtg_months": (
        "januari,februari,mars,april,maj,juni,juli,augusti,september,oktober,november,december"
    ),
    "mtg_clock": "{hour}.{minute}",
    # A point in time, e.g. "15 december kl. 13.00"; {time} as in mtg_clock.
    "moment": "{day} {month} kl. {time}",
    "moment_year": "{day} {month} {year} kl. {time}",
    "moment_time": "kl. {time}",
    "cancelled": "Okej, avbrutet. Du kan ställa en fråga när du vill.",
    "nothing_to_cancel": "Det finns inget att avbryta. Ställ gärna en fråga!",
    "step_use_buttons": "Välj med knapparna ovan, eller skriv /cancel för att avbryta.",
    "unknown_command": "Det kommandot känner jag inte till. Skriv /help för att se vad jag kan.",
    "only_text": (
        "Jag förstår bara text. Skriv din fråga med ord, eller skriv /help för att se vad jag kan."
    ),
    "private_only": "Jag svarar bara i privat chatt. Skriv till mig direkt: @{username}",
    "error_apology": "Oj, något gick fel hos mig. Försök gärna igen om en liten stund.",
    "button_cancel": "Avbryt",
    "callback_invalid": "Den knappen fungerar inte längre.",
    "callback_not_yours": "Den knappen är inte till för dig.",
    "not_staff": "Det här är bara för handläggare.",
    "language_unknown": "Det språket finns inte.",
    "user_not_found": "Jag hittar inte den användaren.",
}

EN: dict[str, str] = {
    "help_member": (
        "<b>What I can do</b>\n"
        "Ask a question about the agreement in your own words and I answer with the source. "
        "If I cannot answer, I can pass the question on to a member of staff.\n\n"
        "/start – start over and choose a language\n"
        "/meetings – upcoming dialogue meetings and your sign-up\n"
        "/calls – open funding calls, with a reminder before the deadline\n"
        "/nominate – nominate a candidate to the steering group (contacts)\n"
        "/forms – forms to fill in, pause and change\n"
        "/profile – your organisation's profile (contacts)\n"
        "/settings – language, organisation and notifications\n"
        "/stop – turn all notifications off (you can still ask questions)\n"
        "/mydata – everything I have stored about you, as a file\n"
        "/delete – erase your data\n"
        "/help – this help\n"
        "/cancel – cancel what you are doing"
    ),
    "help_staff": (
        "<b>For staff</b>\n"
        "/unanswered – to review: questions I could not answer and answers that got 👎\n"
        "/faq – add a ready answer to a common question\n"
        "/invite – an invitation link to an organisation, to forward\n"
        "/broadcast – send a message to many people (preview first)\n"
        "/campaigns – recent campaigns: progress, pause, resume, cancel\n"
        "/newmeeting – a new dialogue meeting; /meetings shows sign-ups and lets you edit, "
        "move or cancel\n"
        "/attendees – a meeting's attendee list as a CSV file\n"
        "/newcall – add a funding call\n"
        "/feeds – RSS and Atom feeds of funding calls and news\n"
        "/digest – the newsletter: preview, send an edition, default frequency\n"
        "/newpoll – a quick poll to members or meeting attendees\n"
        "/results – a poll's result, with a chart\n"
        "/export – a poll's answers as a CSV file\n"
        "/nominations – steering-group nominations: status, export, open and close\n"
        "/stats – follow-up from the organisation profiles: figures, chart and CSV\n"
        "/formadmin – forms: send, see progress, remind, export answers, close\n"
        "Answer a forwarded question by replying to my message."
    ),
    "command_start": "Start here and choose a language",
    "command_help": "What the bot can do",
    "command_settings": "Language, organisation and notifications",
    "command_stop": "Turn all notifications off",
    "command_meetings": "Upcoming dialogue meetings",
    "command_calls": "Open funding calls",
    "command_cancel": "Cancel the current step",
    "command_unanswered": "To review: unanswered questions and 👎 (staff)",
    "command_faq": "Add a common question (staff)",
    "command_broadcast": "Send a broadcast (staff)",
    "command_campaigns": "Recent campaigns (staff)",
    "command_invite": "Invitation link for an organisation (staff)",
    "command_newmeeting": "New dialogue meeting (staff)",
    "command_attendees": "A meeting's attendee list (staff)",
    "command_newcall": "Add a funding call (staff)",
    "command_feeds": "Feeds of funding calls and news (staff)",
    "command_digest": "The newsletter (staff)",
    "command_newpoll": "New quick poll (staff)",
    "command_results": "A poll's results (staff)",
    "command_export": "Poll answers as a CSV file (staff)",
    "command_nominations": "Nominations to the steering group (staff)",
    "command_formadmin": "Forms: send, remind, export (staff)",
    "command_stats": "Follow-up and statistics (staff)",
    "command_forms": "Forms to fill in",
    "command_profile": "Your organisation's profile",
    # Names of days and months and the clock, for every feature's dates and times.
    "mtg_weekdays": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "mtg_months": (
        "January,February,March,April,May,June,July,August,September,October,November,December"
    ),
    "mtg_clock": "{hour}:{minute}",
    "moment": "{day} {month} at {time}",
    "moment_year": "{day} {month} {year} at {time}",
    "moment_time": "{time}",
    "cancelled": "Okay, cancelled. Ask a question whenever you like.",
    "nothing_to_cancel": "There is nothing to cancel. Feel free to ask a question!",
    "step_use_buttons": "Choose with the buttons above, or write /cancel to stop.",
    "unknown_command": "I do not know that command. Type /help to see what I can do.",
    "only_text": "I only understand text. Type your question in words, or /help to see what I can do.",
    "private_only": "I only answer in private chats. Write to me directly: @{username}",
    "error_apology": "Oops, something went wrong on my side. Please try again in a moment.",
    "button_cancel": "Cancel",
    "callback_invalid": "That button no longer works.",
    "callback_not_yours": "That button is not yours.",
    "not_staff": "This is for staff only.",
    "language_unknown": "That language is not available.",
    "user_not_found": "I cannot find that user.",
}
