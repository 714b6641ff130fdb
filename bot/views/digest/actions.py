"""A rendered digest: its text and the actions its buttons offer (drawn in handlers/)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SignUp:
    """A "sign me up" button for a meeting."""

    text: str
    meeting_id: int


@dataclass(frozen=True)
class AnswerPoll:
    """A "Svara" button: the poll's card is sent to answer it."""

    text: str
    poll_id: int


@dataclass(frozen=True)
class OpenLink:
    """A link button, e.g. to a funding call's page."""

    text: str
    url: str


@dataclass(frozen=True)
class OpenSettings:
    """The button that opens the reader's digest settings."""

    text: str


Action = SignUp | AnswerPoll | OpenLink | OpenSettings


@dataclass(frozen=True)
class Digest:
    """One reader's digest: Telegram HTML within 4096 characters, and its actions in order."""

    text_html: str
    actions: tuple[Action, ...]
