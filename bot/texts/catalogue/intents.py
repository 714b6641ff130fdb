"""Texts: questions answered from the bot's own data (next meeting, open calls, sign-ups, forms)."""

SV: dict[str, str] = {
    "intent_meetings_header": "📅 <b>Nästa dialogmöte</b> – svara med knapparna under mötet:",
    "intent_meetings_header_many": (
        "📅 <b>Nästa dialogmöte</b> och de som kommer efter – svara med knapparna under varje möte:"
    ),
    "intent_no_meetings": "Inga dialogmöten är inplanerade just nu.",
    "intent_no_calls": "Inga utlysningar är öppna just nu.",
    "intent_signups_header": "📝 <b>Det här har du anmält dig till</b>",
    "intent_signup_going": "✅ {title}\n     {when}",
    "intent_signup_waiting": "⏳ {title}\n     {when}\n     Plats {position} på väntelistan",
    "intent_signups_footer": "Skriv /meetings för att se korten och ändra ditt svar.",
    "intent_no_signups": "Du är inte anmäld till något kommande dialogmöte.",
    "intent_polls_header": "🗳 <b>Enkäter som väntar på ditt svar</b>",
    "intent_no_forms": "Inga formulär eller enkäter väntar på dig just nu.",
    "intent_topic_offer": "Vill du att jag säger till när det kommer något? Slå på ”{topic}”.",
    "intent_topic_already_on": "Du får redan utskick om ”{topic}”, så jag säger till när det kommer något.",
    "intent_button_topic_on": "🔔 Slå på ”{topic}”",
    "intent_topic_turned_on": "🔔 Klart – nu får du utskick om ”{topic}”.",
}

EN: dict[str, str] = {
    "intent_meetings_header": "📅 <b>Next dialogue meeting</b> – answer with the buttons below it:",
    "intent_meetings_header_many": (
        "📅 <b>Next dialogue meeting</b> and the ones after it – answer with the buttons below each:"
    ),
    "intent_no_meetings": "No dialogue meetings are planned right now.",
    "intent_no_calls": "No funding calls are open right now.",
    "intent_signups_header": "📝 <b>What you have signed up for</b>",
    "intent_signup_going": "✅ {title}\n     {when}",
    "intent_signup_waiting": "⏳ {title}\n     {when}\n     Place {position} on the waiting list",
    "intent_signups_footer": "Type /meetings to see the cards and change your answer.",
    "intent_no_signups": "You are not signed up for any upcoming dialogue meeting.",
    "intent_polls_header": "🗳 <b>Polls waiting for your answer</b>",
    "intent_no_forms": "No forms or polls are waiting for you right now.",
    "intent_topic_offer": "Shall I tell you when there is something? Turn on “{topic}”.",
    "intent_topic_already_on": "You already get notifications about “{topic}”, so I will tell you when there is something.",
    "intent_button_topic_on": "🔔 Turn on “{topic}”",
    "intent_topic_turned_on": "🔔 Done – you now get notifications about “{topic}”.",
}
