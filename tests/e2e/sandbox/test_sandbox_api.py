"""The sandbox over real HTTP, driven by PTB's real Bot and by the control client."""

from __future__ import annotations

import asyncio
import struct
import zlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, InvalidToken

from bot.sandbox import RunningSandbox, start_sandbox
from bot.sandbox.client import SandboxClient, SandboxError
from bot.sandbox.params import BotApiError, Params
from bot.sandbox.server import SHUTDOWN_TIMEOUT

TOKEN = "123456:TEST"
ALICE = 1000001


@pytest.fixture
async def sandbox() -> AsyncIterator[RunningSandbox]:
    running = await start_sandbox()
    yield running
    await running.stop()


@pytest.fixture
async def client(sandbox: RunningSandbox) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox.root_url) as control:
        await control.create_user("Alice", language_code="sv")
        yield control


@pytest.fixture
async def bot(sandbox: RunningSandbox) -> AsyncIterator[Bot]:
    telegram_bot = Bot(TOKEN, base_url=sandbox.base_url, base_file_url=sandbox.base_file_url)
    await telegram_bot.initialize()
    yield telegram_bot
    await telegram_bot.shutdown()


def _keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in buttons])


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


async def test_get_me_uses_the_token_digits(bot: Bot) -> None:
    me = await bot.get_me()

    assert (me.id, me.username, me.first_name) == (
        123456,
        "signbot_sandbox_bot",
        "Signbot (sandbox)",
    )
    assert me.is_bot


async def test_malformed_token_and_unknown_method(sandbox: RunningSandbox, bot: Bot) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("not-a-token", base_url=sandbox.base_url):  # __aenter__ calls getMe
            pass
    async with httpx.AsyncClient() as http:
        response = await http.post(f"{sandbox.base_url}{TOKEN}/sendTelepathy")
    assert response.status_code == 404
    assert response.json() == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }


async def test_send_html_message_with_keyboard(bot: Bot, client: SandboxClient) -> None:
    html = "<b>Hej</b> 😀 <i>värld</i> <a href='https://example.org'>länk</a>"
    sent = await bot.send_message(
        ALICE, html, parse_mode=ParseMode.HTML, reply_markup=_keyboard(("Ja", "yes:1"))
    )

    assert sent.text == "Hej 😀 värld länk"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [
        ("bold", 0, 3),
        ("italic", 7, 5),  # the emoji is two UTF-16 code units
        ("text_link", 13, 4),
    ]
    assert sent.entities[2].url == "https://example.org/"
    assert sent.chat.id == ALICE and sent.chat.first_name == "Alice"
    assert sent.from_user is not None and sent.from_user.id == 123456
    assert sent.reply_markup == _keyboard(("Ja", "yes:1"))
    [entry] = await client.messages(ALICE)
    assert (entry["from_bot"], entry["html"], entry["text"]) == (True, html, sent.text)


async def test_message_ids_are_per_chat_and_shared_with_users(
    bot: Bot, client: SandboxClient
) -> None:
    await client.create_user("Bob", user_id=42)
    first = await client.send_text(ALICE, "hej")
    reply = await bot.send_message(ALICE, "svar", reply_parameters=ReplyParameters(1))
    other = await bot.send_message(42, "till Bob")

    assert (first["message"]["message_id"], reply.message_id, other.message_id) == (1, 2, 1)
    assert reply.reply_to_message is not None and reply.reply_to_message.text == "hej"


async def test_group_chats(bot: Bot, client: SandboxClient) -> None:
    sent = await client.send_text(ALICE, "/help hej", chat_id=-5, chat_type="group")

    [update] = await bot.get_updates()
    assert update.message is not None
    assert (update.message.chat.id, update.message.chat.type) == (-5, "group")
    assert update.message.chat.title == "Group -5"
    reply = await bot.send_message(-5, "svar", reply_to_message_id=sent["message"]["message_id"])
    assert (reply.message_id, reply.chat.type) == (2, "group")
    assert [m["text"] for m in await client.messages(-5)] == ["/help hej", "svar"]


