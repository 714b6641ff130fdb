"""Telling staff that someone asks to be linked to an organisation: a staff notice with
approve/deny buttons, recorded in the transaction of the request."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Campaign, Organisation, User
from bot.services import campaign_labels, staff_notices
from bot.services.staff_notices import LINK_REQUEST, StaffChats, Subject
from bot.timeutil import Clock


async def tell_staff_of_request(
    session: AsyncSession,
    user: User,
    org: Organisation,
    *,
    chats: StaffChats,
    clock: Clock,
    tz: ZoneInfo,
) -> Campaign | None:
    """Record the request's notice for the staff chat, else every admin (flushed, committed
    by the caller). The subject holds ids only: the member's name is read when it is sent,
    so nothing of them stays in the outbox after /delete."""
    subject = Subject(LINK_REQUEST, (user.id, org.id))
    summary = await campaign_labels.summary(session, subject.encode(), tz)
    return await staff_notices.notify(session, subject, summary=summary, chats=chats, clock=clock)
