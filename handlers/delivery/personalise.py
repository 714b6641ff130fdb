"""The delivery engine's Personaliser: renders a campaign's subject for each recipient.

A subject is "<kind>:<arguments>", e.g. "meeting:12"; each kind has one renderer, which
knows the texts and the buttons (callback data) of its feature.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import staff_notices
from bot.services.calls import subjects as call_subjects
from bot.services.delivery import Personal
from bot.services.digest import subjects as digest_subjects
from bot.services.forms import subjects as form_subjects
from bot.services.polls import SUBJECT as POLL_SUBJECT
from handlers.calls import cards as calls_cards
from handlers.delivery import staff_notices as staff_notice_texts
from handlers.delivery import staff_requests
from handlers.digest.render import digest_renderer
from handlers.forms import cards as forms_cards
from handlers.meetings.render import MeetingRenderers
from handlers.polls.render import poll_renderer

log = logging.getLogger(__name__)

Rendered = dict[int, Personal | None]
Renderer = Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]


class SubjectPersonaliser:
    """Dispatches each subject to the renderer of its kind."""

    def __init__(self, renderers: Mapping[str, Renderer]) -> None:
        self.renderers = dict(renderers)

    async def personalise(
        self, session: AsyncSession, subject: str, user_ids: Sequence[int], *, now: datetime
    ) -> Rendered:
        """Each user's message; nothing (so the deliveries are skipped) for an unknown kind."""
        kind, _, arguments = subject.partition(":")
        renderer = self.renderers.get(kind)
        if renderer is None:
            log.warning("no renderer for campaign subject %r: its deliveries are skipped", kind)
            return {}
        return await renderer(session, arguments, user_ids, now)


def build_personaliser(tz: ZoneInfo, *, poll_key: SecretStr | None) -> SubjectPersonaliser:
    """The personaliser with every feature's renderers, showing times in ``tz``.

    ``poll_key`` is settings.poll_key: a poll card finds the reader's own answer with it.
    """
    renderers: dict[str, Renderer] = {}
    renderers.update(MeetingRenderers(tz).renderers())
    renderers[call_subjects.CARD] = calls_cards.card_renderer(tz)
    renderers[call_subjects.REMINDER] = calls_cards.reminder_renderer(tz)
    renderers[digest_subjects.SUBJECT] = digest_renderer(tz, poll_key=poll_key)
    renderers[POLL_SUBJECT] = poll_renderer(tz, poll_key=poll_key)
    renderers[form_subjects.CARD] = forms_cards.card_renderer(tz)
    renderers[form_subjects.REMINDER] = forms_cards.reminder_renderer(tz)
    for kind in staff_notice_texts.TEXTS:
        renderers[kind] = staff_notice_texts.renderer(kind)
    renderers[staff_notices.POLL_RESULT] = staff_notice_texts.poll_result_renderer(tz)
    renderers[staff_notices.LINK_REQUEST] = staff_requests.link_request_renderer()
    renderers[staff_notices.MEETING_CAPACITY] = staff_requests.capacity_renderer(tz)
    return SubjectPersonaliser(renderers)
