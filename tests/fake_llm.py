"""A local stand-in for an OpenAI-compatible `/v1/chat/completions` endpoint (Ollama, vLLM).

It answers in the language the request asks for, or as a test tells it to misbehave: an HTTP
status, a delay, a body that is no chat completion. It records every request it saw.
"""

from __future__ import annotations

import asyncio
import json
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class SeenRequest:
    """What reached the endpoint: its path, headers and JSON body."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class FakeLlm:
    """Replies with `replies[language]`, the language read from the request's instructions."""

    replies: dict[str, str] = field(default_factory=dict)
    status: int = 200
    delay: float = 0.0
    raw: str | None = None  # a body sent instead of a chat completion
    finish_reason: str = "stop"
    requests: list[SeenRequest] = field(default_factory=list)
    base: str = ""

    @property
    def url(self) -> str:
        """The base URL an operator would configure (SIGNBOT_LLM_URL)."""
        return f"{self.base}/v1"

    def language_asked(self, body: dict[str, Any]) -> str:
        """The language the system message asks for ("Swedish" or "English")."""
        system = body["messages"][0]["content"]
        return next(name for name in ("Swedish", "English") if f"Answer in {name}" in system)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(SeenRequest(request.path, dict(request.headers), body))
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.status != 200:
            return web.json_response({"error": {"message": "model crashed"}}, status=self.status)
        if self.raw is not None:
            return web.Response(text=self.raw, content_type="application/json")
        content = self.replies[self.language_asked(body)]
        completion = {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": self.finish_reason,
                }
            ],
        }
        return web.Response(text=json.dumps(completion), content_type="application/json")


@asynccontextmanager
async def running_fake_llm(**replies: str) -> AsyncIterator[FakeLlm]:
    """A FakeLlm on 127.0.0.1 with a free port; replies are given as Swedish=..., English=..."""
    fake = FakeLlm(replies=dict(replies))
    app = web.Application()
    app.router.add_post("/v1/chat/completions", fake.handle)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.base = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield fake
    finally:
        await runner.cleanup()


@contextmanager
def fake_llm_in_thread(**replies: str) -> Iterator[FakeLlm]:
    """A FakeLlm on its own event loop in a thread, for code that runs asyncio.run itself."""
    loop = asyncio.new_event_loop()
    ready: queue.Queue[FakeLlm] = queue.Queue()
    stop = asyncio.Event()

    async def serve() -> None:
        async with running_fake_llm(**replies) as fake:
            ready.put(fake)
            await stop.wait()

    thread = threading.Thread(target=loop.run_until_complete, args=(serve(),), daemon=True)
    thread.start()
    try:
        yield ready.get(timeout=10)
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=10)
        loop.close()
