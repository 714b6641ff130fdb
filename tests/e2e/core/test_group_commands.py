"""Every registered command typed in a group by a staff member: the bot only points to the
private chat, so nothing it knows about people (askers, attendees, answers) is shown there."""

from __future__ import annotations

from telegram.ext import CommandHandler

from bot.models import QuestionLog, User
from tests.e2e.conftest import Harness

GROUP = -100777
ASKER = "Hemliga Hedvig"
QUESTION = "Får jag lämna ut min lönespecifikation?"


def registered_commands(harness: Harness) -> list[str]:
    """Every command the application has a handler for, so new commands are covered too."""
    found: set[str] = set()
    for group in harness.bot.application.handlers.values():
        for handler in group:
            if isinstance(handler, CommandHandler):
                found.update(handler.commands)
    return sorted(found)


async def test_no_command_answers_with_content_in_a_group(harness: Harness) -> None:
    async with harness.db.session() as session:
        asker = User(telegram_id=7700001, display_name=ASKER)
        session.add(asker)
        await session.flush()
        session.add(QuestionLog(key=4242, user_id=asker.id, question=QUESTION, answered=False))
        await session.commit()
    commands = registered_commands(harness)
    assert {"start", "unanswered", "attendees", "nominations", "stats", "export"} <= set(commands)
    for command in commands:
        sent = await harness.client.send_text(
            harness.admin_id, f"/{command}", chat_id=GROUP, chat_type="group"
        )
        pointer = await harness.client.wait_for_bot_message(GROUP, after=sent["cursor"])
        assert "privat chatt" in pointer["text"], command
        await harness.settled()
        said = [
            m for m in await harness.client.messages(GROUP, after=sent["cursor"]) if m["from_bot"]
        ]
        assert [m["text"] for m in said] == [pointer["text"]], command
    everything = "\n".join(m["text"] or "" for m in await harness.client.messages(GROUP))
    assert ASKER not in everything and QUESTION not in everything
