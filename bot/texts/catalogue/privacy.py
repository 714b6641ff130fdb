"""Texts: privacy (the notice at /start, /mydata and /delete)."""

SV: dict[str, str] = {
    "privacy_notice": (
        "🔒 <b>Dina uppgifter:</b> jag sparar ditt namn och Telegram-id, språk, organisation "
        "och vilka utskick du vill ha, så att jag kan svara dig och skicka det du valt. "
        "Dina frågor sparas i {months} {months|månad|månader} för att vi ska kunna förbättra svaren; "
        "mötesanmälningar och enkätsvar så länge de behövs. "
        "/mydata visar allt jag har om dig och /delete raderar det."
    ),
    "privacy_notice_link": ' <a href="{url}">Läs mer om hur vi hanterar personuppgifter.</a>',
    "privacy_notice_llm": (
        " Svaren formuleras automatiskt av en språkmodell: texten i dina frågor skickas därför "
        "till tjänsten på {host}."
    ),
    "privacy_mydata_caption": (
        "📄 Här är allt jag har sparat om dig. Vill du att jag raderar det? Skriv /delete."
    ),
    "privacy_delete_confirm": (
        "Vill du att jag raderar allt jag har sparat om dig? Det gäller ditt namn, dina "
        "inställningar, frågor, mötesanmälningar och påminnelser.\n\n"
        "Svar i enkäter finns kvar i statistiken, men utan koppling till dig. "
        "Det går inte att ångra."
    ),
    "privacy_delete_yes": "Radera allt",
    "privacy_delete_no": "Avbryt",
    "privacy_delete_kept": "Inget är raderat. Dina uppgifter finns kvar.",
    "privacy_deleted": (
        "Klart – allt jag hade sparat om dig är raderat. Tack för den här gången! 👋\n"
        "Skriver du till mig igen börjar vi om från början."
    ),
    "privacy_already_deleted": "Jag har inga uppgifter sparade om dig.",
}

EN: dict[str, str] = {
    "privacy_notice": (
        "🔒 <b>Your data:</b> I store your name and Telegram id, language, organisation and "
        "which messages you want, so that I can answer you and send what you chose. "
        "Your questions are kept for {months} {months|month|months} so that we can improve the answers; "
        "meeting sign-ups and poll answers as long as they are needed. "
        "/mydata shows everything I hold about you and /delete erases it."
    ),
    "privacy_notice_link": ' <a href="{url}">Read more about how we handle personal data.</a>',
    "privacy_notice_llm": (
        " Answers are phrased automatically by a language model: the text of your questions is "
        "therefore sent to the service at {host}."
    ),
    "privacy_mydata_caption": (
        "📄 Here is everything I have stored about you. Want me to erase it? Send /delete."
    ),
    "privacy_delete_confirm": (
        "Do you want me to erase everything I have stored about you? That is your name, your "
        "settings, questions, meeting sign-ups and reminders.\n\n"
        "Poll answers stay in the statistics, but without any link to you. "
        "This cannot be undone."
    ),
    "privacy_delete_yes": "Erase everything",
    "privacy_delete_no": "Cancel",
    "privacy_delete_kept": "Nothing was erased. Your data is still here.",
    "privacy_deleted": (
        "Done – everything I had stored about you is erased. Thanks for now! 👋\n"
        "If you write to me again, we start from the beginning."
    ),
    "privacy_already_deleted": "I have no data stored about you.",
}
