"""Funding calls' declarations: /calls, /newcall, their buttons and steps."""

from __future__ import annotations

from telegram import Update

from handlers.calls import listing, new
from handlers.calls.actions import CallRemind, CallWithdraw, NewCallAction
from handlers.core.common import Context
from handlers.core.registry import Feature, command
from handlers.core.steps import Step


async def _new_call(update: Update, context: Context, _text: str) -> None:
    await new.on_new_call_text(update, context)


FEATURE = Feature(
    commands=(
        command("calls", listing.calls_command, menu=30),
        command("newcall", new.start_new_call, staff=True, menu=80),
    ),
    actions={
        CallRemind: listing.remind_me,
        CallWithdraw: listing.withdraw_call,
        NewCallAction: new.new_call_action,
    },
    steps=(
        Step(new.ORDER, _new_call),
        Step((new.NC_PREVIEW,), hint="newcall_use_buttons"),
    ),
)
