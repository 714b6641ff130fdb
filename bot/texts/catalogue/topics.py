"""Texts: which pushes a user receives (🔔 in /settings) and /stop."""

SV: dict[str, str] = {
    "button_topics": "🔔 Utskick",
    "topic_announcements": "Meddelanden från regionen",
    "topic_meetings": "Dialogmöten",
    "topic_funding_calls": "Utlysningar",
    "topic_digest": "Nyhetsbrev",
    "topic_polls": "Enkäter",
    "topics_menu": (
        "<b>🔔 Utskick</b>\n"
        "Välj vad jag ska skicka till dig. Tryck på ett ämne för att slå på eller av det.\n\n"
        "{summary}\n\n"
        "Frågor kan du ställa när du vill, vad du än väljer här."
    ),
    "topics_summary_all": "Du får alla utskick.",
    "topics_summary_some": "{count} av {total} sorters utskick är på.",
    "topics_summary_none": "Du får inga utskick just nu.",
    "button_topics_all_off": "Stäng av allt",
    "button_topics_all_on": "Slå på allt",
    "topic_turned_on": "{topic}: på",
    "topic_turned_off": "{topic}: av",
    "topics_all_on": "Alla utskick är på.",
    "topics_all_off": "Alla utskick är avstängda.",
    "topics_stopped": (
        "🔕 Klart – jag skickar inga fler utskick till dig: inga meddelanden från regionen, "
        "dialogmöten, utlysningar, nyhetsbrev eller enkäter.\n\n"
        "Jag svarar fortfarande när du ställer en fråga.\n\n"
        "Vill du ha utskick igen? Skriv /settings och välj <b>🔔 Utskick</b>. Där kan du "
        "sätta på allt eller bara det du vill ha."
    ),
}

EN: dict[str, str] = {
    "button_topics": "🔔 Notifications",
    "topic_announcements": "News from the region",
    "topic_meetings": "Dialogue meetings",
    "topic_funding_calls": "Funding calls",
    "topic_digest": "Newsletter",
    "topic_polls": "Polls",
    "topics_menu": (
        "<b>🔔 Notifications</b>\n"
        "Choose what I send you. Tap a topic to turn it on or off.\n\n"
        "{summary}\n\n"
        "You can ask questions whenever you like, whatever you choose here."
    ),
    "topics_summary_all": "You get all notifications.",
    "topics_summary_some": "You get {count} of {total} {total|kind|kinds} of notification.",
    "topics_summary_none": "You get no notifications right now.",
    "button_topics_all_off": "Turn all off",
    "button_topics_all_on": "Turn all on",
    "topic_turned_on": "{topic}: on",
    "topic_turned_off": "{topic}: off",
    "topics_all_on": "All notifications are on.",
    "topics_all_off": "All notifications are off.",
    "topics_stopped": (
        "🔕 Done – I will send you no more notifications: no news from the region, "
        "dialogue meetings, funding calls, newsletters or polls.\n\n"
        "I still answer when you ask a question.\n\n"
        "Want notifications again? Type /settings and choose <b>🔔 Notifications</b>. There "
        "you can turn everything on, or just what you want."
    ),
}
