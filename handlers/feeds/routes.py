"""Feeds' declarations: /feeds, its buttons and the step-by-step add."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.feeds import add, listing
from handlers.feeds.actions import FeedAction, FeedAdd

FEATURE = Feature(
    commands=(command("feeds", listing.feeds_command, staff=True, menu=90),),
    actions={FeedAction: listing.feed_action, FeedAdd: add.feed_add_choice},
    steps=(
        Step(add.ORDER, add.on_feed_add_text),
        Step((add.FA_CONFIRM,), hint="feeds_add_use_buttons"),
    ),
)
