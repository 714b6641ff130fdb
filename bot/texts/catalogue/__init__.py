"""Catalogue modules, one per feature; each defines SV and EN dictionaries with the same keys."""

from bot.texts.catalogue import (
    broadcast,
    calls,
    campaigns,
    common,
    digest,
    digest_chat,
    digest_schedule,
    feeds,
    knowledge,
    meetings,
    meetings_chat,
    onboarding,
    polls,
    polls_chat,
    staff,
    topics,
)

CATALOGUE_MODULES = (
    common,
    onboarding,
    knowledge,
    staff,
    topics,
    campaigns,
    broadcast,
    feeds,
    meetings,
    meetings_chat,
    calls,
    digest,
    digest_chat,
    digest_schedule,
    polls,
    polls_chat,
)
