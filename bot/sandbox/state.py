"""In-memory model of the sandbox: users, chats, messages, updates, files and the call log."""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.sandbox.limits import Clock
from bot.sandbox.params import Params
from bot.sandbox.records import (
    JSON,
    CallbackRecord,
    PollRecord,
    SandboxChat,
    SandboxUser,
    StoredFile,
    StoredMessage,
)
from bot.sandbox.traffic import Traffic
from bot.sandbox.waiting import Signal

BOT_USERNAME = "signbot_sandbox_bot"
BOT_FIRST_NAME = "Signbot (sandbox)"
FIRST_AUTO_USER_ID = 1_000_001
CALL_LOG_SIZE = 10_000

# Runs before every Bot API method; raising BotApiError answers the call with that error.
# A seam for tests' own faults; flood limits and configurable faults run first (traffic.py).
CallHook = Callable[[str, Params], Awaitable[None]]


@dataclass(frozen=True)
class Call:
    """One Bot API call: what a method handler gets."""

    state: SandboxState
    params: Params
    bot: JSON  # the bot's User object, derived from the token


class SandboxState:
    """Everything the sandbox knows; one instance per running sandbox.

    ``clock`` (monotonic seconds) drives the flood limits; tests pass a fake one.
    """

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self.call_hooks: list[CallHook] = []
        # Limits and faults are the sandbox's configuration: reset() keeps them.
        self.traffic = Traffic(self._chat_type, clock=clock)
        self.updates_changed = Signal()
        self.messages_changed = Signal()
        # Update ids and revisions survive reset(): a running bot keeps its getUpdates
        # offset, and ids below it would be confirmed (dropped) without being delivered.
        self._last_update_id = 0
        self.revision = 0
        # Names this process and how many times reset() ran, so a viewer notices either.
        self._instance = secrets.token_hex(4)
        self._resets = -1
        self.epoch = ""
        self.reset()

    def reset(self) -> None:
        """Forget all users, chats, updates, files, answers, settings, calls and stats."""
        self._resets += 1
        self.epoch = f"{self._instance}-{self._resets}"
        self.traffic.stats.reset()
        self.users: dict[int, SandboxUser] = {}
        self.chats: dict[int, SandboxChat] = {}
        self.updates: list[JSON] = []
        self.allowed_updates: list[str] = []
        self.files: dict[str, StoredFile] = {}
        self.callbacks: dict[str, CallbackRecord] = {}
        self.polls: dict[str, PollRecord] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.calls: deque[JSON] = deque(maxlen=CALL_LOG_SIZE)
        self.updates_changed.fire()
        self.messages_changed.fire()

    def _chat_type(self, chat_id: int) -> str | None:
        chat = self.chats.get(chat_id)
        return chat.type if chat is not None else None

    @staticmethod
    def bot_user(bot_id: int) -> JSON:
        """Return the User object of the bot whose token starts with ``bot_id``."""
        return {
            "id": bot_id,
            "is_bot": True,
            "first_name": BOT_FIRST_NAME,
            "username": BOT_USERNAME,
        }

    def add_user(
        self,
        first_name: str,
        *,
        user_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> SandboxUser:
        """Create (or update, for a known id) a user and their private chat."""
        if user_id is None:
            user_id = max([FIRST_AUTO_USER_ID - 1, *self.users]) + 1
        user = SandboxUser(user_id, first_name, last_name, username, language_code)
        self.users[user_id] = user
        chat = self.chats.setdefault(user_id, SandboxChat(user_id, "private", user=user))
        chat.user = user
        return user

    def group_chat(self, chat_id: int, chat_type: str, title: str | None = None) -> SandboxChat:
        """Return the group with this id, creating it on first use."""
        chat = self.chats.get(chat_id)
        if chat is None:
            chat = self.chats[chat_id] = SandboxChat(chat_id, chat_type, title=title)
        return chat

    def add_message(self, chat: SandboxChat, *, sender: JSON, from_bot: bool) -> StoredMessage:
        """Append a message to the chat and wake waiters.

        The caller fills in the content right away, before its next ``await``, so nobody
        observes the message half-built.
        """
        chat.last_message_id += 1
        message = StoredMessage(
            chat_id=chat.id,
            message_id=chat.last_message_id,
            sender=sender,
            from_bot=from_bot,
            date=int(time.time()),
            revision=self.revision,
        )
        chat.messages[message.message_id] = message
        self.touch(message)
        return message

    def touch(self, message: StoredMessage) -> None:
        """Record that a message was created, edited or deleted, and wake waiters."""
        self.revision += 1
        message.revision = self.revision
        self.messages_changed.fire()

    def changes(self, chat_id: int, after: int) -> list[StoredMessage]:
        """Return the chat's messages changed after revision ``after``, in message order."""
        chat = self.chats.get(chat_id)
        if chat is None:
            return []
        return [m for m in chat.messages.values() if m.revision > after]

    def enqueue(self, update: JSON) -> int:
        """Queue an update for getUpdates, assigning its update_id."""
        self._last_update_id += 1
        self.updates.append({"update_id": self._last_update_id, **update})
        self.updates_changed.fire()
        return self._last_update_id

    def confirm_updates(self, offset: int) -> None:
        """Drop updates below ``offset`` (negative: keep only the last ``-offset``)."""
        if offset < 0:
            self.updates = self.updates[offset:]
        else:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        self.updates_changed.fire()

    def deliverable_updates(self, limit: int) -> list[JSON]:
        """Return up to ``limit`` queued updates of the allowed types."""
        allowed = set(self.allowed_updates)
        if not allowed:
            # Telegram's default: everything except these three opt-in types.
            wanted = [
                u
                for u in self.updates
                if not {"chat_member", "message_reaction", "message_reaction_count"} & set(u)
            ]
        else:
            wanted = [u for u in self.updates if allowed & set(u)]
        return wanted[:limit]

    def add_file(self, data: bytes, *, file_name: str, mime_type: str, kind: str) -> StoredFile:
        """Store uploaded bytes and return the file record."""
        stored = StoredFile(
            file_id=f"sandbox-{kind[:-1]}-{secrets.token_hex(8)}",
            file_unique_id=secrets.token_hex(6),
            data=data,
            mime_type=mime_type,
            file_name=file_name,
            kind=kind,
        )
        self.files[stored.file_id] = stored
        return stored

    def log_call(self, method: str, params: JSON, *, ok: bool, error: str | None = None) -> None:
        """Append a Bot API call to the call log."""
        entry: JSON = {"method": method, "params": params, "ok": ok, "at": time.time()}
        if error is not None:
            entry["error"] = error
        self.calls.append(entry)


Handler = Callable[[Call], Awaitable[Any]]
STATE_KEY = web.AppKey("sandbox_state", SandboxState)
