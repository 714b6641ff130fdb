"""Flood-limit bucket maths and fault decisions, on a fake monotonic clock."""

from __future__ import annotations

import bisect
import random
from dataclasses import replace

import pytest

from bot.sandbox.faults import Fault, FaultInjector, FaultSettings
from bot.sandbox.limits import MAX_IDLE_BUCKETS, LimitSettings, RateLimiter

ON = LimitSettings(enabled=True)


class FakeMonotonic:
    """Seconds that only move when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self.now += seconds


@pytest.fixture
def clock() -> FakeMonotonic:
    return FakeMonotonic()


def _limiter(clock: FakeMonotonic, **changes: object) -> RateLimiter:
    return RateLimiter(ON.updated(dict(changes)), clock=clock)


def test_disabled_limits_let_everything_through(clock: FakeMonotonic) -> None:
    limiter = RateLimiter(LimitSettings(), clock=clock)

    assert [limiter.acquire(1, is_group=False) for _ in range(100)] == [None] * 100


def test_private_chat_allows_a_burst_then_one_per_second(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock)

    assert [limiter.acquire(1, is_group=False) for _ in range(4)] == [None, None, None, 1]
    clock.advance(0.5)
    assert limiter.acquire(1, is_group=False) == 1
    clock.advance(0.5)
    assert limiter.acquire(1, is_group=False) is None
    assert limiter.acquire(1, is_group=False) == 1
    assert limiter.acquire(2, is_group=False) is None  # other chats have their own bucket


def test_refused_calls_use_no_token(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock)
    for _ in range(3):
        limiter.acquire(1, is_group=False)

    for _ in range(50):  # hammering while refused does not push the next slot back
        assert limiter.acquire(1, is_group=False) == 1
    clock.advance(1)
    assert limiter.acquire(1, is_group=False) is None


def test_global_limit_is_thirty_in_any_second(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock)

    assert all(limiter.acquire(chat, is_group=False) is None for chat in range(30))
    assert limiter.acquire(30, is_group=False) == 1
    clock.advance(1 / 30)  # a bucket would have refilled one token: a window has not
    assert limiter.acquire(30, is_group=False) == 1
    clock.advance(1 - 1 / 30)  # the first 30 leave the window together
    assert all(limiter.acquire(chat, is_group=False) is None for chat in range(30, 60))
    assert limiter.acquire(60, is_group=False) == 1


@pytest.mark.parametrize("seed", range(20))
def test_no_one_second_window_ever_holds_more_than_the_limit(
    clock: FakeMonotonic, seed: int
) -> None:
    """Whatever the arrivals, the messages let through never exceed 30 in any second."""
    limiter = _limiter(clock, chat_burst=10**6)
    rng = random.Random(seed)
    let_through: list[float] = []
    for _ in range(3000):
        clock.advance(rng.choice([0.0, 0.0, 0.001, 0.01, 0.03, 0.2, rng.random()]))
        if limiter.acquire(rng.randrange(50), is_group=False) is None:
            let_through.append(clock())
    # A window (t - 1, t] ending at each send holds at most 30 sends.
    for index, moment in enumerate(let_through):
        first = bisect.bisect_right(let_through, moment - 1)
        assert index + 1 - first <= 30
    assert len(let_through) > 30


def test_each_bot_token_has_its_own_limits(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock, global_per_second=1)

    assert limiter.acquire(1, is_group=False, bot=111) is None
    assert limiter.acquire(2, is_group=False, bot=111) == 1
    assert limiter.acquire(1, is_group=False, bot=222) is None


def test_group_limit_is_twenty_per_minute(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock)

    assert all(limiter.acquire(-100, is_group=True) is None for _ in range(20))
    assert limiter.acquire(-100, is_group=True) == 3  # one token per 60/20 s
    clock.advance(2.5)
    assert limiter.acquire(-100, is_group=True) == 1  # 0.5 s left, rounded up
    clock.advance(0.5)
    assert limiter.acquire(-100, is_group=True) is None
    assert limiter.acquire(-100, is_group=True) == 3


def test_retry_after_is_the_longer_of_the_chat_and_global_waits(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock, global_per_second=2, group_per_minute=1)

    assert limiter.acquire(-1, is_group=True) is None
    assert limiter.acquire(-2, is_group=True) is None
    assert limiter.acquire(-1, is_group=True) == 60  # group: 60 s; global: 1 s
    clock.advance(0.5)
    assert limiter.acquire(-3, is_group=True) == 1  # global: 0.5 s, at least 1
    clock.advance(0.5)
    assert limiter.acquire(-3, is_group=True) is None


def test_new_settings_start_with_full_buckets(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock, chat_burst=1)
    limiter.acquire(1, is_group=False)
    assert limiter.acquire(1, is_group=False) == 1

    limiter.configure(limiter.settings.updated({"chat_per_second": 0.25}))

    assert limiter.acquire(1, is_group=False) is None
    assert limiter.acquire(1, is_group=False) == 4


def test_full_buckets_are_forgotten_when_many_chats_have_one(clock: FakeMonotonic) -> None:
    limiter = _limiter(clock, global_per_second=10**9)
    for chat in range(MAX_IDLE_BUCKETS):
        limiter.acquire(chat, is_group=False)
    clock.advance(10)
    limiter.acquire(-1, is_group=False)

    assert limiter.acquire(-1, is_group=False) is None
    assert len(limiter._chats) == 1


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"enabled": 1}, "enabled must be true or false"),
        ({"chat_burst": 2.5}, "chat_burst must be a whole number"),
        ({"global_per_second": 0}, "global_per_second must be a positive number"),
        ({"group_per_minute": "20"}, "group_per_minute must be a positive number"),
        ({"per_hour": 5}, "unknown limit 'per_hour'"),
    ],
)
def test_bad_limit_settings_are_refused(changes: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        LimitSettings().updated(changes)


def test_partial_update_keeps_the_other_numbers() -> None:
    settings = LimitSettings().updated({"enabled": True, "chat_burst": 5.0})

    assert settings == LimitSettings(enabled=True, chat_burst=5)


def test_faults_are_deterministic_for_a_seed() -> None:
    settings = FaultSettings(server_error_rate=0.2, drop_rate=0.2, drop_after_delivery_rate=0.1)

    def run() -> list[Fault | None]:
        injector = FaultInjector(replace(settings, seed=7))
        return [injector.decide("sendMessage", "1") for _ in range(200)]

    first = run()
    assert first == run()
    assert {first.count(kind) for kind in (Fault.SERVER_ERROR, Fault.DROP)} <= set(range(25, 56))
    assert first.count(None) > 80


def test_faults_only_hit_the_chosen_methods_and_chats() -> None:
    injector = FaultInjector(
        FaultSettings(server_error_rate=1.0, forbidden_chat_ids=(42,), methods=("sendPhoto",))
    )

    assert injector.decide("sendMessage", "1") is None
    assert injector.decide("sendphoto", "1") is Fault.SERVER_ERROR
    assert injector.decide("sendPhoto", "42") is Fault.FORBIDDEN
    assert FaultInjector().decide("sendMessage", "42") is None


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ({"drop_rate": 1.5}, "drop_rate must be between 0 and 1"),
        ({"drop_rate": 0.6, "timeout_rate": 0.6}, "add up to at most 1"),
        ({"timeout_seconds": -1}, "timeout_seconds must be between"),
        ({"forbidden_chat_ids": ["1"]}, "forbidden_chat_ids must be integers"),
        ({"methods": "sendMessage"}, "methods must be a list"),
        ({"drop": 0.1}, "unknown fault settings: drop"),
    ],
)
def test_bad_fault_settings_are_refused(body: dict[str, object], error: str) -> None:
    with pytest.raises(ValueError, match=error):
        FaultSettings.from_json(body)


def test_fault_settings_round_trip() -> None:
    body = {"timeout_rate": 0.5, "timeout_seconds": 2, "forbidden_chat_ids": [5], "seed": 3}

    settings = FaultSettings.from_json(body)

    assert FaultSettings.from_json(settings.to_json()) == settings
    assert settings.to_json()["methods"][:2] == ["sendMessage", "sendPhoto"]
