"""/mydata's content: everything stored about one person, and nothing about anyone else."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.services import privacy
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock
from tests.unit.privacy.test_privacy_support import (
    ANONYMOUS,
    CALL,
    CANDIDATE,
    GRETA_TG,
    MEETING,
    NAMED,
    NOW,
    QUESTION,
    seed,
)


async def test_export_holds_every_kind_of_data(session: AsyncSession) -> None:
    clock = FakeClock(NOW)
    seeded = await seed(session, clock)

    data = await privacy.export_user(session, seeded.user_id, tz=STOCKHOLM)

    json.dumps(data)  # everything is JSON-serialisable
    profile = data["user"]
    assert profile["telegram_id"] == GRETA_TG
    assert (profile["name"], profile["username"]) == ("Greta Ekström", "gretae")
    assert profile["organisation"] == {"id": seeded.org_id, "name": "Föreningen Vågen"}
    assert profile["organisation_link"] == "approved"
    assert profile["digest_frequency"] == "weekly"
    assert profile["first_seen"].endswith("+02:00")  # Stockholm summer time
    assert data["topics"] == [
        {"topic": "polls", "enabled": False, "changed_at": "2026-10-01T12:00:00+02:00"}
    ]
    [question] = data["questions"]
    assert question["question"] == QUESTION
    assert question["forwarded_to_staff_chat"] is True
    [meeting] = data["meetings"]
    assert (meeting["title"], meeting["answer"]) == (MEETING, "going")
    assert [r["title"] for r in data["call_reminders"]] == [CALL]
    assert [d["status"] for d in data["messages_received"]] == ["sent"]
    [named] = data["poll_answers"]  # the anonymous answer is not linked to her
    assert (named["question"], named["answer"], named["comment"]) == (
        NAMED,
        ["Bra"],
        "Mer tid för frågor",
    )
    assert ANONYMOUS not in json.dumps(data, ensure_ascii=False)
    [nomination] = data["nominations_made"]
    assert nomination["candidate_name"] == CANDIDATE
    assert [entry["action"] for entry in data["actions_logged"]] == ["link_by_invitation"]
    survey, profile = data["form_answers"]
    assert (survey["status"], survey["in_force"]) == ("submitted", True)
    assert survey["answers"]["wish"] == "Ring mig, Greta Ekström"
    assert (profile["for_organisation"], profile["answers"]["members"]) == (True, 80)


async def test_export_of_someone_else_holds_none_of_hers(session: AsyncSession) -> None:
    seeded = await seed(session, FakeClock(NOW))

    data = await privacy.export_user(session, seeded.other_id, tz=STOCKHOLM)

    text = json.dumps(data, ensure_ascii=False)
    assert "Greta" not in text and QUESTION not in text and CANDIDATE not in text
    assert [m["answer"] for m in data["meetings"]] == ["waiting"]
    assert data["questions"] == [] and data["nominations_made"] == []


async def test_export_of_an_unknown_user_is_refused(session: AsyncSession) -> None:
    with pytest.raises(DomainError) as refused:
        await privacy.export_user(session, 12345, tz=STOCKHOLM)
    assert refused.value.key == "user_not_found"
