"""Texts: staff management of RSS/Atom feeds (/feeds) and notices about failing feeds."""

SV: dict[str, str] = {
    "feeds_bad_url": "Adressen {url} går inte att använda. Ange en http- eller https-adress.",
    "feeds_bad_kind": "Okänd typ av flöde: {kind}. Välj funding (utlysningar) eller news (nyheter).",
    "feeds_bad_interval": "Intervallet måste vara minst {seconds} {seconds|sekund|sekunder}.",
    "feeds_exists": "Flödet {url} finns redan.",
    "feeds_not_found": "Det finns inget flöde med nummer {feed_id}.",
    "feeds_add_usage": (
        "Det förstod jag inte riktigt. Skriv så här:\n"
        "<code>/feeds add ADRESS funding</code> för utlysningar eller "
        "<code>/feeds add ADRESS news</code> för nyheter.\n"
        "Vill du bara ha vissa inlägg, lägg till <code>include: ord, ord</code> och/eller "
        "<code>exclude: ord</code>; <code>interval: 60</code> ger hämtning var 60:e minut.\n"
        "Exempel: <code>/feeds add https://exempel.se/rss funding include: kultur, idrott</code>"
    ),
    "feeds_header": "<b>Flöden</b>",
    "feeds_none": "Inga flöden än.",
    "feeds_item": (
        "<b>#{feed_id}</b> {kind} · {status}\n"
        "{url}\n"
        "{items} inlägg · nästa hämtning {next_poll}{filters}{error}"
    ),
    "feeds_kind_funding": "utlysningar",
    "feeds_kind_news": "nyheter",
    "feeds_status_ok": "✅ fungerar",
    "feeds_status_failing": "⚠️ fel ({failures} i rad)",
    "feeds_status_disabled": "⛔ avstängt",
    "feeds_filters": "\nMed: {include} · Utan: {exclude}",
    "feeds_last_error": "\nSenaste fel: {error}",
    "feeds_help": (
        "<b>Lägg till ett flöde:</b>\n"
        "<code>/feeds add ADRESS funding</code> – utlysningar, blir kort till prenumeranterna\n"
        "<code>/feeds add ADRESS news</code> – nyheter, sparas till sammanfattningen\n"
        "Valfritt: <code>include: ord, ord</code> (bara inlägg med något av orden), "
        "<code>exclude: ord</code> (inga inlägg med orden), "
        "<code>interval: 60</code> (minuter mellan hämtningar, annars {minutes})."
    ),
    "feeds_added": "Flöde #{feed_id} är tillagt. Det hämtas inom en minut, eller tryck Hämta nu.",
    "feeds_confirm_remove": "Tryck igen för att ta bort flödet och allt som hämtats från det.",
    "feeds_removed": "Flöde #{feed_id} är borttaget.",
    "feeds_kept": "Flödet får vara kvar.",
    "feeds_polled_new": "#{feed_id}: {new} {new|nytt inlägg|nya inlägg}, {calls} {calls|ny utlysning|nya utlysningar}.",
    "feeds_polled_nothing": "#{feed_id}: inget nytt.",
    "feeds_polled_error": "#{feed_id} gick inte att hämta: {error}",
    "feeds_polled_removed": "Flöde #{feed_id} finns inte längre.",
    "button_feed_poll": "Hämta nu #{feed_id}",
    "button_feed_remove": "Ta bort #{feed_id}",
    "button_feed_confirm_remove": "Ja, ta bort #{feed_id}",
    "button_feed_keep": "Behåll",
    "feeds_staff_disabled": (
        "⛔ Flöde #{feed_id} ({url}) är avstängt efter {failures} misslyckade hämtningar i rad. "
        "Senaste fel: {error}\n"
        "Jag försöker ändå då och då och säger till om det fungerar igen. "
        "Se /feeds för att hämta nu eller ta bort det."
    ),
    "feeds_staff_recovered": "✅ Flöde #{feed_id} ({url}) fungerar igen och hämtas som vanligt.",
}

EN: dict[str, str] = {
    "feeds_bad_url": "The address {url} cannot be used. Give an http or https address.",
    "feeds_bad_kind": "Unknown kind of feed: {kind}. Choose funding or news.",
    "feeds_bad_interval": "The interval must be at least {seconds} {seconds|second|seconds}.",
    "feeds_exists": "The feed {url} already exists.",
    "feeds_not_found": "There is no feed number {feed_id}.",
    "feeds_add_usage": (
        "I did not quite get that. Write it like this:\n"
        "<code>/feeds add ADDRESS funding</code> for funding calls or "
        "<code>/feeds add ADDRESS news</code> for news.\n"
        "To keep only some items, add <code>include: word, word</code> and/or "
        "<code>exclude: word</code>; <code>interval: 60</code> fetches every 60 minutes.\n"
        "Example: <code>/feeds add https://example.org/rss funding include: culture, sport</code>"
    ),
    "feeds_header": "<b>Feeds</b>",
    "feeds_none": "No feeds yet.",
    "feeds_item": (
        "<b>#{feed_id}</b> {kind} · {status}\n"
        "{url}\n"
        "{items} {items|item|items} · next fetch {next_poll}{filters}{error}"
    ),
    "feeds_kind_funding": "funding calls",
    "feeds_kind_news": "news",
    "feeds_status_ok": "✅ working",
    "feeds_status_failing": "⚠️ failing ({failures} in a row)",
    "feeds_status_disabled": "⛔ disabled",
    "feeds_filters": "\nInclude: {include} · Exclude: {exclude}",
    "feeds_last_error": "\nLast error: {error}",
    "feeds_help": (
        "<b>Add a feed:</b>\n"
        "<code>/feeds add ADDRESS funding</code> – funding calls, sent as cards to subscribers\n"
        "<code>/feeds add ADDRESS news</code> – news, kept for the digest\n"
        "Optional: <code>include: word, word</code> (only items with one of the words), "
        "<code>exclude: word</code> (no items with the words), "
        "<code>interval: 60</code> (minutes between fetches, otherwise {minutes})."
    ),
    "feeds_added": "Feed #{feed_id} is added. It is fetched within a minute, or press Fetch now.",
    "feeds_confirm_remove": "Press again to remove the feed and everything fetched from it.",
    "feeds_removed": "Feed #{feed_id} is removed.",
    "feeds_kept": "The feed stays.",
    "feeds_polled_new": "#{feed_id}: {new} new {new|item|items}, {calls} new funding {calls|call|calls}.",
    "feeds_polled_nothing": "#{feed_id}: nothing new.",
    "feeds_polled_error": "#{feed_id} could not be fetched: {error}",
    "feeds_polled_removed": "Feed #{feed_id} no longer exists.",
    "button_feed_poll": "Fetch now #{feed_id}",
    "button_feed_remove": "Remove #{feed_id}",
    "button_feed_confirm_remove": "Yes, remove #{feed_id}",
    "button_feed_keep": "Keep",
    "feeds_staff_disabled": (
        "⛔ Feed #{feed_id} ({url}) is disabled after {failures} failed fetches in a row. "
        "Last error: {error}\n"
        "I still try now and then and will say when it works again. "
        "See /feeds to fetch it now or remove it."
    ),
    "feeds_staff_recovered": "✅ Feed #{feed_id} ({url}) works again and is fetched as usual.",
}
