"""The sandbox's records: users, chats, messages, files, button presses and polls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


@dataclass
class SandboxUser:
    """A person talking to the bot."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def to_json(self) -> JSON:
        """Return the Bot API User object."""
        data: JSON = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class StoredMessage:
    """One message in a chat, in its current (possibly edited or deleted) version."""

    chat_id: int
    message_id: int
    sender: JSON
    from_bot: bool
    date: int
    revision: int
    text: str | None = None
    entities: list[JSON] = field(default_factory=list)
    html: str | None = None
    caption: str | None = None
    caption_entities: list[JSON] = field(default_factory=list)
    markup: JSON | None = None  # as sent; Message JSON only echoes inline keyboards
    extra: JSON = field(default_factory=dict)  # document / photo / poll / raw injected fields
    reply_to_message_id: int | None = None
    edit_date: int | None = None
    deleted: bool = False


@dataclass
class SandboxChat:
    """A private chat (id = the user's id) or a group."""

    id: int
    type: str
    user: SandboxUser | None = None
    title: str | None = None
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    last_message_id: int = 0

    def to_json(self) -> JSON:
        """Return the Bot API Chat object."""
        if self.user is None:
            return {"id": self.id, "type": self.type, "title": self.title or f"Group {self.id}"}
        data: JSON = {"id": self.id, "type": self.type, "first_name": self.user.first_name}
        for key in ("last_name", "username"):
            if getattr(self.user, key) is not None:
                data[key] = getattr(self.user, key)
        return data


@dataclass
class StoredFile:
    """An uploaded file, served back by id."""

    file_id: str
    file_unique_id: str
    data: bytes
    mime_type: str
    file_name: str
    kind: str  # "documents" or "photos", Telegram's file_path folder

    def to_json(self) -> JSON:
        """Return the Bot API Document fields for this file."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_name": self.file_name,
            "mime_type": self.mime_type,
            "file_size": len(self.data),
        }


@dataclass
class CallbackRecord:
    """A button press and how the bot answered it."""

    id: str
    answered: bool = False
    text: str | None = None
    show_alert: bool = False
    url: str | None = None


@dataclass
class PollRecord:
    """A poll the bot sent, with each user's current choice."""

    poll: JSON
    chat_id: int
    message_id: int
    votes: dict[int, list[int]] = field(default_factory=dict)