async def test_edit_message_text_and_markup(bot: Bot, client: SandboxClient) -> None:
    sent = await bot.send_message(ALICE, "före", reply_markup=_keyboard(("A", "a")))
    cursor = await client.cursor()

    edited = await bot.edit_message_text("<u>efter</u>", ALICE, sent.message_id, parse_mode="HTML")

    assert isinstance(edited, Message)
    assert edited.text == "efter" and edited.edit_date is not None
    assert edited.reply_markup is None  # no reply_markup in the edit removes the keyboard
    seen = await client.wait_for_bot_message(ALICE, after=cursor, timeout=1)
    assert (seen["message_id"], seen["edited"], seen["html"]) == (1, True, "<u>efter</u>")
    with_markup = await bot.edit_message_reply_markup(
        ALICE, sent.message_id, reply_markup=_keyboard(("B", "b"))
    )
    assert isinstance(with_markup, Message) and with_markup.reply_markup == _keyboard(("B", "b"))


async def test_callback_query_round_trip(bot: Bot, client: SandboxClient) -> None:
    sent = await bot.send_message(
        ALICE, "Välj", reply_markup=_keyboard(("Ja tack", "yes"), ("Nej", "no"))
    )
    query_id = await client.press(ALICE, sent.to_dict(), "Ja")

    [update] = await bot.get_updates(timeout=0)
    assert update.callback_query is not None
    assert (update.callback_query.id, update.callback_query.data) == (query_id, "yes")
    assert update.callback_query.message is not None
    assert update.callback_query.message.message_id == sent.message_id
    assert await client.callback_answer(query_id) == {
        "answered": False,
        "text": None,
        "show_alert": False,
        "url": None,
    }

    assert await update.callback_query.answer("Tack!", show_alert=True)
    answer = await client.callback_answer(query_id)
    assert (answer["answered"], answer["text"], answer["show_alert"]) == (True, "Tack!", True)
    with pytest.raises(BadRequest, match="Query is too old and response timeout expired"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(LookupError, match="'Ja tack', 'Nej'"):
        await client.press(ALICE, sent.to_dict(), "Kanske")
    [entry] = await client.messages(ALICE)  # transcript entries can be pressed too
    second_id = await client.press(ALICE, entry, "Nej")
    [second] = await bot.get_updates(offset=update.update_id + 1)
    assert second.callback_query is not None
    assert (second.callback_query.id, second.callback_query.data) == (second_id, "no")


async def test_get_updates_offsets_and_commands(bot: Bot, client: SandboxClient) -> None:
    await client.send_text(ALICE, "/start@signbot_sandbox_bot")
    await client.send_text(ALICE, "hej")

    first, second = await bot.get_updates()
    assert first.message is not None and first.message.text == "/start@signbot_sandbox_bot"
    assert [(e.type, e.offset, e.length) for e in first.message.entities] == [
        ("bot_command", 0, 26)
    ]
    assert second.message is not None and second.message.from_user is not None
    assert second.message.from_user.language_code == "sv"
    assert [u.update_id for u in await bot.get_updates(offset=second.update_id)] == [
        second.update_id
    ]
    assert await bot.get_updates(offset=second.update_id + 1) == ()


async def test_get_updates_long_poll_wakes_on_new_update(bot: Bot, client: SandboxClient) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.05)
    assert not poll.done()

    await client.send_text(ALICE, "vaken?")

    updates = await asyncio.wait_for(poll, timeout=2)
    assert [u.message.text for u in updates if u.message] == ["vaken?"]


async def test_stop_ends_a_pending_long_poll_at_once() -> None:
    running = await start_sandbox()
    telegram_bot = Bot(TOKEN, base_url=running.base_url)
    await telegram_bot.initialize()
    try:
        poll = asyncio.create_task(telegram_bot.get_updates(timeout=10))
        await asyncio.sleep(0.05)
        assert not poll.done()
        loop = asyncio.get_running_loop()
        started = loop.time()

        await running.stop()

        # Without ending it, stop() would wait out the server's whole shutdown timeout.
        assert loop.time() - started < SHUTDOWN_TIMEOUT
        await asyncio.wait_for(asyncio.gather(poll, return_exceptions=True), timeout=2)
    finally:
        await telegram_bot.shutdown()


