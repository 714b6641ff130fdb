"""Long-poll support: wake waiters when something changed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Signal:
    """Wakes all waiters whenever something changed; waiters re-check their own condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self._released = asyncio.Event()

    def fire(self) -> None:
        """Wake everybody currently waiting."""
        self._event.set()
        self._event = asyncio.Event()

    def release(self) -> None:
        """End every current wait now, as if its time were up (the server is stopping)."""
        self._released.set()
        self._released = asyncio.Event()
        self.fire()

    async def wait_for(self, predicate: Callable[[], T], max_wait: float) -> T:
        """Wait until ``predicate()`` is truthy or ``max_wait`` seconds pass; return its last value."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max_wait
        released = self._released
        while not (result := predicate()):
            remaining = deadline - loop.time()
            if remaining <= 0 or released.is_set():
                return result
            event = self._event
            try:
                async with asyncio.timeout(remaining):
                    await event.wait()
            except TimeoutError:
                pass
        return result
