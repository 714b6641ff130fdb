"""Texts: staff management of RSS/Atom feeds (/feeds) and notices about failing feeds."""

SV: dict[str, str] = {
    "feeds_bad_url": "Adressen ”{url}” går inte att använda. Ange en http- eller https-adress.",
    "feeds_bad_kind": "Okänd typ av flöde: {kind}. Välj funding (utlysningar) eller news (nyheter).",
    "feeds_bad_interval": "Intervallet måste vara minst {seconds} {seconds|sekund|sekunder}.",
    "feeds_exists": "Flödet {url} finns redan.",
    "feeds_not_found": "Det finns inget flöde med nummer {feed_id}.",
    "feeds_add_usage": (
        "Det förstod jag inte riktigt. Skriv bara /feeds add så frågar jag steg för steg.\n"
        "Eller allt på en rad: <code>/feeds add ADRESS utlysningar</code> eller "
        "<code>/feeds add ADRESS nyheter</code>, och om du vill "
        "<code>med: ord, ord</code>, <code>utan: ord</code> och <code>intervall: 60</code>.\n"
        "Exempel: <code>/feeds add https://exempel.se/rss utlysningar med: kultur, idrott</code>"
    ),
    "feeds_add_ask_url": (
        "<b>Nytt flöde</b> · steg 1 av 5\n"
        "Vilken adress har flödet? Klistra in RSS- eller Atom-adressen, "
        "t.ex. <code>https://www.vgregion.se/rss</code>.\n"
        "Du kan avbryta när som helst med /cancel."
    ),
    "feeds_add_ask_kind": (
        "Steg 2 av 5 · Vad innehåller flödet?\n"
        "<b>Utlysningar</b> blir kort till dem som prenumererar på utlysningar. "
        "<b>Nyheter</b> sparas till nyhetsbrevet."
    ),
    "feeds_add_ask_include": (
        "Steg 3 av 5 · Ska bara inlägg med vissa ord tas med? Skriv orden med komma emellan, "
        "t.ex. <i>kultur, idrott</i>, eller tryck Hoppa över för att ta med allt."
    ),
    "feeds_add_ask_exclude": (
        "Steg 4 av 5 · Finns det ord som gör att ett inlägg ska hoppas över? "
        "Skriv dem med komma emellan, eller tryck Hoppa över."
    ),
    "feeds_add_ask_interval": (
        "Steg 5 av 5 · Hur ofta ska flödet hämtas? Välj nedan, eller skriv antal minuter."
    ),
    "feeds_add_bad_kind": "Tryck på Utlysningar eller Nyheter (eller skriv ordet).",
    "feeds_add_no_words": "Skriv minst ett ord, eller tryck Hoppa över.",
    "feeds_add_words_too_long": "Det blev för långt (högst {limit} tecken).",
    "feeds_add_bad_interval": (
        "Skriv hur många minuter det ska gå mellan hämtningarna, t.ex. <code>60</code> "
        "(eller <code>2 h</code>, <code>1 dygn</code>); högst {limit} minuter, en vecka."
    ),
    "feeds_add_preview": (
        "<b>Nytt flöde</b>\n"
        "Adress: {url}\n"
        "Typ: {kind}\n"
        "Bara inlägg med: {include}\n"
        "Inga inlägg med: {exclude}\n"
        "Hämtas: med {interval} mellanrum\n\n"
        "{trial}\n\n"
        "{first}\n\n"
        "Ska jag lägga till flödet?"
    ),
    "feeds_add_trial_ok": "✅ Jag provhämtade flödet: {items} inlägg.",
    "feeds_add_trial_filtered": (
        "✅ Jag provhämtade flödet: {items} inlägg, varav {matching} passar orden."
    ),
    "feeds_add_trial_failed": (
        "⚠️ Jag provhämtade flödet, men det {problem}. Du kan lägga till det ändå; "
        "då försöker jag igen med jämna mellanrum, och /feeds visar hur det går."
    ),
    "feeds_add_first_fetch": (
        "Första gången annonseras högst {first} inlägg som är högst {days} "
        "{days|dag|dagar} gamla, sedan högst {cap} {cap|nytt|nya} per hämtning; resten sparas "
        "utan utskick."
    ),
    "feeds_add_use_buttons": "Tryck Lägg till eller Avbryt under förhandsvisningen (eller /cancel).",
    "feeds_add_dropped": "Flödet lades inte till.",
    "feeds_add_stale": "Den knappen hör till ett flöde som inte längre läggs till. Börja om med /feeds add.",
    "feeds_interval_min": "{n} min",
    "feeds_interval_hour": "1 timme",
    "feeds_interval_hours": "{n} timmar",
    "feeds_interval_day": "1 dygn",
    "feeds_interval_days": "{n} dygn",
    "feeds_interval_default": "{label} (standard)",
    "button_feed_add": "➕ Lägg till flöde",
    "button_feed_add_funding": "Utlysningar",
    "button_feed_add_news": "Nyheter",
    "button_feed_add_skip": "Hoppa över",
    "button_feed_add_confirm": "Lägg till",
    "button_feed_add_drop": "Avbryt",
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
    "feeds_status_new": "🕓 inte hämtad än",
    "feeds_last_error": "\nSenaste fel: flödet {error}.",
    "feeds_problem_unreachable": (
        "går inte att nå (adressen finns inte, eller servern svarar inte)"
    ),
    "feeds_problem_timeout": "svarade inte i tid",
    "feeds_problem_http_missing": "finns inte längre på adressen (felkod {status})",
    "feeds_problem_http_denied": "är låst, servern släpper inte in oss (felkod {status})",
    "feeds_problem_http_server": (
        "kunde inte hämtas, servern har problem just nu (felkod {status})"
    ),
    "feeds_problem_http_other": "kunde inte hämtas, servern svarade med felkod {status}",
    "feeds_problem_too_large": "är för stort (över 2 MB)",
    "feeds_problem_redirects": "skickar oss runt i en slinga av omdirigeringar",
    "feeds_problem_not_feed": "är inget RSS- eller Atom-flöde",
    "feeds_problem_internal": ("kunde inte hämtas på grund av ett fel i boten (det står i loggen)"),
    "feeds_help": (
        "<b>Lägg till ett flöde:</b> tryck ➕ Lägg till flöde eller skriv /feeds add, "
        "så frågar jag steg för steg. <b>Utlysningar</b> blir kort till prenumeranterna, "
        "<b>nyheter</b> sparas till nyhetsbrevet; hämtas med {interval} mellanrum om inget annat "
        "väljs.\n"
        "Allt på en rad går också: <code>/feeds add ADRESS utlysningar med: kultur, idrott "
        "utan: avslutad intervall: 60</code>"
    ),
    "feeds_added": "Flöde #{feed_id} är tillagt. Det hämtas inom en minut, eller tryck Hämta nu.",
    "feeds_confirm_remove": "Tryck igen för att ta bort flödet och allt som hämtats från det.",
    "feeds_removed": "Flöde #{feed_id} är borttaget.",
    "feeds_kept": "Flödet får vara kvar.",
    "feeds_polled_new": "#{feed_id}: {new} {new|nytt inlägg|nya inlägg}, {calls} {calls|ny utlysning|nya utlysningar}.",
    "feeds_polled_quiet": "{quiet} av dem sparades utan utskick (för många på en gång).",
    "feeds_polled_nothing": "#{feed_id}: inget nytt.",
    "feeds_polled_error": "#{feed_id}: flödet {error}.",
    "feeds_polled_removed": "Flöde #{feed_id} finns inte längre.",
    "button_feed_poll": "Hämta nu #{feed_id}",
    "button_feed_remove": "Ta bort #{feed_id}",
    "button_feed_confirm_remove": "Ja, ta bort #{feed_id}",
    "button_feed_keep": "Behåll",
    "feeds_staff_disabled": (
        "⛔ Flöde #{feed_id} ({url}) är avstängt efter {failures} misslyckade hämtningar i rad. "
        "Senaste fel: flödet {error}.\n"
        "Jag försöker ändå då och då och säger till om det fungerar igen. "
        "Se /feeds för att hämta nu eller ta bort det."
    ),
    "feeds_staff_disabled_summary": "⛔ Flödet avstängt: {url}",
    "feeds_staff_recovered_summary": "✅ Flödet fungerar igen: {url}",
    "feeds_staff_capped_summary": "📥 Fler nya poster än som annonserades: {url}",
    "feeds_staff_recovered": "✅ Flöde #{feed_id} ({url}) fungerar igen och hämtas som vanligt.",
    "feeds_staff_capped_funding": (
        "📥 Flöde #{feed_id} ({url}) hade {new} {new|ny post|nya poster}; {announced} "
        "annonserades, resten ({quiet}) sparades utan utskick."
    ),
    "feeds_staff_capped_news": (
        "📥 Flöde #{feed_id} ({url}) hade {new} {new|ny post|nya poster}; {announced} kommer "
        "med i nyhetsbrevet, resten ({quiet}) sparades utan att visas."
    ),
}

