"""Injected failures: server errors, timeouts, dropped connections and blocked users.

Each call to one of the chosen methods draws once from ``random.Random(seed)``, so a given
seed and call sequence fail the same way every run. What the client sees (PTB 22):

- ``server_error``: HTTP 500 ``Internal Server Error`` or 502 ``Bad Gateway`` (JSON body);
  PTB raises ``telegram.error.NetworkError``. No message is created.
- ``timeout``: the request is held ``timeout_seconds`` and then answered 504 ``Gateway
  Timeout``. No message is created (Telegram never got it). A client with a shorter read
  timeout gives up first (PTB: ``telegram.error.TimedOut``); a patient one gets the 504
  (PTB: ``NetworkError``).
- ``drop``: the connection is closed without a response; no message is created. PTB raises
  ``NetworkError("httpx.RemoteProtocolError: Server disconnected ...")``.
- ``drop_after_delivery``: the message is created (the user has it) and then the connection
  is closed; PTB raises the same ``NetworkError``. A sender that retries sends a duplicate.
- ``forbidden``: sends to ``forbidden_chat_ids`` are answered 403 ``Forbidden: bot was blocked
  by the user`` (PTB: ``telegram.error.Forbidden``), without a draw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.sandbox.limits import MESSAGE_METHODS
from bot.sandbox.params import BotApiError

MAX_TIMEOUT_SECONDS = 600.0
_RATES = ("server_error_rate", "timeout_rate", "drop_rate", "drop_after_delivery_rate")


class Fault(StrEnum):
    """The kinds of injected failure, as counted in the stats."""

    SERVER_ERROR = "server_error"
    TIMEOUT = "timeout"
    DROP = "drop"
    DROP_AFTER_DELIVERY = "drop_after_delivery"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True)
class FaultSettings:
    """Shares of calls (0-1, summing to at most 1) that fail, and how."""

    server_error_rate: float = 0.0
    timeout_rate: float = 0.0
    timeout_seconds: float = 5.0
    drop_rate: float = 0.0
    drop_after_delivery_rate: float = 0.0
    forbidden_chat_ids: tuple[int, ...] = ()
    methods: tuple[str, ...] = MESSAGE_METHODS
    seed: int | None = None

    @classmethod
    def from_json(cls, body: dict[str, Any]) -> FaultSettings:
        """Build settings from a control API body; ValueError says what is wrong."""
        unknown = set(body) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown fault settings: {', '.join(sorted(unknown))}")
        values: dict[str, Any] = {}
        for name in (*_RATES, "timeout_seconds"):
            if name in body:
                values[name] = _number(body[name], name)
        for name in _RATES:
            if not 0 <= values.get(name, 0) <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if sum(values.get(name, 0) for name in _RATES) > 1:
            raise ValueError("the rates must add up to at most 1")
        if not 0 <= values.get("timeout_seconds", 0) <= MAX_TIMEOUT_SECONDS:
            raise ValueError(f"timeout_seconds must be between 0 and {MAX_TIMEOUT_SECONDS:g}")
        if "forbidden_chat_ids" in body:
            values["forbidden_chat_ids"] = tuple(
                _ints(body["forbidden_chat_ids"], "forbidden_chat_ids")
            )
        if body.get("methods") is not None:
            methods = body["methods"]
            if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
                raise ValueError("methods must be a list of method names")
            values["methods"] = tuple(methods)
        if body.get("seed") is not None:
            values["seed"] = _ints([body["seed"]], "seed")[0]
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """Return the settings as the control API shows them."""
        return {
            **{name: getattr(self, name) for name in (*_RATES, "timeout_seconds", "seed")},
            "forbidden_chat_ids": list(self.forbidden_chat_ids),
            "methods": list(self.methods),
        }


def _number(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number")
    return float(value)


def _ints(values: Any, name: str) -> list[int]:
    if not isinstance(values, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in values
    ):
        raise ValueError(f"{name} must be integers")
    return list(values)


class FaultInjector:
    """Decides, call by call, whether and how to fail."""

    def __init__(self, settings: FaultSettings | None = None) -> None:
        self.configure(settings or FaultSettings())

    def configure(self, settings: FaultSettings) -> None:
        """Apply new settings and restart the random sequence from the seed."""
        self.settings = settings
        self._rng = random.Random(settings.seed)
        self._methods = frozenset(m.lower() for m in settings.methods)
        self._forbidden = frozenset(str(chat_id) for chat_id in settings.forbidden_chat_ids)

    def decide(self, method: str, chat_id: str | None) -> Fault | None:
        """Return the fault for this call, or None to let it through."""
        if method.lower() not in self._methods:
            return None
        if chat_id is not None and chat_id.strip() in self._forbidden:
            return Fault.FORBIDDEN
        settings = self.settings
        draw = self._rng.random()
        for fault, rate in (
            (Fault.SERVER_ERROR, settings.server_error_rate),
            (Fault.TIMEOUT, settings.timeout_rate),
            (Fault.DROP, settings.drop_rate),
            (Fault.DROP_AFTER_DELIVERY, settings.drop_after_delivery_rate),
        ):
            if draw < rate:
                return fault
            draw -= rate
        return None

    def server_error(self) -> BotApiError:
        """Return a 500 or a 502, as Telegram's front end answers now and then."""
        if self._rng.random() < 0.5:
            return BotApiError(500, "Internal Server Error")
        return BotApiError(502, "Bad Gateway")
