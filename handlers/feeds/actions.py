"""The feeds buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback, is_draft_token

FEED_ACTIONS = ("poll", "remove", "confirm", "keep", "add")


@dataclass(frozen=True)
class FeedAction(Callback):
    """/feeds: poll a feed now, ask to remove it, confirm the removal, or keep it."""

    prefix = "fd"
    staff = True
    feed_id: int
    action: str

    def valid(self) -> bool:
        return self.action in FEED_ACTIONS


FEED_ADD_CHOICES = ("funding", "news", "skip", "add", "drop")
FEED_ADD_INTERVAL_MAX = 10_080  # minutes, a week


def _is_minutes(choice: str) -> bool:
    """An interval button's choice: "m" and a number of minutes up to a week."""
    digits = choice.removeprefix("m")
    if not (choice.startswith("m") and digits.isascii() and digits.isdigit() and len(digits) < 6):
        return False
    return 1 <= int(digits) <= FEED_ADD_INTERVAL_MAX


@dataclass(frozen=True)
class FeedAdd(Callback):
    """/feeds add, step by step: the kind, skip a filter, an interval ("m60"), add or drop."""

    prefix = "fda"
    staff = True
    draft: str
    choice: str

    def valid(self) -> bool:
        return (self.choice in FEED_ADD_CHOICES or _is_minutes(self.choice)) and is_draft_token(
            self.draft
        )
