"""Helpers for the form tests: a small form of every kind of question, contacts."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, LinkStatus, Organisation, QuestionKind, User
from bot.services import forms
from bot.services.forms import FormSpec, QuestionSpec
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import add_org, add_user

NOW = datetime(2026, 10, 20, 8, 0, tzinfo=UTC)  # Tuesday 10:00 in Stockholm
STAFF_ID = 700001

SURVEY = FormSpec(
    title="Hur når vi er?",
    intro="Fem snabba frågor om hur ni vill få information.",
    questions=(
        QuestionSpec("channel", QuestionKind.CHOICE, "Var läser ni oftast?", ("E-post", "Chatt")),
        QuestionSpec(
            "topics", QuestionKind.CHOICES, "Vad vill ni höra om?", ("Möten", "Utlysningar", "IOP")
        ),
        QuestionSpec("staff", QuestionKind.NUMBER, "Hur många anställda?", max_value=5000),
        QuestionSpec("wish", QuestionKind.TEXT, "Något mer?", required=False, max_length=200),
        QuestionSpec("home", QuestionKind.MUNICIPALITY, "Var har ni ert säte?"),
    ),
)


async def new_form(session: AsyncSession, clock: FakeClock, spec: FormSpec = SURVEY) -> Form:
    """A stored open form (flushed)."""
    return await forms.create(session, spec, created_by=STAFF_ID, clock=clock)


async def contact(session: AsyncSession, telegram_id: int, org: Organisation | None = None) -> User:
    """An approved contact of the organisation (a new one unless given)."""
    org = org or await add_org(session, f"Förening {telegram_id}")
    return await add_user(session, telegram_id, org=org, link=LinkStatus.APPROVED)
