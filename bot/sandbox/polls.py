"""Polls: sendPoll and stopPoll, and users' votes injected through the control API."""

from __future__ import annotations

import secrets
from typing import Any

from bot.sandbox.compose import new_bot_message, require_chat, require_message
from bot.sandbox.params import bad_request
from bot.sandbox.records import JSON, PollRecord, SandboxUser
from bot.sandbox.render import message_json
from bot.sandbox.state import Call, Handler, SandboxState

MAX_OPTIONS = 12


def _option_texts(raw: Any) -> list[str]:
    # PTB 22 sends InputPollOption objects ({"text": ...}); older clients send plain strings.
    if not isinstance(raw, list):
        raise bad_request("poll options must be an Array")
    texts = [item.get("text", "") if isinstance(item, dict) else str(item) for item in raw]
    if len(texts) < 2:
        raise bad_request("poll must have at least 2 option")
    if len(texts) > MAX_OPTIONS:
        raise bad_request(f"poll can't have more than {MAX_OPTIONS} options")
    if not all(text.strip() for text in texts):
        raise bad_request("poll options must be non-empty")
    return texts


async def send_poll(call: Call) -> JSON:
    """sendPoll (regular and quiz)."""
    chat = require_chat(call)
    question = (call.params.text("question") or "").strip()
    if not question:
        raise bad_request("poll question must be non-empty")
    texts = _option_texts(call.params.decoded("options"))
    poll_type = call.params.text("type", "regular")
    poll: JSON = {
        "id": str(secrets.randbelow(10**18)),
        "question": question,
        "options": [
            {"text": text, "voter_count": 0, "persistent_id": str(index)}
            for index, text in enumerate(texts)
        ],
        "total_voter_count": 0,
        "is_closed": call.params.flag("is_closed"),
        "is_anonymous": call.params.flag("is_anonymous", default=True),
        "type": poll_type,
        "allows_multiple_answers": call.params.flag("allows_multiple_answers"),
        "allows_revoting": call.params.flag("allows_revoting", default=poll_type != "quiz"),
        "members_only": call.params.flag("members_only"),
    }
    correct = call.params.decoded("correct_option_ids")
    if poll_type == "quiz":
        if not isinstance(correct, list) or not correct:
            raise bad_request("quiz poll must have correct_option_ids")
        poll["correct_option_ids"] = correct
    message = new_bot_message(call, chat)
    message.extra = {"poll": poll}
    call.state.polls[poll["id"]] = PollRecord(poll, chat.id, message.message_id)
    return message_json(call.state, message)


async def stop_poll(call: Call) -> JSON:
    """stopPoll: close the poll and return its final state."""
    chat = require_chat(call)
    message = require_message(call, chat, "message with poll to stop not found")
    poll = message.extra.get("poll")
    if poll is None or not message.from_bot:
        raise bad_request("message with poll to stop not found")
    if poll["is_closed"]:
        raise bad_request("poll has already been closed")
    poll["is_closed"] = True
    call.state.touch(message)
    return dict(poll)


def vote(state: SandboxState, user: SandboxUser, poll_id: str, option_ids: list[int]) -> int:
    """Record a user's vote (empty = retract) and queue the updates Telegram would send."""
    record = state.polls.get(poll_id)
    if record is None:
        raise LookupError(f"unknown poll {poll_id}")
    poll = record.poll
    if poll["is_closed"]:
        raise ValueError("the poll is closed")
    if any(not 0 <= option < len(poll["options"]) for option in option_ids):
        raise ValueError("option id out of range")
    if len(option_ids) > 1 and not poll["allows_multiple_answers"]:
        raise ValueError("the poll allows one answer only")
    record.votes[user.id] = list(option_ids)
    if not option_ids:
        del record.votes[user.id]
    for index, option in enumerate(poll["options"]):
        option["voter_count"] = sum(index in chosen for chosen in record.votes.values())
    poll["total_voter_count"] = len(record.votes)
    state.touch(state.chats[record.chat_id].messages[record.message_id])
    update_id = state.enqueue({"poll": dict(poll, options=[dict(o) for o in poll["options"]])})
    if not poll["is_anonymous"]:
        answer = {
            "poll_id": poll_id,
            "user": user.to_json(),
            "option_ids": list(option_ids),
            "option_persistent_ids": [poll["options"][i]["persistent_id"] for i in option_ids],
        }
        update_id = state.enqueue({"poll_answer": answer})
    return update_id


METHODS: dict[str, Handler] = {"sendpoll": send_poll, "stoppoll": stop_poll}
