"""The form job: every minute the leading process closes the forms whose closing time has
come and tells staff (the staff chat, else the admins) how many answered, through the
delivery engine."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application

from bot.services import forms, staff_notices
from bot.services.container import Services
from bot.services.forms import manage
from bot.services.forms.progress import progress
from bot.services.leader import LeaderLock
from bot.services.staff_notices import FORM_CLOSED, StaffChats, Subject
from bot.texts import t
from handlers.common import Context
from scheduler.jobs import job_queue, run_as_leader

log = logging.getLogger(__name__)

FORMS_EVERY = timedelta(seconds=60)
FIRST_RUN = timedelta(seconds=15)


async def close_due(services: Services) -> int:
    """Close what is due and record a notice for staff of each, in one transaction (so a
    restart neither loses nor repeats one); the number of forms closed."""
    settings = services.settings
    chats = StaffChats(settings.staff_chat_id, settings.admins)
    async with services.db.session() as session:
        closed = await manage.close_due(session, clock=services.clock)
        for form in closed:
            found = await progress(session, form)
            await staff_notices.notify(
                session,
                Subject(FORM_CLOSED, (form.id, found.answered, found.total)),
                summary=t("form_closed_summary", "sv", title=forms.form_title(form, "sv")),
                chats=chats,
                clock=services.clock,
            )
        await session.commit()
    if closed:
        log.info("forms: %d form(s) closed", len(closed))
    return len(closed)


def register(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: Services,
    *,
    leader: LeaderLock,
) -> None:
    """Add the form job, run only while this process holds ``leader``."""

    async def tick(context: Context) -> None:
        await run_as_leader(leader, lambda: close_due(services), log=log, what="form job")

    job_queue(application).run_repeating(tick, interval=FORMS_EVERY, first=FIRST_RUN, name="forms")
