"""The renderer of the subject "digest:<edition id>": each reader's digest with its buttons.

The digest service selects what each digest holds and bot.views.digest renders its text and
actions; this module turns the actions into Telegram buttons (callback data lives in
handlers.core.callbacks), one per row.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import digest
from bot.services.delivery import Button, Buttons, Personal
from bot.views import digest as view
from handlers.digest.actions import DigestSettings
from handlers.meetings.actions import MeetingAnswer
from handlers.polls.actions import PollOpen

# The shape of handlers.delivery.personalise.Renderer (which imports this module to register it).
Renderer = Callable[
    [AsyncSession, str, Sequence[int], datetime], Awaitable[dict[int, Personal | None]]
]


def button(action: view.Action) -> Button:
    """The inline button of one digest action."""
    if isinstance(action, view.SignUp):
        return Button(action.text, callback=MeetingAnswer(action.meeting_id, True).encode())
    if isinstance(action, view.AnswerPoll):
        return Button(action.text, callback=PollOpen(action.poll_id).encode())
    if isinstance(action, view.OpenLink):
        return Button(action.text, url=action.url)
    return Button(action.text, callback=DigestSettings().encode())


def buttons(found: view.Digest) -> Buttons:
    """The digest's buttons, one a row (titles are long), settings last."""
    return tuple((button(action),) for action in found.actions)


def personal(found: view.Digest | None) -> Personal | None:
    """The message the delivery engine sends for a digest (None: nothing to send)."""
    return None if found is None else Personal(found.text_html, buttons(found))


def _personals(found: dict[int, view.Digest | None]) -> dict[int, Personal | None]:
    # Readers alike share one Digest object: build each one's message once.
    made: dict[int, Personal | None] = {}
    return {
        user_id: made[id(one)] if id(one) in made else made.setdefault(id(one), personal(one))
        for user_id, one in found.items()
    }


def digest_renderer(tz: ZoneInfo, *, poll_key: SecretStr | None) -> Renderer:
    """Each reader's digest of the edition; nothing for an empty digest or a removed edition.

    ``poll_key`` (settings.poll_key) finds which open polls each reader has answered.
    """

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> dict[int, Personal | None]:
        edition_id = digest.parse_edition_id(arguments)
        if edition_id is None:
            return {}
        found = await digest.compose_for(
            session, edition_id, user_ids, now=now, tz=tz, poll_key=poll_key
        )
        return _personals(view.render_all(found))

    return render
