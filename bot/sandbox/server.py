"""The sandbox's aiohttp application and helpers to run it in-process."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from aiohttp import web

from bot.sandbox import botapi, control, control_traffic
from bot.sandbox.limits import LimitSettings
from bot.sandbox.state import STATE_KEY, SandboxState

log = logging.getLogger(__name__)
MAX_UPLOAD = 50 * 1024 * 1024  # Telegram's limit for bots' uploads
# stop() ends long polls (getUpdates, transcript waits) at once; this bounds anything else.
SHUTDOWN_TIMEOUT = 0.5


def create_app(state: SandboxState | None = None) -> web.Application:
    """Build the sandbox web application around ``state`` (a fresh one if None)."""
    app = web.Application(client_max_size=MAX_UPLOAD + 1024 * 1024)
    app[STATE_KEY] = state if state is not None else SandboxState()
    botapi.add_routes(app)
    control.add_routes(app)
    control_traffic.add_routes(app)
    return app


@dataclass
class RunningSandbox:
    """A sandbox serving HTTP in this process."""

    host: str
    port: int
    state: SandboxState
    runner: web.AppRunner

    @property
    def root_url(self) -> str:
        """``http://host:port``, the control API's base."""
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The ``base_url`` for PTB (it appends ``<token>/<method>``)."""
        return f"{self.root_url}/bot"

    @property
    def base_file_url(self) -> str:
        """The ``base_file_url`` for PTB, for downloads after getFile."""
        return f"{self.root_url}/file/bot"

    @property
    def page_url(self) -> str:
        """The web chat page."""
        return f"{self.root_url}/"

    async def stop(self) -> None:
        """Stop serving; pending long polls answer at once (with nothing new)."""
        # A client that gave up on a long poll leaves its handler waiting (aiohttp does not
        # cancel it): without this, cleanup() would wait SHUTDOWN_TIMEOUT for each one.
        self.state.updates_changed.release()
        self.state.messages_changed.release()
        await self.runner.cleanup()


async def start_sandbox(
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    state: SandboxState | None = None,
    limits: LimitSettings | None = None,
) -> RunningSandbox:
    """Serve the sandbox on host:port (port 0 picks a free port) and return its handle.

    Flood limits are off unless ``limits`` (or the control API) turns them on.
    """
    app = create_app(state)
    if limits is not None:
        app[STATE_KEY].traffic.configure_limits(limits)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    try:
        await site.start()
    except OSError:
        await runner.cleanup()
        raise
    bound_port = int(runner.addresses[0][1])
    # A wildcard bind is reachable on loopback; URLs need a concrete host.
    url_host = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    return RunningSandbox(url_host, bound_port, app[STATE_KEY], runner)


async def serve_forever(
    host: str = "127.0.0.1", port: int = 0, *, limits: LimitSettings | None = None
) -> None:
    """Run the sandbox until cancelled (``signbot sandbox``)."""
    running = await start_sandbox(host, port, limits=limits)
    log.info("Bot API sandbox: base_url %s, web chat %s", running.base_url, running.page_url)
    if limits is not None and limits.enabled:
        log.info("Flood limits on: %s", limits.to_json())
    print(f"Sandbox running. Web chat: {running.page_url}  Bot API base_url: {running.base_url}")
    try:
        await asyncio.Event().wait()
    finally:
        await running.stop()