async def test_transcript_wait_returns_promptly_after_a_send(
    bot: Bot, client: SandboxClient
) -> None:
    sent = await client.send_text(ALICE, "fråga")
    waiting = asyncio.create_task(
        client.wait_for_bot_message(ALICE, after=sent["cursor"], timeout=5)
    )
    await asyncio.sleep(0.05)
    assert not waiting.done()
    loop = asyncio.get_running_loop()
    started = loop.time()

    await bot.send_message(ALICE, "svar")

    reply = await waiting
    assert reply["text"] == "svar" and reply["from_bot"]
    assert loop.time() - started < 1


async def test_wait_timeout_shows_the_transcript(client: SandboxClient) -> None:
    sent = await client.send_text(ALICE, "hallå?")

    with pytest.raises(TimeoutError, match="Alice: 'hallå\\?'"):
        await client.wait_for_bot_message(ALICE, after=sent["cursor"], timeout=0.1)


async def test_documents_and_photos_are_stored_and_served(bot: Bot, client: SandboxClient) -> None:
    document = await bot.send_document(
        ALICE, b"%PDF-1.4 fake", filename="avtal.pdf", caption="<b>Avtalet</b>", parse_mode="HTML"
    )
    photo = await bot.send_photo(ALICE, _png(3, 2))

    assert document.document is not None and document.document.file_name == "avtal.pdf"
    assert document.document.mime_type == "application/pdf"
    assert document.caption == "Avtalet" and document.caption_entities[0].type == "bold"
    assert await client.file_bytes(document.document.file_id) == b"%PDF-1.4 fake"
    assert [(p.width, p.height) for p in photo.photo] == [(3, 2)]
    again = await bot.send_document(ALICE, document.document.file_id)
    assert again.document is not None and again.document.file_id == document.document.file_id
    downloaded = await (await bot.get_file(document.document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == b"%PDF-1.4 fake"


async def test_commands_are_stored_per_language(bot: Bot, client: SandboxClient) -> None:
    await bot.set_my_commands([BotCommand("start", "Börja")], language_code="sv")
    await bot.set_my_commands([BotCommand("start", "Start")])

    assert await bot.get_my_commands(language_code="sv") == (BotCommand("start", "Börja"),)
    assert (await client.commands("en"))["effective"] == [
        {"command": "start", "description": "Start"}
    ]
    calls = await client.calls("setMyCommands")
    assert [c["params"].get("language_code") for c in calls] == ["sv", None]
    assert await bot.delete_my_commands(scope=BotCommandScopeDefault(), language_code="sv")
    assert await bot.get_my_commands(language_code="sv") == ()
    with pytest.raises(BadRequest, match="Bot_command_invalid"):
        await bot.set_my_commands([BotCommand("Not valid", "x")])


async def test_polls_and_answers(bot: Bot, client: SandboxClient) -> None:
    sent = await bot.send_poll(ALICE, "Kaffe?", ["Ja", "Nej"], is_anonymous=False)
    assert sent.poll is not None

    await client.answer_poll(ALICE, sent.poll.id, [0])

    poll_update, answer_update = await bot.get_updates()
    assert poll_update.poll is not None and poll_update.poll.options[0].voter_count == 1
    assert answer_update.poll_answer is not None and answer_update.poll_answer.option_ids == (0,)
    stopped = await bot.stop_poll(ALICE, sent.message_id)
    assert stopped.is_closed and stopped.total_voter_count == 1


async def test_deleted_messages_stay_in_the_transcript(bot: Bot, client: SandboxClient) -> None:
    sent = await bot.send_message(ALICE, "hoppsan")

    assert await bot.delete_message(ALICE, sent.message_id)

    [entry] = await client.messages(ALICE)
    assert entry["deleted"]
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(ALICE, sent.message_id)


@pytest.mark.parametrize(
    ("kwargs", "description"),
    [
        ({"text": ""}, "message text is empty"),
        ({"text": "   \n"}, "message text is empty"),
        ({"text": "x" * 4097}, "message is too long"),
        (
            {"text": "<b>x", "parse_mode": "HTML"},
            "can't parse entities: Can't find end tag corresponding to start tag \"b\"",
        ),
        (
            {"text": "ok <div>x</div>", "parse_mode": "HTML"},
            'can\'t parse entities: Unsupported start tag "div" at byte offset 3',
        ),
        (
            {"text": "<b>x</i>", "parse_mode": "HTML"},
            'can\'t parse entities: Unmatched end tag at byte offset 4, expected "</b>", '
            'found "</i>"',
        ),
        (
            {"text": "x", "parse_mode": "MarkdownV2"},
            "unsupported parse_mode (the sandbox implements only HTML)",
        ),
        ({"text": "x", "chat_id": 999}, "chat not found"),
        ({"text": "x", "reply_markup": _keyboard(("a", "d" * 65))}, "BUTTON_DATA_INVALID"),
        ({"text": "x", "reply_markup": _keyboard(("a", ""))}, "BUTTON_DATA_INVALID"),
        (
            {"text": "x", "reply_markup": InlineKeyboardMarkup([[InlineKeyboardButton("a")]])},
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
        ),
        ({"text": "x", "reply_parameters": ReplyParameters(77)}, "message to be replied not found"),
    ],
)
async def test_send_message_validation(
    bot: Bot, client: SandboxClient, kwargs: dict[str, Any], description: str
) -> None:
    with pytest.raises(BadRequest) as raised:
        await bot.send_message(**{"chat_id": ALICE, **kwargs})

    # PTB strips "Bad Request: " and capitalises; the wire carries Telegram's exact text.
    assert raised.value.message == description.capitalize()
    [call] = await client.calls("sendMessage")
    assert call["error"] == f"Bad Request: {description}"


async def test_callback_data_is_counted_in_utf8_bytes(bot: Bot, client: SandboxClient) -> None:
    await bot.send_message(ALICE, "ok", reply_markup=_keyboard(("a", "ö" * 32)))
    with pytest.raises(BadRequest, match="Button_data_invalid"):
        await bot.send_message(ALICE, "x", reply_markup=_keyboard(("a", "ö" * 33)))


async def test_edit_validation(bot: Bot, client: SandboxClient) -> None:
    sent = await bot.send_message(ALICE, "samma", reply_markup=_keyboard(("A", "a")))
    user_message = (await client.send_text(ALICE, "från Alice"))["message"]

    with pytest.raises(BadRequest, match="Message is not modified: specified new message content"):
        await bot.edit_message_text(
            "samma", ALICE, sent.message_id, reply_markup=_keyboard(("A", "a"))
        )
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("ny", ALICE, 999)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("ny", ALICE, user_message["message_id"])


async def test_call_hooks_can_inject_faults(
    sandbox: RunningSandbox, bot: Bot, client: SandboxClient
) -> None:
    async def blocked(method: str, params: Params) -> None:
        if method == "sendMessage" and params.text("chat_id") == str(ALICE):
            raise BotApiError(403, "Forbidden: bot was blocked by the user")

    sandbox.state.call_hooks.append(blocked)

    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await bot.send_message(ALICE, "hej")
    [call] = await client.calls("sendMessage")
    assert (call["ok"], call["error"]) == (False, "Forbidden: bot was blocked by the user")


async def test_injected_updates_and_reset(bot: Bot, client: SandboxClient) -> None:
    update_id = await client.inject_update(
        {
            "message": {
                "chat": {"id": -100, "type": "group", "title": "Styrelsen"},
                "from": {"id": ALICE, "is_bot": False, "first_name": "Alice"},
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "u",
                    "type": "regular",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                },
            }
        }
    )

    [update] = await bot.get_updates()
    assert update.update_id == update_id
    assert update.message is not None and update.message.sticker is not None
    assert update.message.chat.title == "Styrelsen" and update.message.message_id == 1
    await bot.send_message(-100, "hej gruppen")

    await client.reset()

    assert await client.users() == []
    await client.create_user("Alice")
    later = await client.send_text(ALICE, "efter reset")
    # Update ids keep growing across resets, so a running bot's offset stays valid.
    assert later["update_id"] > update_id
    [fresh] = await bot.get_updates(offset=update_id + 1)
    assert fresh.message is not None and fresh.message.text == "efter reset"


async def test_a_user_sends_formatted_text_and_the_bot_reads_it_as_html(
    bot: Bot, client: SandboxClient
) -> None:
    entities = [
        {"type": "bold", "offset": 0, "length": 3},
        {"type": "italic", "offset": 4, "length": 2},  # after the emoji's two UTF-16 units
        {"type": "text_link", "offset": 7, "length": 4, "url": "example.org"},
    ]
    await client.send_text(ALICE, "Hej 😀 länk /help", entities=entities)

    [update] = await bot.get_updates()
    assert update.message is not None
    assert update.message.text_html == (
        '<b>Hej</b> <i>😀</i> <a href="http://example.org/">länk</a> /help'
    )
    assert [e.type for e in update.message.entities] == [
        "bold",
        "italic",
        "text_link",
        "bot_command",
    ]


@pytest.mark.parametrize(
    ("entities", "error"),
    [
        ([{"type": "mention", "offset": 0, "length": 1}], "not one a user can format"),
        ([{"type": "bold", "offset": 2, "length": 9}], "ends after the text"),
        ([{"type": "bold", "offset": 0, "length": 0}], "length at least 1"),
        ([{"type": "text_link", "offset": 0, "length": 1, "url": "inte en länk"}], "valid url"),
        ({"type": "bold"}, "must be a list"),
    ],
)
async def test_formatting_telegram_could_not_send_is_refused(
    client: SandboxClient, entities: Any, error: str
) -> None:
    with pytest.raises(SandboxError, match=error):
        await client.send_text(ALICE, "hej", entities=entities)
    assert await client.messages(ALICE) == []


async def test_a_user_sends_a_photo_with_a_formatted_caption_in_reply(
    bot: Bot, client: SandboxClient
) -> None:
    question = await bot.send_message(ALICE, "Skicka en bild")
    sent = await client.send_photo(
        ALICE,
        _png(4, 3),
        caption="Affisch för mötet",
        caption_entities=[{"type": "bold", "offset": 0, "length": 7}],
        reply_to_message_id=question.message_id,
    )

    [update] = await bot.get_updates()
    message = update.message
    assert message is not None and message.text is None
    assert [(p.width, p.height) for p in message.photo] == [(4, 3)]
    assert message.caption_html == "<b>Affisch</b> för mötet"
    assert message.reply_to_message is not None
    assert message.reply_to_message.text == "Skicka en bild"
    downloaded = await (await bot.get_file(message.photo[-1].file_id)).download_as_bytearray()
    assert bytes(downloaded) == _png(4, 3)
    [_, entry] = await client.messages(ALICE)
    assert (entry["text"], entry["photo"], entry["reply_to_message_id"]) == (
        "Affisch för mötet",
        sent["message"]["photo"],
        question.message_id,
    )


async def test_a_photo_must_be_an_uploaded_image(
    sandbox: RunningSandbox, client: SandboxClient
) -> None:
    with pytest.raises(SandboxError, match="not a PNG, GIF or JPEG"):
        await client.send_photo(ALICE, b"%PDF-1.4", file_name="avtal.pdf")
    async with httpx.AsyncClient() as http:
        body = {"user_id": ALICE, "photo": "nope"}
        response = await http.post(f"{sandbox.root_url}/sandbox/api/messages", json=body)
    assert response.status_code == 400 and "unknown photo" in response.json()["error"]
    assert await client.messages(ALICE) == []
