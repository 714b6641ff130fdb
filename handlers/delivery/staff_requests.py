"""Renderers of the staff notices that members' answers raise: a link request with its
approve/deny buttons, and a meeting's seats running low, in each reader's language."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import LinkStatus, Meeting, Organisation, User
from bot.services.delivery import Button, Personal
from bot.services.meetings.capacity import FULL
from bot.texts import label, t
from bot.views.meetings import when_text
from handlers.delivery.staff_notices import Renderer, facts_renderer
from handlers.staff.actions import DecideLink


async def _link_request(
    session: AsyncSession, facts: tuple[str, ...], lang: str, now: datetime
) -> Personal | None:
    user_id, org_id = map(int, facts)
    user, org = await session.get(User, user_id), await session.get(Organisation, org_id)
    if user is None or org is None:
        return None
    if user.organisation_id != org_id or user.link_status != LinkStatus.PENDING:
        return None  # decided or withdrawn meanwhile: the buttons could only say so
    text = t(
        "staff_link_request",
        lang,
        name=user.display_name,
        username=f" (@{user.username})" if user.username else "",
        org=org.name,
    )
    buttons = (
        (
            Button(
                label("button_approve", lang), callback=DecideLink(user_id, org_id, True).encode()
            ),
            Button(
                label("button_deny", lang), callback=DecideLink(user_id, org_id, False).encode()
            ),
        ),
    )
    return Personal(text, buttons=buttons)


def link_request_renderer() -> Renderer:
    """A member's request to be linked to an organisation, with approve/deny buttons;
    nothing once it was decided or withdrawn."""
    return facts_renderer(_link_request, 2)


def capacity_renderer(tz: ZoneInfo) -> Renderer:
    """A meeting that reached 80 % of its seats, or is full, with its time in ``tz``."""

    async def compose(
        session: AsyncSession, facts: tuple[str, ...], lang: str, now: datetime
    ) -> Personal | None:
        meeting_id, percent, going, capacity = map(int, facts)
        meeting = await session.get(Meeting, meeting_id)
        if meeting is None:
            return None
        when = when_text(meeting.starts_at, meeting.ends_at, lang, tz, now=now)
        params = {"title": meeting.title, "when": when, "going": going, "capacity": capacity}
        if percent >= FULL:
            return Personal(t("mtg_capacity_full", lang, **params))
        return Personal(t("mtg_capacity_alert", lang, percent=percent, **params))

    return facts_renderer(compose, 4)
