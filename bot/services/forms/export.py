"""A form's answers in force as CSV for staff; every export is recorded in the audit log."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, FormResponse, Organisation, User
from bot.services import audit
from bot.services.forms.labels import answer_text
from bot.services.forms.values import values_by_question
from bot.services.spreadsheet import safe_cell
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import Clock, local


async def current_responses(session: AsyncSession, form: Form) -> list[FormResponse]:
    """The answers in force, oldest first."""
    query = select(FormResponse).where(
        FormResponse.form_id == form.id,
        FormResponse.in_force,
    )
    return list(await session.scalars(query.order_by(FormResponse.submitted_at, FormResponse.id)))


async def export_csv(
    session: AsyncSession,
    form: Form,
    *,
    actor: int | None,
    clock: Clock,
    tz: ZoneInfo,
    lang: str = DEFAULT_LANGUAGE,
) -> str:
    """One row per answer in force: when, organisation (and name on a personal form), then
    one column per question key (audited: it is personal data)."""
    responses = await current_responses(session, form)
    users = {
        user.id: user
        for user in await session.scalars(
            select(User).where(User.id.in_({r.user_id for r in responses if r.user_id}))
        )
    }
    organisations = dict((await session.execute(select(Organisation.id, Organisation.name))).all())
    output = io.StringIO()
    writer = csv.writer(output)
    head = ["form_csv_sent", "form_csv_organisation"]
    if not form.per_organisation:
        head.append("form_csv_name")
    writer.writerow([t(key, lang) for key in head] + [q.key for q in form.questions])
    for response in responses:
        user = users.get(response.user_id or 0)
        org_id = response.organisation_id if form.per_organisation else None
        if org_id is None and user is not None:
            org_id = user.organisation_id
        assert response.submitted_at is not None  # a submitted response has its time
        row = [f"{local(response.submitted_at, tz):%Y-%m-%d %H:%M}"]
        row.append(safe_cell(organisations.get(org_id or 0, "")))
        if not form.per_organisation:
            row.append(safe_cell(user.display_name if user is not None else ""))
        values = values_by_question(response)
        row += [safe_cell(answer_text(form, q, values.get(q.id), lang)) for q in form.questions]
        writer.writerow(row)
    await audit.record(
        session,
        actor_telegram_id=actor,
        action="export_form",
        detail=f"form {form.id}: {len(responses)} answer(s) exported",
        clock=clock,
    )
    return output.getvalue()
