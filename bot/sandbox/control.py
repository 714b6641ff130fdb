"""The control API under ``/sandbox/api``: play the users, inspect what the bot did."""

from __future__ import annotations

import json
import secrets
from typing import Any

from aiohttp import web

from bot.sandbox import control_views as views
from bot.sandbox.polls import vote
from bot.sandbox.records import JSON, CallbackRecord, SandboxChat, SandboxUser
from bot.sandbox.render import message_json
from bot.sandbox.state import STATE_KEY, SandboxState
from bot.sandbox.user_content import ContentError, formatted, photo_sizes

API = "/sandbox/api"
_GROUP_TYPES = ("group", "supergroup")


def _problem(status: int, message: str) -> web.HTTPException:
    """Return a JSON error response to raise."""
    error = web.HTTPNotFound if status == 404 else web.HTTPBadRequest
    return error(text=json.dumps({"error": message}), content_type="application/json")


async def _body(request: web.Request) -> JSON:
    try:
        body = await request.json()
    except json.JSONDecodeError:
        raise _problem(400, "the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise _problem(400, "the body must be a JSON object")
    return body


def _user(state: SandboxState, body: JSON) -> SandboxUser:
    user = state.users.get(_int(body.get("user_id"), "user_id"))
    if user is None:
        raise _problem(404, f"unknown user {body.get('user_id')}; create it with POST /users")
    return user


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise _problem(400, f"{name} must be an integer") from None


def _chat_for(state: SandboxState, user: SandboxUser, body: JSON) -> SandboxChat:
    chat_type = body.get("chat_type", "private")
    if chat_type == "private":
        if _int(body.get("chat_id", user.id), "chat_id") != user.id:
            raise _problem(400, "a private chat's id is the user's id")
        return state.chats[user.id]
    if chat_type not in _GROUP_TYPES:
        raise _problem(400, "chat_type must be private, group or supergroup")
    if "chat_id" not in body:
        raise _problem(400, "chat_id is required for groups")
    return state.group_chat(_int(body["chat_id"], "chat_id"), chat_type, body.get("chat_title"))


async def create_user(request: web.Request) -> web.Response:
    """POST /users: create a user (idempotent for a known id)."""
    body = await _body(request)
    if not isinstance(body.get("first_name"), str) or not body["first_name"]:
        raise _problem(400, "first_name is required")
    user = request.app[STATE_KEY].add_user(
        body["first_name"],
        user_id=None if body.get("id") is None else _int(body["id"], "id"),
        last_name=body.get("last_name"),
        username=body.get("username"),
        language_code=body.get("language_code"),
    )
    return web.json_response(user.to_json())


async def list_users(request: web.Request) -> web.Response:
    """GET /users: everybody the sandbox knows."""
    return web.json_response([u.to_json() for u in request.app[STATE_KEY].users.values()])


async def post_message(request: web.Request) -> web.Response:
    """POST /messages: a user writes; queued as a ``message`` update.

    ``text`` with optional ``entities`` (the formatting a Telegram app makes), or ``photo``
    (the file_id of an image uploaded with POST /files?kind=photos) with an optional
    ``caption`` and ``caption_entities``; ``reply_to_message_id`` answers a message.
    """
    state, body = request.app[STATE_KEY], await _body(request)
    user = _user(state, body)
    chat = _chat_for(state, user, body)
    reply_to = body.get("reply_to_message_id")
    if reply_to is not None and _int(reply_to, "reply_to_message_id") not in chat.messages:
        raise _problem(404, f"no message {reply_to} in chat {chat.id}")
    try:
        content = _content(state, body)
    except ContentError as error:
        raise _problem(400, str(error)) from None
    message = state.add_message(chat, sender=user.to_json(), from_bot=False)
    message.text, message.entities = content.get("text"), content.get("entities", [])
    message.caption = content.get("caption")
    message.caption_entities = content.get("caption_entities", [])
    if "photo" in content:
        message.extra = {"photo": content["photo"]}
    message.reply_to_message_id = None if reply_to is None else int(reply_to)
    data = message_json(state, message)
    update_id = state.enqueue({"message": data})
    return web.json_response({"update_id": update_id, "message": data, "cursor": state.revision})


def _content(state: SandboxState, body: JSON) -> JSON:
    """The validated text or photo of a message a user sends."""
    if body.get("photo") is None:
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise ContentError("text must be a non-empty string (or send a photo)")
        text, entities = formatted(text, body.get("entities"), name="text")
        return {"text": text, "entities": entities}
    stored = state.files.get(str(body["photo"]))
    if stored is None:
        raise ContentError(f"unknown photo {body['photo']!r}; upload it with POST /files")
    content: JSON = {"photo": photo_sizes(stored)}
    caption = body.get("caption")
    if isinstance(caption, str) and caption.strip():
        caption, entities = formatted(caption, body.get("caption_entities"), name="caption")
        content |= {"caption": caption, "caption_entities": entities}
    elif caption is not None and not isinstance(caption, str):
        raise ContentError("caption must be a string")
    return content


async def post_callback(request: web.Request) -> web.Response:
    """POST /callbacks: a user presses an inline button (any data, so tests can forge)."""
    state, body = request.app[STATE_KEY], await _body(request)
    user = _user(state, body)
    chat = state.chats.get(_int(body.get("chat_id", user.id), "chat_id"))
    message_id = _int(body.get("message_id"), "message_id")
    message = chat.messages.get(message_id) if chat else None
    if chat is None or message is None or message.deleted:
        raise _problem(404, f"no message {message_id} in chat {body.get('chat_id', user.id)}")
    if not isinstance(body.get("data"), str):
        raise _problem(400, "data must be a string")
    query_id = str(secrets.randbelow(10**18))
    state.callbacks[query_id] = CallbackRecord(query_id)
    query = {
        "id": query_id,
        "from": user.to_json(),
        "message": message_json(state, message),
        "chat_instance": str(abs(chat.id) * 7919),
        "data": body["data"],
    }
    update_id = state.enqueue({"callback_query": query})
    return web.json_response(
        {"update_id": update_id, "callback_query_id": query_id, "cursor": state.revision}
    )


async def post_update(request: web.Request) -> web.Response:
    """POST /updates: queue any raw update; a ``message`` is also added to its chat."""
    state, body = request.app[STATE_KEY], await _body(request)
    if "update_id" in body:
        raise _problem(400, "leave update_id out; the sandbox assigns it")
    if isinstance(body.get("message"), dict):
        body["message"] = _record_raw_message(state, body["message"])
    return web.json_response({"update_id": state.enqueue(body), "cursor": state.revision})


def _record_raw_message(state: SandboxState, raw: JSON) -> JSON:
    chat_data = raw.get("chat")
    if not isinstance(chat_data, dict) or "id" not in chat_data:
        raise _problem(400, "message.chat.id is required")
    chat = state.chats.get(_int(chat_data["id"], "message.chat.id"))
    if chat is None and chat_data.get("type") in _GROUP_TYPES:
        chat = state.group_chat(int(chat_data["id"]), chat_data["type"], chat_data.get("title"))
    if chat is None:
        raise _problem(404, f"unknown chat {chat_data['id']}")
    message = state.add_message(chat, sender=raw.get("from", {}), from_bot=False)
    message.text, message.caption = raw.get("text"), raw.get("caption")
    message.entities = raw.get("entities", [])
    base = {"message_id", "from", "chat", "date", "text", "entities", "caption"}
    message.extra = {key: value for key, value in raw.items() if key not in base}
    return {**raw, "message_id": message.message_id, "date": raw.get("date", message.date)}


async def post_poll_answer(request: web.Request) -> web.Response:
    """POST /poll_answers: a user votes (empty option_ids retracts)."""
    state, body = request.app[STATE_KEY], await _body(request)
    user = _user(state, body)
    options = body.get("option_ids")
    if not isinstance(options, list):
        raise _problem(400, "option_ids must be a list")
    try:
        update_id = vote(state, user, str(body.get("poll_id")), [int(o) for o in options])
    except LookupError as error:
        raise _problem(404, str(error)) from None
    except ValueError as error:
        raise _problem(400, str(error)) from None
    return web.json_response({"update_id": update_id})


def add_routes(app: web.Application) -> None:
    """Register the control API, the web page and its static files."""
    app.router.add_post(f"{API}/users", create_user)
    app.router.add_get(f"{API}/users", list_users)
    app.router.add_post(f"{API}/messages", post_message)
    app.router.add_post(f"{API}/callbacks", post_callback)
    app.router.add_post(f"{API}/updates", post_update)
    app.router.add_post(f"{API}/poll_answers", post_poll_answer)
    app.router.add_get(f"{API}/chats/{{chat_id}}/messages", views.chat_messages)
    app.router.add_get(f"{API}/cursor", views.cursor)
    app.router.add_get(f"{API}/callback_answers/{{query_id}}", views.callback_answer)
    app.router.add_get(f"{API}/calls", views.calls)
    app.router.add_get(f"{API}/files/{{file_id}}", views.file_bytes)
    app.router.add_post(f"{API}/files", views.upload_file)
    app.router.add_get(f"{API}/commands", views.commands)
    app.router.add_post(f"{API}/reset", views.reset)
    app.router.add_get("/", views.page)
    app.router.add_static("/static", views.STATIC_DIR)
