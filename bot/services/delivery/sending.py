"""What the engine asks of Telegram: the Sender protocol and the outcomes of one send."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Protocol

from bot.errors import DomainError

MEDIA_KINDS = ("photo", "document")


@dataclass(frozen=True)
class Button:
    """An inline button: a link (``url``) or an action of this bot (``callback`` data)."""

    text: str
    url: str = ""
    callback: str = ""


Buttons = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Sent:
    """Telegram confirmed the message."""

    message_id: int


@dataclass(frozen=True)
class RetryAfter:
    """Telegram asked the bot to slow down: all sending pauses for this long."""

    seconds: float


@dataclass(frozen=True)
class Blocked:
    """The user blocked the bot or was deactivated (403 Forbidden)."""

    reason: str


@dataclass(frozen=True)
class Rejected:
    """Telegram refused this one message (400 Bad Request)."""

    reason: str


@dataclass(frozen=True)
class Transient:
    """A timeout, network error or 5xx: worth trying again later."""

    reason: str


SendOutcome = Sent | RetryAfter | Blocked | Rejected | Transient


class Sender(Protocol):
    """Sends one message to one chat; implemented on the Telegram side (handlers/)."""

    async def send(
        self,
        chat_id: int,
        text_html: str,
        media_kind: str | None,
        media_file_id: str | None,
        buttons: Buttons,
        *,
        photo: bytes | None = None,
    ) -> SendOutcome:
        """Send and report what Telegram answered; never raises for Telegram's errors.

        A ``photo`` (PNG bytes) follows the text; the outcome is the text's.
        """
        ...


def parse_buttons(raw: str) -> Buttons:
    """Buttons from their stored JSON form ``[[{"text": ..., "url": ...}]]`` (links only)."""
    try:
        rows = json.loads(raw or "[]")
        parsed = tuple(
            tuple(Button(text=str(b["text"]), url=str(b["url"])) for b in row) for row in rows
        )
    except (ValueError, TypeError, KeyError):
        raise DomainError("campaign_buttons_invalid") from None
    for row in parsed:
        for button in row:
            if not button.text.strip() or not button.url.startswith(("https://", "http://")):
                raise DomainError("campaign_buttons_invalid")
    return parsed


def dump_buttons(buttons: Buttons) -> str:
    """The stored JSON form of buttons."""
    return json.dumps([[{"text": b.text, "url": b.url} for b in row] for row in buttons])
