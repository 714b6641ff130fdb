"""The settings buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from bot.models import Topic
from handlers.core.callbacks import Callback

SETTINGS_ITEMS = ("main", "language", "organisation", "topics", "digest", "unlink", "unlink_yes")


@dataclass(frozen=True)
class SettingsMenu(Callback):
    prefix = "set"
    item: str

    def valid(self) -> bool:
        return self.item in SETTINGS_ITEMS


@dataclass(frozen=True)
class ToggleTopic(Callback):
    """Set one topic; the button carries the state it sets, so a double press is harmless."""

    prefix = "tpc"
    topic: Topic
    enabled: bool


@dataclass(frozen=True)
class AllTopics(Callback):
    prefix = "tpall"
    enabled: bool
