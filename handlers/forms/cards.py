"""Form cards and reminders: the renderers of the subjects "form:<id>" and
"form_reminder:<id>", drawn for each recipient at send time with their own state."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.ids import parse_id
from bot.models import Form, FormResponse, ResponseStatus, User
from bot.services.delivery import Button, Buttons, Personal
from bot.services.forms import form_title, is_open
from bot.services.forms.responses import owner_column
from bot.texts import t
from bot.views.forms import Reader, card_text
from bot.views.meetings import moment_text
from handlers.forms.actions import FormOpen

Rendered = dict[
    int, Personal | None
]  # as in handlers.delivery.personalise, which imports this module
Renderer = Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]


async def readers(session: AsyncSession, form: Form, user_ids: Sequence[int]) -> dict[int, Reader]:
    """The readers of a batch, in three queries whatever its size."""
    users = list(await session.scalars(select(User).where(User.id.in_(user_ids))))
    drafts = {
        response.user_id: response.position
        for response in await session.scalars(
            select(FormResponse).where(
                FormResponse.form_id == form.id,
                FormResponse.status == ResponseStatus.DRAFT,
                FormResponse.user_id.in_(user_ids),
            )
        )
    }
    owner = owner_column(form)
    wanted = {u.organisation_id for u in users} if form.per_organisation else set(user_ids)
    current = await session.execute(
        select(owner, FormResponse.submitted_at).where(
            FormResponse.form_id == form.id,
            FormResponse.in_force,
            owner.in_({w for w in wanted if w is not None}),
        )
    )
    sent = {found: at for found, at in current}
    result = {}
    for user in users:
        key = user.organisation_id if form.per_organisation else user.id
        result[user.id] = Reader(
            lang=user.language,
            may_answer=user.is_approved_contact or not form.per_organisation,
            paused_at=drafts.get(user.id),
            sent_at=sent.get(key) if key is not None else None,
        )
    return result


def button(form: Form, reader: Reader) -> Buttons:
    """ "Fyll i", "Fortsätt" (a paused draft) or "Ändra svar" (an answer is in force)."""
    if reader.paused_at is not None:
        key = "form_button_resume"
    elif reader.sent_at is not None:
        key = "form_button_change"
    else:
        key = "form_button_fill"
    return ((Button(t(key, reader.lang), callback=FormOpen(form.id).encode()),),)


async def _open_form(session: AsyncSession, arguments: str, now: datetime) -> Form | None:
    form_id = parse_id(arguments)
    form = await session.get(Form, form_id) if form_id is not None else None
    return form if form is not None and is_open(form, clock=lambda: now) else None


def card_renderer(tz: ZoneInfo) -> Renderer:
    """The form's card; nothing once it has closed, or for someone who may not answer it."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        form = await _open_form(session, arguments, now)
        if form is None:
            return {}
        return {
            user_id: (
                Personal(card_text(form, reader, tz, now=now), button(form, reader))
                if reader.may_answer
                else None
            )
            for user_id, reader in (await readers(session, form, user_ids)).items()
        }

    return render


def reminder_renderer(tz: ZoneInfo) -> Renderer:
    """A nudge to answer; nothing for those who (or whose organisation) answered meanwhile."""

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        form = await _open_form(session, arguments, now)
        if form is None:
            return {}
        rendered: Rendered = {}
        for user_id, reader in (await readers(session, form, user_ids)).items():
            if not reader.may_answer or reader.sent_at is not None:
                rendered[user_id] = None
                continue
            lines = [t("form_reminder", reader.lang, title=form_title(form, reader.lang))]
            if form.closes_at is not None:
                when = moment_text(form.closes_at, reader.lang, tz, now=now)
                lines.append(t("form_card_closes", reader.lang, time=when))
            rendered[user_id] = Personal("\n".join(lines), button(form, reader))
        return rendered

    return render
