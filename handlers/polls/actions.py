"""The polls buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.broadcast.actions import AUDIENCE_KINDS
from handlers.core.callbacks import Callback, is_draft_token


@dataclass(frozen=True)
class PollChoose(Callback):
    """An option on a poll card: choose it (single choice) or toggle it (multiple choice)."""

    prefix = "pch"
    poll_id: int
    option_id: int


@dataclass(frozen=True)
class PollComment(Callback):
    """ "💬 Kommentera" on a poll card: ask for the reader's comment."""

    prefix = "pcm"
    poll_id: int


@dataclass(frozen=True)
class PollOpen(Callback):
    """Send a poll's card as a new message (from the digest)."""

    prefix = "pop"
    poll_id: int


@dataclass(frozen=True)
class PollResults(Callback):
    """/results (staff): show the result of this poll."""

    prefix = "prs"
    staff = True
    poll_id: int


POLL_CREATE_CHOICES = (
    "done",
    "single",
    "multiple",
    "comment",
    "nocomment",
    "anonymous",
    "named",
    "default",
    "send",
    "drop",
    *AUDIENCE_KINDS,
    "meeting",
)


@dataclass(frozen=True)
class PollCreate(Callback):
    """A button of the /newpoll draft with this token: a step's choice, with its value if any."""

    prefix = "pnw"
    staff = True
    draft: str
    choice: str
    value: str

    def valid(self) -> bool:
        return self.choice in POLL_CREATE_CHOICES and is_draft_token(self.draft)
