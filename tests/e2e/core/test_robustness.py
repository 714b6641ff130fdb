"""Odd input through the sandbox: unknown commands, stickers, groups, edits, long texts, menu."""

from __future__ import annotations

from tests.e2e.chat import Person, has
from tests.e2e.conftest import Harness


async def test_command_menu_is_set_in_swedish_and_english(harness: Harness) -> None:
    swedish = await harness.client.commands("sv")
    english = await harness.client.commands("en")
    assert {c["command"] for c in swedish["commands"]} >= {"start", "help", "settings"}
    assert any("språk" in c["description"].lower() for c in swedish["commands"])
    assert any("language" in c["description"].lower() for c in english["commands"])


async def test_help_and_unknown_command_and_sticker(harness: Harness) -> None:
    pia = await Person.create(harness.client, "Pia")
    assert "/settings" in (await pia.say("/help"))["text"]
    assert "/help" in (await pia.say("/nosuchcommand"))["text"]
    cursor = await harness.client.cursor()
    await harness.client.inject_update(
        {
            "message": {
                "message_id": 9001,
                "date": 1_700_000_000,
                "chat": {"id": pia.user_id, "type": "private", "first_name": "Pia"},
                "from": {"id": pia.user_id, "is_bot": False, "first_name": "Pia"},
                "sticker": {
                    "file_id": "s1",
                    "file_unique_id": "s1u",
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                },
            }
        }
    )
    assert "bara text" in (await pia.next_message(after=cursor))["text"]


async def test_staff_help_lists_staff_commands(harness: Harness) -> None:
    admin = Person(harness.client, harness.admin_id)
    assert "/unanswered" in (await admin.say("/help"))["text"]


async def test_group_command_points_to_private_chat_and_group_text_is_ignored(
    harness: Harness,
) -> None:
    rut = await Person.create(harness.client, "Rut")
    group_id = -100123
    sent = await harness.client.send_text(rut.user_id, "/help", chat_id=group_id, chat_type="group")
    reply = await harness.client.wait_for_bot_message(group_id, after=sent["cursor"])
    assert "privat chatt" in reply["text"] and "@signbot_sandbox_bot" in reply["text"]
    sent = await harness.client.send_text(
        rut.user_id, "Vad är IOP?", chat_id=group_id, chat_type="group"
    )
    await harness.settled()
    assert [
        m for m in await harness.client.messages(group_id, after=sent["cursor"]) if m["from_bot"]
    ] == []


async def test_edited_messages_and_channel_posts_are_ignored(harness: Harness) -> None:
    sara = await Person.create(harness.client, "Sara")
    cursor = await harness.client.cursor()
    chat = {"id": sara.user_id, "type": "private", "first_name": "Sara"}
    await harness.client.inject_update(
        {
            "edited_message": {
                "message_id": 1,
                "date": 1_700_000_000,
                "edit_date": 1_700_000_100,
                "chat": chat,
                "from": {"id": sara.user_id, "is_bot": False, "first_name": "Sara"},
                "text": "Vad är IOP?",
            }
        }
    )
    await harness.client.inject_update(
        {
            "channel_post": {
                "message_id": 5,
                "date": 1_700_000_000,
                "chat": {"id": -1009, "type": "channel", "title": "Kanal"},
                "text": "/start",
            }
        }
    )
    answer = await sara.say("Vad är IOP?")
    assert answer["revision"] > cursor
    await harness.settled()
    replies = [
        m for m in await harness.client.messages(sara.user_id, after=cursor) if m["from_bot"]
    ]
    assert len(replies) == 1


async def test_very_long_and_html_like_questions_are_safe(harness: Harness) -> None:
    tor = await Person.create(harness.client, "Tor")
    answer = await tor.say("<b>Vad</b> är & IOP? " + "ord " * 1200)
    assert answer["text"]
    reply = await tor.say("<script>alert(1)</script>")
    assert "<script>" not in (reply.get("html") or "")


async def test_settings_switches_language(harness: Harness) -> None:
    uno = await Person.create(harness.client, "Uno")
    menu = await uno.say("/settings")
    chooser = await uno.press_and_wait(menu, "Språk", predicate=has("Choose a language"))
    await uno.press_and_wait(chooser, "English", predicate=has("English"))
    assert "I do not know that command" in (await uno.say("/nope"))["text"]
