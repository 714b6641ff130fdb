"""The digest buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from bot.models import DigestFrequency
from handlers.core.callbacks import Callback, is_draft_token


@dataclass(frozen=True)
class DigestSettings(Callback):
    """ "⚙️ Nyhetsbrevsinställningar" under a digest: open the reader's digest menu."""

    prefix = "dgs"


@dataclass(frozen=True)
class DigestChoice(Callback):
    """A reader chooses how often they get the digest (weekly, monthly or off)."""

    prefix = "dgf"
    frequency: DigestFrequency


DIGEST_MENU_ACTIONS = ("preview", "now", "special")


@dataclass(frozen=True)
class DigestMenu(Callback):
    """/digest (staff): preview, send an edition now, or schedule a special edition."""

    prefix = "dgm"
    staff = True
    action: str

    def valid(self) -> bool:
        return self.action in DIGEST_MENU_ACTIONS


@dataclass(frozen=True)
class DigestDefault(Callback):
    """/digest (staff): the default frequency for readers who have not chosen."""

    prefix = "dgd"
    staff = True
    frequency: DigestFrequency


DIGEST_DRAFT_CHOICES = ("nonote", "send", "cancel")


@dataclass(frozen=True)
class DigestDraft(Callback):
    """A button of the /digest edition draft with this token: no note, send, or drop it."""

    prefix = "dgn"
    staff = True
    draft: str
    choice: str

    def valid(self) -> bool:
        return self.choice in DIGEST_DRAFT_CHOICES and is_draft_token(self.draft)
