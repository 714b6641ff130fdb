"""The send window: at most N messages in any one-second window, as a log of send times.

Telegram counts messages per bot per second and refuses (429) what goes over; a refilling
token bucket lets N through right after N, which a strict one-second window refuses. So the
limiter keeps the times of the last sends and lets a message start only when fewer than N
of them lie in the last second.

Which time is a send's? Telegram counts a message when the request arrives, which we cannot
see; we only know it arrived before we had the answer. A send is therefore logged twice:
when its slot is booked, as "pending" until ``booked + PENDING_GUARD`` (a bound on the time
a request takes to arrive), and once answered, at the time of the answer. A new message may
start at ``s`` only if fewer than N logged times are later than ``s - PERIOD``; as every
earlier message arrived no later than its logged time and the new one arrives no earlier
than ``s``, no one-second window at Telegram ever holds more than N. The cost is the
request's round trip per slot: N / (1 s + latency) a second, about 0.98 of N here.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

PERIOD = 1.0 + 0.002  # Telegram's window, plus a little for two clocks and float rounding
PENDING_GUARD = 1.0  # seconds a request may take to reach Telegram before its answer
MAX_ENTRIES = 1000  # never keep more than this many times (they expire within PERIOD anyway)


@dataclass
class SendWindow:
    """Logged send times (answered or pending) and the moment broadcasts must leave room."""

    entries: list[tuple[float, str]] = field(default_factory=list)  # (time, tag if pending)
    hold_until: float = 0.0  # a reply waited: until then broadcasts leave ``reserve`` free

    def settle(self, answered: dict[str, float]) -> None:
        """Replace pending entries whose request was answered by the answer's time."""
        if not answered:
            return
        self.entries = [
            (answered[tag], "") if tag and tag in answered else (moment, tag)
            for moment, tag in self.entries
        ]

    def forget(self, now: float) -> None:
        """Drop what can no longer hold anyone up: times PERIOD ago, and any from a clock set back."""
        latest = now + PENDING_GUARD + PERIOD  # nothing booked so far ahead unless the clock jumped
        self.entries = [e for e in self.entries if now - PERIOD < e[0] <= latest][-MAX_ENTRIES:]

    def wait(self, now: float, limit: int) -> tuple[float, bool]:
        """Seconds until a message may start (0.0: now), and whether a pending entry decides it."""
        if limit < 1:
            return PERIOD, False
        latest = heapq.nlargest(limit, self.entries)
        if len(latest) < limit:
            return 0.0, False
        moment, tag = latest[-1]
        return max(0.0, moment + PERIOD - now), bool(tag)

    def book(self, start: float, tag: str) -> None:
        """Log a message that starts at ``start`` (not before), pending until answered."""
        self.entries.append((start + PENDING_GUARD, tag))

    def to_json(self) -> str:
        """The window as stored in the shared row."""
        return json.dumps({"sends": self.entries, "hold_until": self.hold_until})

    @classmethod
    def from_json(cls, text: str | None) -> SendWindow:
        """The window stored in the shared row (empty if none yet)."""
        if not text:
            return cls()
        data = json.loads(text)
        return cls(
            entries=[(float(moment), str(tag)) for moment, tag in data.get("sends", [])],
            hold_until=float(data.get("hold_until", 0.0)),
        )


def busiest_second(times: Iterable[float]) -> int:
    """The most of these times that fall in any window (t - 1, t] (for checks and benchmarks)."""
    ordered = sorted(times)
    most, first = 0, 0
    for index, moment in enumerate(ordered):
        while ordered[first] <= moment - 1.0:
            first += 1
        most = max(most, index + 1 - first)
    return most
