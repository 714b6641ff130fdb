"""The one staff guard: staff commands, buttons and steps are refused to anyone else here.

A feature declares what is staff-only where it declares it: its commands with ``staff=True``
in its routes (registered through ``staff_command``), its callback actions with ``staff = True``
(checked by the callback router before the action runs), its conversation steps through
``staff_steps`` (checked by the text router). Code that acts on the role again inside its own transaction calls ``require_staff``.
Every refusal is the same ``not_staff`` text, and leaves a staff step the person was in.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from functools import wraps
from typing import Any

from telegram import Update
from telegram.ext import CommandHandler
from telegram.ext.filters import BaseFilter

from bot.errors import DomainError
from bot.models import User
from handlers.core.common import Context, awaiting, set_awaiting, user_session

CommandCallback = Callable[[Update, Context], Coroutine[Any, Any, None]]

STAFF_COMMANDS: set[str] = set()  # every staff command, as registered
STAFF_STEPS: set[str] = set()  # every step name only staff can be at


def staff_steps(*names: str) -> tuple[str, ...]:
    """Declare these step names staff-only; returns them for the feature's own constant."""
    STAFF_STEPS.update(names)
    return names


def require_staff(context: Context, user: User) -> None:
    """The staff check: anyone else gets DomainError("not_staff") and leaves a staff step."""
    if user.is_staff:
        return
    if (awaiting(context) or {}).get("step") in STAFF_STEPS:
        set_awaiting(context, None)
    raise DomainError("not_staff")


async def staff_language(update: Update, context: Context) -> str:
    """The staff member's language, checked now; anyone else is refused."""
    async with user_session(update, context) as (_session, user):
        require_staff(context, user)
        return user.language


def staff_only(handler: CommandCallback) -> CommandCallback:
    """The handler, run only after the sender is checked to be staff."""

    @wraps(handler)
    async def guarded(update: Update, context: Context) -> None:
        await staff_language(update, context)
        await handler(update, context)

    return guarded


def staff_command(
    names: str | Sequence[str], handler: CommandCallback, *, filters: BaseFilter
) -> CommandHandler[Context, None]:
    """A CommandHandler for a staff command: recorded in STAFF_COMMANDS, guarded."""
    listed = [names] if isinstance(names, str) else list(names)
    STAFF_COMMANDS.update(listed)
    return CommandHandler(listed, staff_only(handler), filters=filters)
