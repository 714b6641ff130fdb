"""The form job: every minute the leading process closes the forms whose closing time has
come and tells staff (the staff chat, else the admins) how many answered."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.services import forms, handover
from bot.services.container import Services
from bot.services.digest.leader import LeaderLock
from bot.services.forms import manage
from bot.services.forms.progress import progress
from bot.texts import t
from handlers.core.common import STAFF_LANGUAGE, Context, Outgoing, deliver_all
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

FORMS_EVERY = timedelta(seconds=60)
FIRST_RUN = timedelta(seconds=15)


async def close_due(services: Services) -> list[Outgoing]:
    """Close what is due (committed); the staff notices to send."""
    async with services.db.session() as session:
        closed = [form.id for form in await manage.close_due(session, clock=services.clock)]
        await session.commit()
    if not closed:
        return []
    log.info("forms: %d form(s) closed", len(closed))
    settings = services.settings
    notices: list[Outgoing] = []
    async with services.db.session() as session:
        chats = await handover.staff_destinations(
            session, staff_chat_id=settings.staff_chat_id, admins=settings.admins
        )
        for form_id in closed:
            form = await forms.get(session, form_id)
            found = await progress(session, form)
            text = t(
                "form_closed_notice",
                STAFF_LANGUAGE,
                form_id=form_id,
                title=forms.form_title(form, STAFF_LANGUAGE),
                answered=found.answered,
                total=found.total,
            )
            notices += [Outgoing(chat_id, text) for chat_id in chats]
    return notices


def register(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    *,
    leader: LeaderLock,
) -> None:
    """Add the form job, run only while this process holds ``leader``."""

    async def tick(context: Context) -> None:
        async def close_and_tell() -> int:
            return len(await deliver_all(context, await close_due(services)))

        await run_as_leader(leader, close_and_tell, log=log, what="form job")

    job_queue(application).run_repeating(tick, interval=FORMS_EVERY, first=FIRST_RUN, name="forms")
