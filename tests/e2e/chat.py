"""A test-side conversation helper: say something or press a button, get the bot's next message."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from bot.sandbox.client import SandboxClient

JSON = dict[str, Any]


class Person:
    """One sandbox user talking to the bot in their private chat."""

    def __init__(self, client: SandboxClient, user_id: int) -> None:
        self.client = client
        self.user_id = user_id

    @classmethod
    async def create(
        cls, client: SandboxClient, first_name: str, *, user_id: int | None = None
    ) -> Person:
        """Create the sandbox user."""
        user = await client.create_user(first_name, user_id=user_id)
        return cls(client, int(user["id"]))

    async def say(self, text: str, *, reply_to: int | None = None) -> JSON:
        """Send text and return the bot's first reply to it.

        A reply is a new message: the bot may also take the buttons off earlier prompts.
        """
        sent = await self.client.send_text(self.user_id, text, reply_to_message_id=reply_to)
        newer = int(sent["message"]["message_id"])
        return await self.client.wait_for_bot_message(
            self.user_id, after=sent["cursor"], predicate=lambda m: m["message_id"] > newer
        )

    async def send(self, text: str, *, reply_to: int | None = None) -> int:
        """Send text; return the cursor to wait from."""
        sent = await self.client.send_text(self.user_id, text, reply_to_message_id=reply_to)
        return int(sent["cursor"])

    async def next_message(
        self, *, after: int, predicate: Callable[[JSON], bool] | None = None
    ) -> JSON:
        """The bot's next message or edit in this chat after a cursor."""
        return await self.client.wait_for_bot_message(
            self.user_id, after=after, predicate=predicate
        )

    async def press(self, message: JSON, button_text: str) -> tuple[str, int]:
        """Press a button; return the callback query id and the cursor before the press."""
        cursor = await self.client.cursor()
        query_id = await self.client.press(self.user_id, message, button_text)
        return query_id, cursor

    async def press_and_wait(
        self, message: JSON, button_text: str, *, predicate: Callable[[JSON], bool] | None = None
    ) -> JSON:
        """Press a button and return the bot's answer: an edit of the pressed message or a new
        message (not the buttons it takes off other, earlier prompts)."""
        known = await self.client.messages(self.user_id)
        newest = max((int(m["message_id"]) for m in known), default=0)
        pressed = message["message_id"]

        def answer(changed: JSON) -> bool:
            mine = changed["message_id"] == pressed or changed["message_id"] > newest
            return mine and (predicate is None or predicate(changed))

        _, cursor = await self.press(message, button_text)
        return await self.next_message(after=cursor, predicate=answer)

    async def answer_text(self, query_id: str) -> str:
        """The text the bot showed for a button press, once it has answered it."""
        for _ in range(250):
            answer = await self.client.callback_answer(query_id)
            if answer["answered"]:
                return str(answer["text"] or "")
            await asyncio.sleep(0.02)
        raise AssertionError(f"the bot did not answer button press {query_id}")


def has(text: str) -> Callable[[JSON], bool]:
    """A predicate: the message's text contains text."""
    return lambda message: text in (message.get("text") or "")


def buttons(message: JSON) -> list[str]:
    """The texts of a message's inline buttons."""
    markup = message.get("reply_markup") or {}
    return [button["text"] for row in markup.get("inline_keyboard", []) for button in row]
