"""Running a DeliveryWorker in the background: a pipeline that keeps the sends in flight."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy.exc import SQLAlchemyError

from bot.services.delivery.store import Claimed
from bot.services.delivery.worker import DeliveryWorker

log = logging.getLogger(__name__)

STOP_GRACE = 10.0  # seconds to let in-flight sends finish (and be recorded) on shutdown
ERROR_PAUSE = 5.0  # seconds to wait after the database failed


class WorkerLoop:
    """Keeps up to ``concurrency`` deliveries in flight, claiming more as sends finish.

    Claims are made once at least half of the slots are free, so a busy minute costs few
    claim transactions; housekeeping (due campaigns, finished ones) runs about once a second.
    """

    def __init__(self, worker: DeliveryWorker) -> None:
        self.worker = worker
        self._in_flight: set[asyncio.Task[None]] = set()
        self._freed = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Begin delivering in the background."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="delivery-worker")

    async def stop(self) -> None:
        """Stop claiming, let in-flight sends finish briefly, then cancel what is left."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if self._in_flight:
            _done, left = await asyncio.wait(self._in_flight, timeout=STOP_GRACE)
            for task in left:
                task.cancel()  # their leases expire and another worker sends them
            await asyncio.gather(*left, return_exceptions=True)

    async def _run(self) -> None:
        options = self.worker.options
        loop = asyncio.get_running_loop()
        next_housekeeping = 0.0
        while True:
            self._freed.clear()  # before counting, so a send finishing meanwhile still wakes us
            try:
                if loop.time() >= next_housekeeping:
                    await self.worker.housekeeping()
                    next_housekeeping = loop.time() + options.idle_interval
                free = options.concurrency - len(self._in_flight)
                if free < max(1, options.concurrency // 2):
                    await self._wait_for_slot(options.idle_interval)
                    continue
                batch = await self.worker.claim(free)
            except SQLAlchemyError as error:
                log.warning("delivery worker: database error %s", type(error).__name__)
                await asyncio.sleep(ERROR_PAUSE)
                continue
            for item in batch:
                task = asyncio.create_task(self._deliver(item), name=f"delivery-{item.id}")
                self._in_flight.add(task)
                task.add_done_callback(self._done)
            if not batch:
                next_housekeeping = min(next_housekeeping, loop.time() + options.idle_interval)
                await self._wait_for_slot(options.idle_interval)

    async def _deliver(self, item: Claimed) -> None:
        try:
            await self.worker.deliver(item)
        except SQLAlchemyError as error:
            # Unrecorded: the lease expires and the delivery is tried again (a possible duplicate).
            log.error("delivery %s not recorded: %s", item.id, type(error).__name__)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        self._freed.set()
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("delivery task failed", exc_info=error)

    async def _wait_for_slot(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._freed.wait(), seconds)
