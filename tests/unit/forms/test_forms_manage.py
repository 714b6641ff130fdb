"""Forms close by themselves at their closing time, once."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import FormStatus
from bot.services import forms
from bot.services.forms import manage
from tests.conftest import FakeClock
from tests.unit.test_forms_support import NOW, SURVEY, new_form


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


async def test_due_forms_close_once_and_others_stay_open(
    session: AsyncSession, clock: FakeClock
) -> None:
    due = await new_form(session, clock, replace(SURVEY, closes_at=NOW + timedelta(days=2)))
    later = await new_form(session, clock, replace(SURVEY, closes_at=NOW + timedelta(days=9)))
    endless = await new_form(session, clock)
    assert await manage.close_due(session, clock=clock) == []

    clock.advance(days=3)
    closed = await manage.close_due(session, clock=clock)

    assert [form.id for form in closed] == [due.id]
    assert (due.status, due.closed_at) == (FormStatus.CLOSED, clock())
    assert [later.status, endless.status] == [FormStatus.OPEN, FormStatus.OPEN]
    assert await manage.close_due(session, clock=clock) == []
    assert not forms.is_open(due, clock=clock)
