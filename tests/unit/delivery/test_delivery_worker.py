"""The worker: sending, recording, retries, blocked and rejected users, pauses, reports."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.config import load_settings
from bot.db import Database
from bot.models import Campaign, CampaignStatus, Delivery, DeliveryStatus, Topic, User, UserStatus
from bot.services import topics
from bot.services.delivery import (
    Blocked,
    Button,
    Rejected,
    RetryAfter,
    Transient,
    WorkerOptions,
    campaigns,
)
from tests.conftest import FakeClock
from tests.unit.test_delivery_support import AUTHOR_ID, FakeSender, add_users, drain, make_worker


async def _campaign(db: Database, clock: FakeClock, *, audience: str = "all") -> int:
    async with db.session() as session:
        campaign = await campaigns.create(
            session,
            text_html="<b>Nytt</b>",
            audience_spec=audience,
            created_by=AUTHOR_ID,
            clock=clock,
            buttons=((Button("Läs mer", "https://example.org"),),),
        )
        await session.commit()
        return campaign.id


async def _deliveries(db: Database, campaign_id: int) -> dict[int, Delivery]:
    async with db.session() as session:
        rows = await session.scalars(select(Delivery).where(Delivery.campaign_id == campaign_id))
        return {d.chat_id: d for d in rows}


async def _campaign_row(db: Database, campaign_id: int) -> Campaign:
    async with db.session() as session:
        return await campaigns.get(session, campaign_id)


async def test_a_campaign_reaches_everyone_once_and_its_author_gets_a_report(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [AUTHOR_ID, *range(1, 20)])
    sender = FakeSender()
    campaign_id = await _campaign(db, clock)
    worker = make_worker(db, sender, clock)
    assert await drain(worker) == 20
    recipients = [chat for chat, text, _ in sender.sent if text == "<b>Nytt</b>"]
    assert sorted(recipients) == sorted([AUTHOR_ID, *range(1, 20)])
    assert sender.sent[0][2] == ((Button("Läs mer", "https://example.org"),),)
    deliveries = await _deliveries(db, campaign_id)
    assert {d.status for d in deliveries.values()} == {DeliveryStatus.SENT}
    assert all(d.telegram_message_id and d.sent_at for d in deliveries.values())
    campaign = await _campaign_row(db, campaign_id)
    assert campaign.status == CampaignStatus.DONE and campaign.finished_at is not None
    report = [t for t in sender.texts_to(AUTHOR_ID) if t != "<b>Nytt</b>"]
    assert len(report) == 1 and "20" in report[0]
    assert await worker.run_once() == 0
    assert len(sender.texts_to(AUTHOR_ID)) == 2  # the report went out once


async def test_users_who_left_before_their_turn_are_skipped(db: Database, clock: FakeClock) -> None:
    await add_users(db, [1, 2, 3])
    campaign_id = await _campaign(db, clock)
    worker = make_worker(db, FakeSender(), clock)
    await worker.housekeeping()  # expanded now, sent later
    async with db.session() as session:
        users = {u.telegram_id: u for u in await session.scalars(select(User))}
        users[1].status = UserStatus.DELETED
        await topics.set_topic(session, users[2].id, Topic.ANNOUNCEMENTS, False, clock=clock)
        await session.commit()
    await drain(worker)
    deliveries = await _deliveries(db, campaign_id)
    assert {chat: (d.status, d.error) for chat, d in deliveries.items()} == {
        1: (DeliveryStatus.SKIPPED, "user deleted"),
        2: (DeliveryStatus.SKIPPED, "no longer in the audience"),
        3: (DeliveryStatus.SENT, None),
    }


async def test_transient_errors_retry_with_backoff_then_fail(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [1, 2])
    sender = FakeSender(
        script={1: [Transient("TimedOut"), Transient("NetworkError")]},
        always={2: Transient("Bad Gateway")},
    )
    campaign_id = await _campaign(db, clock)
    worker = make_worker(db, sender, clock, max_attempts=3)
    await worker.run_once()
    first = await _deliveries(db, campaign_id)
    assert (first[1].status, first[1].attempts, first[1].claimed_by) == (
        DeliveryStatus.PENDING,
        1,
        None,
    )
    assert timedelta(seconds=1) <= first[1].next_attempt_at - clock() <= timedelta(seconds=2)
    assert await worker.run_once() == 0  # not due yet
    clock.advance(seconds=2)
    await worker.run_once()
    second = await _deliveries(db, campaign_id)
    assert second[1].attempts == 2
    assert timedelta(seconds=2) <= second[1].next_attempt_at - clock() <= timedelta(seconds=4)
    clock.advance(seconds=4)
    await worker.run_once()
    final = await _deliveries(db, campaign_id)
    assert (final[1].status, final[1].attempts) == (DeliveryStatus.SENT, 3)
    assert (final[2].status, final[2].error) == (DeliveryStatus.FAILED, "Bad Gateway")
    assert (sender.calls[1], sender.calls[2]) == (3, 3)


async def test_blocked_users_are_marked_and_skipped_by_later_campaigns(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [1, 2])
    sender = FakeSender(script={1: [Blocked("Forbidden: bot was blocked by the user")]})
    first = await _campaign(db, clock)
    worker = make_worker(db, sender, clock)
    await drain(worker)
    delivery = (await _deliveries(db, first))[1]
    assert delivery.status == DeliveryStatus.SKIPPED
    assert delivery.error == "blocked: Forbidden: bot was blocked by the user"
    async with db.session() as session:
        user = await session.scalar(select(User).where(User.telegram_id == 1))
    assert user is not None and user.status == UserStatus.BLOCKED
    second = await _campaign(db, clock)
    await drain(worker)
    assert list(await _deliveries(db, second)) == [2]
    assert sender.calls[1] == 1


async def test_rejected_messages_fail_with_telegrams_reason(db: Database, clock: FakeClock) -> None:
    await add_users(db, [1])
    sender = FakeSender(script={1: [Rejected("Bad Request: can't parse entities")]})
    campaign_id = await _campaign(db, clock)
    await drain(make_worker(db, sender, clock))
    delivery = (await _deliveries(db, campaign_id))[1]
    assert (delivery.status, delivery.error) == (
        DeliveryStatus.FAILED,
        "Bad Request: can't parse entities",
    )


async def test_retry_after_pauses_all_sending(db: Database, clock: FakeClock) -> None:
    await add_users(db, [1, 2, 3])
    sender = FakeSender(script={1: [RetryAfter(7)]})
    campaign_id = await _campaign(db, clock)
    worker = make_worker(db, sender, clock, concurrency=1)
    start = clock()
    await worker.run_once()
    delivery = (await _deliveries(db, campaign_id))[1]
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 0)
    assert delivery.next_attempt_at == start + timedelta(seconds=7)
    assert worker.limiter.paused_for() > 6
    await drain(worker)
    assert clock() - start >= timedelta(seconds=7)  # the others waited for the pause
    assert {d.status for d in (await _deliveries(db, campaign_id)).values()} == {
        DeliveryStatus.SENT
    }


async def test_a_high_error_rate_pauses_the_campaign_and_tells_its_author(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, [AUTHOR_ID, *range(1, 41)])
    failing = {chat: Rejected("Bad Request: chat not found") for chat in range(1, 41, 2)}
    sender = FakeSender(always=failing)  # type: ignore[arg-type]
    campaign_id = await _campaign(db, clock)
    worker = make_worker(db, sender, clock, error_rate_min=10, error_rate_limit=0.2)
    await drain(worker)
    campaign = await _campaign_row(db, campaign_id)
    assert campaign.status == CampaignStatus.PAUSED
    assert campaign.paused_reason is not None
    kind, failed, window = campaign.paused_reason.split(":")
    assert kind == "error_rate" and int(failed) / int(window) > 0.2
    notices = [t for t in sender.texts_to(AUTHOR_ID) if "paus" in t.lower()]
    assert len(notices) == 1
    assert f"{failed} av de senaste {window} meddelandena misslyckades" in notices[0]
    numbers = await _counts(db, campaign_id)
    assert numbers.pending > 0 and numbers.sent + numbers.failed < 41


async def _counts(db: Database, campaign_id: int) -> campaigns.Counts:
    async with db.session() as session:
        return (await campaigns.counts(session, [campaign_id]))[campaign_id]


async def test_pause_resume_and_cancel_stop_and_continue_sending(
    db: Database, clock: FakeClock
) -> None:
    await add_users(db, range(1, 11))
    sender = FakeSender()
    paused = await _campaign(db, clock)
    cancelled = await _campaign(db, clock)
    worker = make_worker(db, sender, clock)
    await worker.housekeeping()
    async with db.session() as session:
        await campaigns.pause(session, paused)
        await campaigns.cancel(session, cancelled, clock=clock)
        await session.commit()
    assert await drain(worker) == 0
    assert sender.sent == []
    assert await _counts(db, cancelled) == campaigns.Counts(skipped=10)
    async with db.session() as session:
        await campaigns.resume(session, paused)
        await session.commit()
    assert await drain(worker) == 10
    assert await _counts(db, paused) == campaigns.Counts(sent=10)
    assert (await _campaign_row(db, paused)).status == CampaignStatus.DONE
    assert (await _campaign_row(db, cancelled)).status == CampaignStatus.CANCELLED


def test_the_idle_interval_and_first_backoff_follow_the_settings(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.delenv("SIGNBOT_DELIVERY_IDLE", raising=False)
    monkeypatch.delenv("SIGNBOT_SEND_BACKOFF", raising=False)
    defaults = WorkerOptions.from_settings(load_settings())
    assert (defaults.idle_interval, defaults.backoff_base) == (1.0, 2.0)
    monkeypatch.setenv("SIGNBOT_DELIVERY_IDLE", "0.25")
    monkeypatch.setenv("SIGNBOT_SEND_BACKOFF", "0.5")
    options = WorkerOptions.from_settings(load_settings())
    assert (options.idle_interval, options.backoff_base) == (0.25, 0.5)
