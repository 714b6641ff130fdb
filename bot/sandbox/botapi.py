"""The Bot API routes: ``/bot<token>/<method>`` and file downloads under ``/file/bot<token>/``."""

from __future__ import annotations

import re

from aiohttp import web

from bot.sandbox import methods_bot, methods_media, methods_messages, polls
from bot.sandbox.params import BotApiError, read_params
from bot.sandbox.state import STATE_KEY, Call, Handler, SandboxState
from bot.sandbox.traffic import ConnectionDropped

# Telegram matches method names case-insensitively.
METHODS: dict[str, Handler] = {
    **methods_bot.METHODS,
    **methods_messages.METHODS,
    **methods_media.METHODS,
    **polls.METHODS,
}
_TOKEN = re.compile(r"(\d+):[\w-]+")


def error_response(error: BotApiError) -> web.Response:
    """Build Telegram's error JSON; the one place errors are turned into responses."""
    body: dict[str, object] = {
        "ok": False,
        "error_code": error.error_code,
        "description": error.description,
    }
    if error.parameters:
        body["parameters"] = error.parameters
    return web.json_response(body, status=error.error_code)


def _bot_id(token: str) -> int | None:
    match = _TOKEN.fullmatch(token)
    return int(match.group(1)) if match else None


def _drop(request: web.Request) -> web.Response:
    """Close the connection; aiohttp then discards the response it is handed."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=204)


async def handle_method(request: web.Request) -> web.Response:
    """Answer one Bot API call: parameters, limits and faults, hooks, the method, the log."""
    state = request.app[STATE_KEY]
    bot_id = _bot_id(request.match_info["token"])
    if bot_id is None:
        return error_response(BotApiError(404, "Not Found"))  # Telegram's malformed token answer
    method = request.match_info["method"]
    state.traffic.received(method)
    params = await read_params(request)
    try:
        handler = METHODS.get(method.lower())
        if handler is None:
            raise BotApiError(404, "Not Found: method not found")
        drop_after = await state.traffic.admit(method, params, bot=bot_id)
        for hook in state.call_hooks:
            await hook(method, params)
        result = await handler(Call(state, params, SandboxState.bot_user(bot_id)))
    except BotApiError as error:
        state.log_call(method, params.loggable(), ok=False, error=error.description)
        return error_response(error)
    except ConnectionDropped:
        state.log_call(method, params.loggable(), ok=False, error="connection dropped")
        return _drop(request)
    state.traffic.delivered(method)
    if drop_after:
        state.log_call(method, params.loggable(), ok=True, error="connection dropped after it")
        return _drop(request)
    state.log_call(method, params.loggable(), ok=True)
    return web.json_response({"ok": True, "result": result})


async def download_file(request: web.Request) -> web.Response:
    """Serve a file by the file_path that getFile returned."""
    state = request.app[STATE_KEY]
    stored = state.files.get(request.match_info["path"].rsplit("/", 1)[-1])
    if _bot_id(request.match_info["token"]) is None or stored is None:
        return error_response(BotApiError(404, "Not Found"))
    return web.Response(body=stored.data, content_type=stored.mime_type)


def add_routes(app: web.Application) -> None:
    """Register the Bot API routes on the sandbox app."""
    app.router.add_route("*", "/bot{token}/{method}", handle_method)
    app.router.add_get("/file/bot{token}/{path:.+}", download_file)
