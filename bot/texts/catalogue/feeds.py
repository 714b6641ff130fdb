"""Texts: staff management of RSS/Atom feeds."""

SV: dict[str, str] = {
    "feeds_bad_url": "Adressen {url} går inte att använda. Ange en http- eller https-adress.",
    "feeds_bad_kind": "Okänd sorts flöde: {kind}. Välj funding (utlysningar) eller news (nyheter).",
    "feeds_bad_interval": "Intervallet måste vara minst {seconds} sekunder.",
    "feeds_exists": "Flödet {url} finns redan.",
    "feeds_not_found": "Det finns inget flöde med nummer {feed_id}.",
}

EN: dict[str, str] = {
    "feeds_bad_url": "The address {url} cannot be used. Give an http or https address.",
    "feeds_bad_kind": "Unknown kind of feed: {kind}. Choose funding or news.",
    "feeds_bad_interval": "The interval must be at least {seconds} seconds.",
    "feeds_exists": "The feed {url} already exists.",
    "feeds_not_found": "There is no feed number {feed_id}.",
}
