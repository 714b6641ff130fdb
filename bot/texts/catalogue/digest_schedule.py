"""Texts: newsletter editions (scheduling errors and the summaries staff see in /campaigns)."""

SV: dict[str, str] = {
    "digest_special_in_past": "Tiden {time} har redan passerat. Välj en tid framåt.",
    "digest_edition_exists": "Det finns redan en utgåva av nyhetsbrevet {time}. Välj en annan tid.",
    "digest_note_too_long": "Hälsningen är för lång (högst {limit} tecken). Korta den gärna.",
    "digest_summary_weekly": "📰 Nyhetsbrev, veckans utgåva {when}",
    "digest_summary_monthly": "📰 Nyhetsbrev, månadens utgåva {when}",
    "digest_summary_special": "📰 Nyhetsbrev, specialutgåva {when}",
}

EN: dict[str, str] = {
    "digest_special_in_past": "{time} has already passed. Choose a time ahead.",
    "digest_edition_exists": "There is already a newsletter edition for {time}. Choose another time.",
    "digest_note_too_long": "The note is too long (at most {limit} characters). Please shorten it.",
    "digest_summary_weekly": "📰 Newsletter, weekly edition {when}",
    "digest_summary_monthly": "📰 Newsletter, monthly edition {when}",
    "digest_summary_special": "📰 Newsletter, special edition {when}",
}
