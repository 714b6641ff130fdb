"""Read-side control endpoints: transcripts, answers, the call log, files, commands, reset."""

from __future__ import annotations

import json
from pathlib import Path

from aiohttp import web

from bot.sandbox.menus import visible_commands
from bot.sandbox.render import transcript_entry
from bot.sandbox.state import STATE_KEY

STATIC_DIR = Path(__file__).with_name("static")
MAX_WAIT = 60.0
FILE_KINDS = ("documents", "photos")


def _number(request: web.Request, name: str, default: float) -> float:
    try:
        return float(request.query.get(name, default))
    except ValueError:
        raise web.HTTPBadRequest(
            text=json.dumps({"error": f"{name} must be a number"}), content_type="application/json"
        ) from None


async def chat_messages(request: web.Request) -> web.Response:
    """GET /chats/{chat_id}/messages?after=<cursor>&wait=<s>: changes since a cursor.

    Every create, edit and delete bumps a sandbox-wide revision; a message is returned when
    its revision is above ``after``. ``wait`` long-polls until there is at least one such
    message. The returned ``cursor`` is the revision to pass as ``after`` next time; ``epoch``
    changes when the sandbox is reset.
    """
    state = request.app[STATE_KEY]
    try:
        chat_id = int(request.match_info["chat_id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    after = int(_number(request, "after", 0))
    wait = min(_number(request, "wait", 0), MAX_WAIT)
    changed = await state.messages_changed.wait_for(lambda: state.changes(chat_id, after), wait)
    messages = [transcript_entry(m) for m in changed]
    return web.json_response({"messages": messages, "cursor": state.revision, "epoch": state.epoch})


async def cursor(request: web.Request) -> web.Response:
    """GET /cursor: the current revision, to wait for whatever happens next."""
    return web.json_response({"cursor": request.app[STATE_KEY].revision})


async def callback_answer(request: web.Request) -> web.Response:
    """GET /callback_answers/{id}: how the bot answered a button press."""
    record = request.app[STATE_KEY].callbacks.get(request.match_info["query_id"])
    if record is None:
        raise web.HTTPNotFound(
            text=json.dumps({"error": "unknown callback_query_id"}), content_type="application/json"
        )
    body = {"answered": record.answered, "text": record.text, "show_alert": record.show_alert}
    return web.json_response({**body, "url": record.url})


async def calls(request: web.Request) -> web.Response:
    """GET /calls?method=X: the Bot API call log, oldest first."""
    method = request.query.get("method", "").lower()
    log = request.app[STATE_KEY].calls
    return web.json_response([c for c in log if not method or c["method"].lower() == method])


async def file_bytes(request: web.Request) -> web.Response:
    """GET /files/{file_id}: the file's bytes with its mime type."""
    stored = request.app[STATE_KEY].files.get(request.match_info["file_id"])
    if stored is None:
        raise web.HTTPNotFound()
    headers = {"Content-Disposition": f'inline; filename="{stored.file_name}"'}
    return web.Response(body=stored.data, content_type=stored.mime_type, headers=headers)


async def upload_file(request: web.Request) -> web.Response:
    """POST /files?file_name=&mime_type=&kind=documents: store bytes a user will "send"."""
    kind = request.query.get("kind", "documents")
    if kind not in FILE_KINDS:
        raise web.HTTPBadRequest(
            text=json.dumps({"error": f"kind must be one of {FILE_KINDS}"}),
            content_type="application/json",
        )
    stored = request.app[STATE_KEY].add_file(
        await request.read(),
        file_name=request.query.get("file_name", "file"),
        mime_type=request.query.get("mime_type", "application/octet-stream"),
        kind=kind,
    )
    return web.json_response(stored.to_json())


async def commands(request: web.Request) -> web.Response:
    """GET /commands?language_code=sv&scope=<json>[&chat_id=N]: the stored menu, and what a
    user sees (in that chat when chat_id is given, else in the scope)."""
    state = request.app[STATE_KEY]
    scope = json.loads(request.query.get("scope", '{"type": "default"}'))
    scope_key = json.dumps(scope, sort_keys=True)
    language = request.query.get("language_code", "")
    exact = state.commands.get((scope_key, language))
    effective = exact if exact is not None else state.commands.get((scope_key, ""), [])
    chat_id = request.query.get("chat_id")
    if chat_id is not None:  # what that chat shows, by Telegram's order of scopes
        chat = state.chats.get(int(chat_id)) if chat_id.lstrip("-").isdigit() else None
        if chat is None:
            raise web.HTTPNotFound(
                text=json.dumps({"error": f"no chat {chat_id}"}), content_type="application/json"
            )
        effective = visible_commands(
            state.commands, chat_id=chat.id, chat_type=chat.type, language_code=language
        )
    return web.json_response(
        {"language_code": language, "commands": exact or [], "effective": effective}
    )


async def reset(request: web.Request) -> web.Response:
    """POST /reset: forget everything."""
    request.app[STATE_KEY].reset()
    return web.json_response({"ok": True})


async def page(request: web.Request) -> web.FileResponse:
    """GET /: the web chat page."""
    return web.FileResponse(STATIC_DIR / "index.html")