EN: dict[str, str] = {
    "feeds_bad_url": "The address “{url}” cannot be used. Give an http or https address.",
    "feeds_bad_kind": "Unknown kind of feed: {kind}. Choose funding or news.",
    "feeds_bad_interval": "The interval must be at least {seconds} {seconds|second|seconds}.",
    "feeds_exists": "The feed {url} already exists.",
    "feeds_not_found": "There is no feed number {feed_id}.",
    "feeds_add_usage": (
        "I did not quite get that. Just write /feeds add and I will ask step by step.\n"
        "Or all on one line: <code>/feeds add ADDRESS funding</code> or "
        "<code>/feeds add ADDRESS news</code>, and if you like "
        "<code>include: word, word</code>, <code>exclude: word</code> and "
        "<code>interval: 60</code>.\n"
        "Example: <code>/feeds add https://example.org/rss funding include: culture, sport</code>"
    ),
    "feeds_add_ask_url": (
        "<b>New feed</b> · step 1 of 5\n"
        "What is the feed's address? Paste the RSS or Atom address, "
        "e.g. <code>https://www.vgregion.se/rss</code>.\n"
        "You can leave at any time with /cancel."
    ),
    "feeds_add_ask_kind": (
        "Step 2 of 5 · What does the feed hold?\n"
        "<b>Funding calls</b> become cards for those who subscribe to funding calls. "
        "<b>News</b> is kept for the digest."
    ),
    "feeds_add_ask_include": (
        "Step 3 of 5 · Keep only items with certain words? Write the words separated by "
        "commas, e.g. <i>culture, sport</i>, or press Skip to keep everything."
    ),
    "feeds_add_ask_exclude": (
        "Step 4 of 5 · Are there words that should make an item be left out? "
        "Write them separated by commas, or press Skip."
    ),
    "feeds_add_ask_interval": (
        "Step 5 of 5 · How often should the feed be fetched? Choose below, or write minutes."
    ),
    "feeds_add_bad_kind": "Press Funding calls or News (or write the word).",
    "feeds_add_no_words": "Write at least one word, or press Skip.",
    "feeds_add_words_too_long": "That is too long (at most {limit} characters).",
    "feeds_add_bad_interval": (
        "Write how many minutes between fetches, e.g. <code>60</code> "
        "(or <code>2 h</code>, <code>1 day</code>); at most {limit} minutes, a week."
    ),
    "feeds_add_preview": (
        "<b>New feed</b>\n"
        "Address: {url}\n"
        "Kind: {kind}\n"
        "Only items with: {include}\n"
        "No items with: {exclude}\n"
        "Fetched: every {interval}\n\n"
        "{trial}\n\n"
        "{first}\n\n"
        "Shall I add the feed?"
    ),
    "feeds_add_trial_ok": "✅ I fetched the feed once to try: {items} {items|item|items}.",
    "feeds_add_trial_filtered": (
        "✅ I fetched the feed once to try: {items} {items|item|items}, {matching} of them "
        "{matching|matches|match} the words."
    ),
    "feeds_add_trial_failed": (
        "⚠️ I fetched the feed once to try, but it {problem}. You can add it anyway; "
        "I will keep trying now and then, and /feeds shows how it goes."
    ),
    "feeds_add_first_fetch": (
        "The first time, at most {first} {first|item|items} no older than {days} "
        "{days|day|days} {first|is|are} announced, then at most {cap} new {cap|one|ones} per "
        "fetch; the rest are kept without being sent."
    ),
    "feeds_add_use_buttons": "Press Add or Cancel under the preview (or /cancel).",
    "feeds_add_dropped": "The feed was not added.",
    "feeds_add_stale": "That button belongs to a feed no longer being added. Start again with /feeds add.",
    "feeds_interval_min": "{n} min",
    "feeds_interval_hour": "1 hour",
    "feeds_interval_hours": "{n} hours",
    "feeds_interval_day": "1 day",
    "feeds_interval_days": "{n} days",
    "feeds_interval_default": "{label} (default)",
    "button_feed_add": "➕ Add a feed",
    "button_feed_add_funding": "Funding calls",
    "button_feed_add_news": "News",
    "button_feed_add_skip": "Skip",
    "button_feed_add_confirm": "Add",
    "button_feed_add_drop": "Cancel",
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
    "feeds_status_new": "🕓 not fetched yet",
    "feeds_last_error": "\nLast error: the feed {error}.",
    "feeds_problem_unreachable": (
        "is not reachable (the address does not exist, or the server does not answer)"
    ),
    "feeds_problem_timeout": "did not answer in time",
    "feeds_problem_http_missing": "no longer exists at its address (HTTP status {status})",
    "feeds_problem_http_denied": "is locked: the server does not let us in (HTTP status {status})",
    "feeds_problem_http_server": (
        "could not be fetched: the server has problems right now (HTTP status {status})"
    ),
    "feeds_problem_http_other": "could not be fetched: the server answered HTTP status {status}",
    "feeds_problem_too_large": "is too large (over 2 MB)",
    "feeds_problem_redirects": "sends us round in a loop of redirects",
    "feeds_problem_not_feed": "is not an RSS or Atom feed",
    "feeds_problem_internal": (
        "could not be fetched because of an error in the bot (the log says more)"
    ),
    "feeds_help": (
        "<b>Add a feed:</b> press ➕ Add a feed or write /feeds add, and I will ask step "
        "by step. <b>Funding calls</b> become cards for subscribers, <b>news</b> is kept for "
        "the digest; fetched every {interval} unless chosen otherwise.\n"
        "All on one line works too: <code>/feeds add ADDRESS funding include: culture, sport "
        "exclude: closed interval: 60</code>"
    ),
    "feeds_added": "Feed #{feed_id} is added. It is fetched within a minute, or press Fetch now.",
    "feeds_confirm_remove": "Press again to remove the feed and everything fetched from it.",
    "feeds_removed": "Feed #{feed_id} is removed.",
    "feeds_kept": "The feed stays.",
    "feeds_polled_new": "#{feed_id}: {new} new {new|item|items}, {calls} new funding {calls|call|calls}.",
    "feeds_polled_quiet": "{quiet} of them were kept without being sent (too many at once).",
    "feeds_polled_nothing": "#{feed_id}: nothing new.",
    "feeds_polled_error": "#{feed_id}: the feed {error}.",
    "feeds_polled_removed": "Feed #{feed_id} no longer exists.",
    "button_feed_poll": "Fetch now #{feed_id}",
    "button_feed_remove": "Remove #{feed_id}",
    "button_feed_confirm_remove": "Yes, remove #{feed_id}",
    "button_feed_keep": "Keep",
    "feeds_staff_disabled": (
        "⛔ Feed #{feed_id} ({url}) is disabled after {failures} failed fetches in a row. "
        "Last error: the feed {error}.\n"
        "I still try now and then and will say when it works again. "
        "See /feeds to fetch it now or remove it."
    ),
    "feeds_staff_disabled_summary": "⛔ Feed disabled: {url}",
    "feeds_staff_recovered_summary": "✅ Feed works again: {url}",
    "feeds_staff_capped_summary": "📥 More new items than were announced: {url}",
    "feeds_staff_recovered": "✅ Feed #{feed_id} ({url}) works again and is fetched as usual.",
    "feeds_staff_capped_funding": (
        "📥 Feed #{feed_id} ({url}) had {new} new {new|item|items}; {announced} "
        "{announced|was|were} announced, the rest ({quiet}) were kept without being sent."
    ),
    "feeds_staff_capped_news": (
        "📥 Feed #{feed_id} ({url}) had {new} new {new|item|items}; {announced} "
        "{announced|goes|go} into the digest, the rest ({quiet}) were kept without being shown."
    ),
}
