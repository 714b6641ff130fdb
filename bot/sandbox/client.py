"""Async client for the sandbox's control API, for tests, benchmarks and scripts.

Waiting for the bot without races: every change in the sandbox (a message sent, edited or
deleted) gets a sandbox-wide revision. ``send_text`` returns the revision right after the
user's message as ``cursor``; ``wait_for_bot_message(chat_id, after=cursor)`` then sees only
what the bot did after that message, however fast the bot was.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx

JSON = dict[str, Any]
API = "/sandbox/api"


class SandboxError(RuntimeError):
    """The control API refused a request."""


class SandboxClient:
    """Plays users against a running sandbox and inspects what the bot did."""

    def __init__(self, root_url: str, *, http: httpx.AsyncClient | None = None) -> None:
        # Long polls hold requests open for up to `wait` seconds, so no read timeout.
        self._http = http or httpx.AsyncClient(
            base_url=root_url, timeout=httpx.Timeout(10, read=None)
        )

    async def __aenter__(self) -> SandboxClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the HTTP connection pool."""
        await self._http.aclose()

    async def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        response = await self._http.request(method, API + path, **kwargs)
        if response.is_error:
            raise SandboxError(f"{method} {path} -> {response.status_code}: {response.text}")
        return response.json()

    async def create_user(
        self,
        first_name: str,
        *,
        user_id: int | None = None,
        language_code: str | None = "sv",
        username: str | None = None,
        last_name: str | None = None,
    ) -> JSON:
        """Create a user (and their private chat); returns the Bot API User object."""
        body = {"first_name": first_name, "id": user_id, "language_code": language_code}
        body |= {"username": username, "last_name": last_name}
        user: JSON = await self._request(
            "POST", "/users", json={k: v for k, v in body.items() if v is not None}
        )
        return user

    async def users(self) -> list[JSON]:
        """Return every known user."""
        users: list[JSON] = await self._request("GET", "/users")
        return users

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to_message_id: int | None = None,
        entities: list[JSON] | None = None,
    ) -> JSON:
        """Send text (formatted by ``entities``) as a user; returns ``{update_id, message, cursor}``."""
        body: JSON = {"user_id": user_id, "text": text, "chat_type": chat_type}
        if chat_id is not None:
            body["chat_id"] = chat_id
        if reply_to_message_id is not None:
            body["reply_to_message_id"] = reply_to_message_id
        if entities is not None:
            body["entities"] = entities
        sent: JSON = await self._request("POST", "/messages", json=body)
        return sent

    async def send_photo(
        self,
        user_id: int,
        data: bytes,
        *,
        file_name: str = "photo.png",
        mime_type: str = "image/png",
        caption: str | None = None,
        caption_entities: list[JSON] | None = None,
        reply_to_message_id: int | None = None,
    ) -> JSON:
        """Send an image as a user's photo message in their private chat, like the web page."""
        stored = await self.upload_file(
            data, file_name=file_name, mime_type=mime_type, kind="photos"
        )
        body: JSON = {"user_id": user_id, "photo": stored["file_id"]}
        if caption is not None:
            body["caption"] = caption
        if caption_entities is not None:
            body["caption_entities"] = caption_entities
        if reply_to_message_id is not None:
            body["reply_to_message_id"] = reply_to_message_id
        sent: JSON = await self._request("POST", "/messages", json=body)
        return sent

    async def press(self, user_id: int, message: JSON, button_text: str) -> str:
        """Press the inline button whose text contains ``button_text``; returns the query id."""
        markup = message.get("reply_markup") or {}
        buttons = [b for row in markup.get("inline_keyboard", []) for b in row]
        for button in buttons:
            if button_text in button.get("text", "") and "callback_data" in button:
                chat_id = (message.get("chat") or {}).get("id") or message.get("chat_id")
                return await self.press_data(
                    user_id, message["message_id"], button["callback_data"], chat_id=chat_id
                )
        texts = ", ".join(repr(b.get("text")) for b in buttons) or "none"
        raise LookupError(f"no callback button containing {button_text!r}; buttons: {texts}")

    async def press_data(
        self, user_id: int, message_id: int, data: str, chat_id: int | None = None
    ) -> str:
        """Press a button with arbitrary callback data (forging presses is allowed)."""
        body: JSON = {"user_id": user_id, "message_id": message_id, "data": data}
        if chat_id is not None:
            body["chat_id"] = chat_id
        pressed = await self._request("POST", "/callbacks", json=body)
        return str(pressed["callback_query_id"])

    async def inject_update(self, update: JSON) -> int:
        """Queue a raw update (without update_id); returns the assigned update_id."""
        injected = await self._request("POST", "/updates", json=update)
        return int(injected["update_id"])

    async def answer_poll(self, user_id: int, poll_id: str, option_ids: list[int]) -> int:
        """Vote in a poll as a user; returns the last queued update_id."""
        body = {"user_id": user_id, "poll_id": poll_id, "option_ids": option_ids}
        answered = await self._request("POST", "/poll_answers", json=body)
        return int(answered["update_id"])

    async def changes(self, chat_id: int, *, after: int = 0, wait: float = 0) -> JSON:
        """Return ``{messages, cursor}``: messages changed after revision ``after``."""
        params = {"after": after, "wait": wait}
        changed: JSON = await self._request("GET", f"/chats/{chat_id}/messages", params=params)
        return changed

    async def messages(self, chat_id: int, *, after: int = 0) -> list[JSON]:
        """Return the chat's messages (current versions) changed after revision ``after``."""
        messages: list[JSON] = (await self.changes(chat_id, after=after))["messages"]
        return messages

    async def cursor(self) -> int:
        """Return the current (sandbox-wide) revision: wait for anything after this point."""
        current = await self._request("GET", "/cursor")
        return int(current["cursor"])

    async def wait_for_bot_message(
        self,
        chat_id: int,
        *,
        after: int,
        timeout: float = 5.0,  # noqa: ASYNC109 - spent in server-side long polls
        predicate: Callable[[JSON], bool] | None = None,
    ) -> JSON:
        """Return the first bot message or edit after revision ``after`` matching predicate."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        cursor = after
        while (remaining := deadline - loop.time()) > 0:
            changed = await self.changes(chat_id, after=cursor, wait=remaining)
            for message in sorted(changed["messages"], key=lambda m: m["revision"]):
                if message["from_bot"] and (predicate is None or predicate(message)):
                    return message
            cursor = changed["cursor"]
        transcript = "\n".join(_describe(m) for m in await self.messages(chat_id))
        raise TimeoutError(
            f"no matching bot message in chat {chat_id} after revision {after} within "
            f"{timeout}s; transcript:\n{transcript or '(empty)'}"
        )

    async def callback_answer(self, callback_query_id: str) -> JSON:
        """Return ``{answered, text, show_alert, url}`` for a press."""
        answer: JSON = await self._request("GET", f"/callback_answers/{callback_query_id}")
        return answer

    async def calls(self, method: str | None = None) -> list[JSON]:
        """Return the Bot API call log, optionally for one method."""
        params = {"method": method} if method else {}
        log: list[JSON] = await self._request("GET", "/calls", params=params)
        return log

    async def upload_file(
        self, data: bytes, *, file_name: str, mime_type: str, kind: str = "documents"
    ) -> JSON:
        """Store a file a user can send (in an injected update); returns its Document fields."""
        params = {"file_name": file_name, "mime_type": mime_type, "kind": kind}
        stored: JSON = await self._request("POST", "/files", params=params, content=data)
        return stored

    async def file_bytes(self, file_id: str) -> bytes:
        """Return the bytes of a stored file."""
        response = await self._http.get(f"{API}/files/{file_id}")
        if response.is_error:
            raise SandboxError(f"file {file_id} -> {response.status_code}")
        return response.content

    async def commands(self, language_code: str = "", *, chat_id: int | None = None) -> JSON:
        """Return ``{commands, effective}``: the default-scope menu for a language; with
        ``chat_id``, ``effective`` is what a user with that client language sees there."""
        params: dict[str, str | int] = {"language_code": language_code}
        if chat_id is not None:
            params["chat_id"] = chat_id
        menu: JSON = await self._request("GET", "/commands", params=params)
        return menu

    async def reset(self) -> None:
        """Forget all users, chats, updates, files, calls and stats (not limits or faults)."""
        await self._request("POST", "/reset")

    async def set_limits(self, **changes: Any) -> JSON:
        """Change flood limits, e.g. ``set_limits(enabled=True, chat_burst=5)``; returns them."""
        return await self._request("POST", "/limits", json=changes)

    async def limits(self) -> JSON:
        """Return the flood limits: enabled, global_per_second, chat_per_second, ..."""
        return await self._request("GET", "/limits")

    async def set_faults(self, **settings: Any) -> JSON:
        """Replace the injected faults, e.g. ``set_faults(drop_rate=0.1, seed=1)``."""
        return await self._request("POST", "/faults", json=settings)

    async def faults(self) -> JSON:
        """Return the injected faults in force."""
        return await self._request("GET", "/faults")

    async def clear_faults(self) -> None:
        """Stop injecting faults."""
        await self._request("DELETE", "/faults")

    async def stats(self) -> JSON:
        """Return ``{calls, messages_created, rate_limited, faults}`` counters."""
        return await self._request("GET", "/stats")

    async def reset_stats(self) -> None:
        """Set every stats counter to zero."""
        await self._request("POST", "/stats/reset")


def _describe(message: JSON) -> str:
    who = "bot" if message["from_bot"] else (message.get("from") or {}).get("first_name", "user")
    flags = "".join(f" [{flag}]" for flag in ("edited", "deleted") if message.get(flag))
    buttons = [
        b["text"]
        for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
    ]
    suffix = f" buttons={buttons}" if buttons else ""
    return f"  #{message['message_id']} r{message['revision']} {who}{flags}: {message['text']!r}{suffix}"
