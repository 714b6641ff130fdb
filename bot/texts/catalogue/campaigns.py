"""Texts: campaigns (broadcasts) — errors for staff and reports to a campaign's author."""

SV: dict[str, str] = {
    "audience_unknown": (
        "Okänd mottagargrupp: {spec}. Använd all, contacts, subregion:NAMN, umbrella, topic:ÄMNE eller org:ID."
    ),
    "audience_subregion_unknown": (
        "Okänd delregion: {subregion}. Välj Fyrbodal, Skaraborg, Sjuhärad eller Göteborgsregionen."
    ),
    "audience_topic_unknown": "Okänt ämne för utskick: {topic}.",
    "audience_org_invalid": "Ogiltig organisation: {org}. Ange organisationens nummer.",
    "audience_id_invalid": "Ogiltig mottagargrupp: {spec}. Efter kolonet ska ett nummer stå.",
    "campaign_empty": "Utskicket är tomt: skriv en text eller bifoga en bild eller fil.",
    "campaign_too_long": "Texten är för lång för ett utskick (högst {limit} tecken).",
    "campaign_media_invalid": "Bilagan kan inte skickas: välj en bild eller ett dokument.",
    "campaign_buttons_invalid": "Knapparna är felaktiga: varje knapp behöver en text och en https-länk.",
    "campaign_not_found": "Det utskicket finns inte.",
    "campaign_not_running": "Utskicket pågår inte, så det går inte att pausa.",
    "campaign_not_paused": "Utskicket är inte pausat.",
    "campaign_finished": "Utskicket är redan avslutat.",
    "campaign_report": (
        "📬 Klart: {title}\n{sent} skickade, {failed} misslyckade, "
        "{skipped} hoppades över (av {total})."
    ),
    "campaign_paused_errors": (
        "⏸ Pausade sig självt: {title}\n{failures} av de senaste {window} "
        "meddelandena misslyckades. {sent} skickade, "
        "{failed} misslyckade, {pending} väntar. Kontrollera och återuppta det när felet är åtgärdat."
    ),
}

EN: dict[str, str] = {
    "audience_unknown": (
        "Unknown audience: {spec}. Use all, contacts, subregion:NAME, umbrella, topic:TOPIC or org:ID."
    ),
    "audience_subregion_unknown": (
        "Unknown sub-region: {subregion}. Choose Fyrbodal, Skaraborg, Sjuhärad or Göteborgsregionen."
    ),
    "audience_topic_unknown": "Unknown push topic: {topic}.",
    "audience_org_invalid": "Invalid organisation: {org}. Give the organisation's number.",
    "audience_id_invalid": "Invalid audience: {spec}. A number should follow the colon.",
    "campaign_empty": "The message is empty: write a text or attach a photo or file.",
    "campaign_too_long": "The text is too long for a broadcast (at most {limit} characters).",
    "campaign_media_invalid": "The attachment cannot be sent: choose a photo or a document.",
    "campaign_buttons_invalid": "The buttons are invalid: each needs a text and an https link.",
    "campaign_not_found": "That campaign does not exist.",
    "campaign_not_running": "The campaign is not running, so it cannot be paused.",
    "campaign_not_paused": "The campaign is not paused.",
    "campaign_finished": "The campaign has already finished.",
    "campaign_report": (
        "📬 Done: {title}\n{sent} sent, {failed} failed, {skipped} skipped (of {total})."
    ),
    "campaign_paused_errors": (
        "⏸ Paused itself: {title}\n{failures} of the last {window} messages "
        "failed. {sent} sent, {failed} failed, "
        "{pending} pending. Check and resume it once the problem is fixed."
    ),
}
