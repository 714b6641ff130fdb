"""Control endpoints for flood limits, injected faults and traffic stats."""

from __future__ import annotations

import json

from aiohttp import web

from bot.sandbox.faults import FaultSettings
from bot.sandbox.records import JSON
from bot.sandbox.state import STATE_KEY

API = "/sandbox/api"


def _bad(message: str) -> web.HTTPBadRequest:
    return web.HTTPBadRequest(text=json.dumps({"error": message}), content_type="application/json")


async def _body(request: web.Request) -> JSON:
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except json.JSONDecodeError:
        raise _bad("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise _bad("the body must be a JSON object")
    return body


async def get_limits(request: web.Request) -> web.Response:
    """GET /limits: whether flood limits are on, and their numbers."""
    return web.json_response(request.app[STATE_KEY].traffic.limiter.settings.to_json())


async def set_limits(request: web.Request) -> web.Response:
    """POST /limits: change some or all of the limits (every bucket starts full again)."""
    traffic = request.app[STATE_KEY].traffic
    try:
        settings = traffic.limiter.settings.updated(await _body(request))
    except ValueError as error:
        raise _bad(str(error)) from None
    traffic.configure_limits(settings)
    return web.json_response(settings.to_json())


async def get_faults(request: web.Request) -> web.Response:
    """GET /faults: the injected failures in force."""
    return web.json_response(request.app[STATE_KEY].traffic.faults.settings.to_json())


async def set_faults(request: web.Request) -> web.Response:
    """POST /faults: replace the fault settings (``{}`` turns faults off)."""
    try:
        settings = FaultSettings.from_json(await _body(request))
    except ValueError as error:
        raise _bad(str(error)) from None
    request.app[STATE_KEY].traffic.faults.configure(settings)
    return web.json_response(settings.to_json())


async def clear_faults(request: web.Request) -> web.Response:
    """DELETE /faults: no more injected failures."""
    settings = FaultSettings()
    request.app[STATE_KEY].traffic.faults.configure(settings)
    return web.json_response(settings.to_json())


async def get_stats(request: web.Request) -> web.Response:
    """GET /stats: calls per method, messages created, 429s answered, faults by kind."""
    return web.json_response(request.app[STATE_KEY].traffic.stats.to_json())


async def reset_stats(request: web.Request) -> web.Response:
    """POST /stats/reset: set every counter to zero."""
    stats = request.app[STATE_KEY].traffic.stats
    stats.reset()
    return web.json_response(stats.to_json())


def add_routes(app: web.Application) -> None:
    """Register the limits, faults and stats endpoints."""
    app.router.add_get(f"{API}/limits", get_limits)
    app.router.add_post(f"{API}/limits", set_limits)
    app.router.add_get(f"{API}/faults", get_faults)
    app.router.add_post(f"{API}/faults", set_faults)
    app.router.add_delete(f"{API}/faults", clear_faults)
    app.router.add_get(f"{API}/stats", get_stats)
    app.router.add_post(f"{API}/stats/reset", reset_stats)
