"""The one delivery engine: campaigns become deliveries, sent by a rate-limited worker."""

from bot.services.delivery.limits import LocalLimiter, Rates, SharedLimiter, build_limiter
from bot.services.delivery.loop import WorkerLoop
from bot.services.delivery.personal import Personal, Personaliser
from bot.services.delivery.sending import (
    Blocked,
    Button,
    Buttons,
    Rejected,
    RetryAfter,
    Sender,
    SendOutcome,
    Sent,
    Transient,
)
from bot.services.delivery.worker import DeliveryWorker, WorkerOptions

__all__ = [
    "Blocked",
    "Button",
    "Buttons",
    "DeliveryWorker",
    "LocalLimiter",
    "Personal",
    "Personaliser",
    "Rates",
    "Rejected",
    "RetryAfter",
    "SendOutcome",
    "Sender",
    "Sent",
    "SharedLimiter",
    "Transient",
    "WorkerLoop",
    "WorkerOptions",
    "build_limiter",
]
