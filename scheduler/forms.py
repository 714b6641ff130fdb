"""The form job: every minute the leading process closes the forms whose closing time has
come and tells staff (the staff chat, else the admins) how many answered, through the
delivery engine."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.services import campaign_labels, staff_notices
from bot.services.container import Services
from bot.services.forms import manage
from bot.services.forms.progress import progress
from bot.services.staff_notices import FORM_CLOSED, StaffChats, Subject
from scheduler.jobs import Timetable, run_as_leader

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
            subject = Subject(FORM_CLOSED, (form.id, found.answered, found.total))
            await staff_notices.notify(
                session,
                subject,
                summary=await campaign_labels.summary(session, subject.encode(), settings.tz),
                chats=chats,
                clock=services.clock,
            )
        await session.commit()
    if closed:
        log.info("forms: %d form(s) closed", len(closed))
    return len(closed)


def register(timetable: Timetable, services: Services) -> None:
    """Add the form job, run only while this process holds ``services.leader``."""

    async def tick() -> None:
        await run_as_leader(services.leader, lambda: close_due(services), log=log, what="form job")

    timetable.every(tick, interval=FORMS_EVERY, first=FIRST_RUN, name="forms")
