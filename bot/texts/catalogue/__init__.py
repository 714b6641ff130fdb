"""Catalogue modules, one per feature; each defines SV and EN dictionaries with the same keys."""

from bot.texts.catalogue import (
    broadcast,
    campaigns,
    common,
    feeds,
    knowledge,
    onboarding,
    staff,
    topics,
)

CATALOGUE_MODULES = (common, onboarding, knowledge, staff, topics, campaigns, broadcast, feeds)
