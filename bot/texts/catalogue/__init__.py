"""The message catalogue, one module per feature, named after it.

Each module defines SV and EN dictionaries with the same keys, and holds every text of its
feature: what members see, the staff side, service errors, buttons and campaign summaries. A
text goes in `common` only when no single feature owns it: /help and the command menu, the names
of days and months, cancel and step replies, generic buttons and errors. A key is defined once
across all modules (`bot.texts` refuses duplicates at import).
"""

from bot.texts.catalogue import (
    broadcast,
    calls,
    common,
    digest,
    feeds,
    forms,
    meetings,
    nominations,
    onboarding,
    polls,
    privacy,
    questions,
    settings,
    stats,
    topics,
)

CATALOGUE_MODULES = (
    common,
    onboarding,
    settings,
    topics,
    questions,
    broadcast,
    meetings,
    calls,
    feeds,
    digest,
    polls,
    forms,
    nominations,
    privacy,
    stats,
)
