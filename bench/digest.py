"""One newsletter edition for 10,000 readers: expansion into deliveries and every digest composed.

Content as a busy week has it: 8 upcoming meetings with each reader's own sign-up (going,
waiting or declined for about a quarter of them per meeting), 10 open funding calls, 15 news
items, 4 staff announcements and a note. Half the readers had a special edition three days
ago, so their windows differ. Measured:
- (a) the edition: `editions.create_edition` (its campaign) and `campaigns.start`, which
  expands it into one delivery per reader;
- (b) every reader's digest composed through the renderer the delivery engine calls
  ("digest:<id>"), in batches (--batch) with one session each, as the worker claims them;
- baseline: the funding-call card renderer ("call:<id>", a fixed card per language) over the
  same batches, and the ratio;
- memory: tracemalloc's peak over a second composing pass, and the process's ru_maxrss
  after (a) and (b) (seeding runs in a child process, so it is not counted).
Target: (a) + (b) under 10 s, peak under 300 MB.

Run: .venv/bin/python bench/digest.py [--readers 10000] [--batch 500]
     [--database-url postgresql://postgres@127.0.0.1:5432/postgres]
(with --database-url, a throwaway database on that server; SQLite in a temporary file otherwise)
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession  # noqa: E402

from bench.updates import describe_database, describe_machine, throwaway_postgres  # noqa: E402
from bot import migrate  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.models import (  # noqa: E402
    Attendance,
    AttendanceStatus,
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    DigestEdition,
    EditionKind,
    Feed,
    FeedItem,
    FundingCall,
    Meeting,
    Topic,
    User,
)
from bot.sandbox.html_entities import parse_html  # noqa: E402
from bot.services.delivery import Personal, campaigns  # noqa: E402
from bot.services.digest import editions, subject  # noqa: E402
from bot.timeutil import STOCKHOLM  # noqa: E402
from bot.views.digest import TEXT_LIMIT  # noqa: E402
from handlers.calls import cards as calls_cards  # noqa: E402
from handlers.digest.render import digest_renderer  # noqa: E402

SLOT = datetime(2026, 10, 19, 6, 0, tzinfo=UTC)  # Monday 08:00 in Stockholm
NOW = SLOT + timedelta(seconds=30)
FIRST_TELEGRAM_ID = 7_000_001
TIME_TARGET = 10.0
MEMORY_TARGET_MB = 300.0
Renderer = Callable[
    [AsyncSession, str, Sequence[int], datetime], Awaitable[dict[int, Personal | None]]
]


async def seed(db: Database, readers: int, rng: random.Random) -> None:
    """Readers and a busy week's content."""
    async with db.session() as session:
        rows = [
            {
                "telegram_id": FIRST_TELEGRAM_ID + k,
                "display_name": f"R{k}",
                "language": "en" if k % 5 == 0 else "sv",
            }
            for k in range(readers)
        ]
        await session.execute(insert(User), rows)
        user_ids = list(await session.scalars(select(User.id).order_by(User.id)))
        meetings = [
            Meeting(
                title=f"Dialogmöte {k + 1}: {topic}",
                starts_at=SLOT + timedelta(days=2 + 3 * k, hours=4),
                ends_at=SLOT + timedelta(days=2 + 3 * k, hours=6),
                place="Regionens hus, Vänersborg" if k % 2 else None,
                online_url="https://meet.example.org/dialog" if k % 2 == 0 else None,
                signup_deadline=SLOT + timedelta(days=1 + 3 * k),
                capacity=(0, 40, 120, 0)[k % 4],
            )
            for k, topic in enumerate(TOPICS)
        ]
        session.add_all(meetings)
        await session.flush()
        answers = []
        for meeting in meetings:
            for user_id in user_ids:
                if rng.random() < 0.25:
                    status = rng.choices(list(AttendanceStatus), weights=(6, 1, 3))[0]
                    joined = SLOT - timedelta(minutes=rng.randrange(20_000))
                    answers.append(
                        {
                            "meeting_id": meeting.id,
                            "user_id": user_id,
                            "status": status,
                            "joined_at": joined,
                            "changed_at": joined,
                        }
                    )
        await session.execute(insert(Attendance), answers)
        calls = [
            FundingCall(
                title=f"{name} {2026 + k % 2}",
                funder="Västra Götalandsregionen",
                link=f"https://www.vgregion.se/utlysning/{k}",
                deadline=SLOT + timedelta(days=5 + 4 * k),
                created_at=SLOT - timedelta(days=k),
            )
            for k, name in enumerate(CALLS)
        ]
        news_feed, funding_feed = (
            Feed(url="https://example.org/news.xml", kind="news"),
            Feed(url="https://example.org/funding.xml", kind="funding"),
        )
        session.add_all([*calls, news_feed, funding_feed])
        await session.flush()
        for k in range(15):
            session.add(
                FeedItem(
                    feed_id=news_feed.id,
                    dedup_key=f"n{k}",
                    title=f"Nyhet {k + 1}: {NEWS[k % len(NEWS)]}",
                    link=f"https://example.org/nyheter/{k}",
                    seen_at=SLOT - timedelta(hours=11 * k + 1),
                )
            )
            session.add(
                FeedItem(
                    feed_id=funding_feed.id,
                    dedup_key=f"f{k}",
                    title=f"Bidrag {k}",
                    seen_at=SLOT - timedelta(hours=9 * k),
                )
            )
        for k in range(4):
            at = SLOT - timedelta(days=1 + 1.5 * k)
            session.add(
                Campaign(
                    topic=Topic.ANNOUNCEMENTS,
                    text_html=f"<b>{ANNOUNCEMENTS[k]}</b> Läs mer på vgregion.se.",
                    audience="all",
                    status=CampaignStatus.DONE,
                    due_at=at,
                    expanded_at=at,
                )
            )
        await _previous_edition(session, user_ids[::2])
        await session.commit()


async def _previous_edition(session: AsyncSession, user_ids: list[int]) -> None:
    """A special edition three days ago that reached every other reader."""
    at = SLOT - timedelta(days=3)
    campaign = Campaign(
        topic=Topic.DIGEST,
        subject="digest:0",
        text_html="Specialutgåva",
        audience="digest:any+",
        status=CampaignStatus.DONE,
        due_at=at,
        expanded_at=at,
    )
    session.add(campaign)
    await session.flush()
    previous = DigestEdition(
        kind=EditionKind.SPECIAL, scheduled_for=at, window_end=at, note="", campaign_id=campaign.id
    )
    session.add(previous)
    await session.flush()
    campaign.subject = subject(previous.id)
    rows = [
        {"campaign_id": campaign.id, "user_id": u, "chat_id": u, "status": DeliveryStatus.SENT}
        for u in user_ids
    ]
    await session.execute(insert(Delivery), rows)


async def expand(db: Database) -> tuple[int, int, int]:
    """(a): the edition and its campaign, then its expansion; (edition, campaign, recipients)."""
    clock = lambda: NOW  # noqa: E731
    async with db.session() as session:
        edition = await editions.create_edition(
            session,
            kind=EditionKind.WEEKLY,
            scheduled_for=SLOT,
            note=NOTE,
            created_by=None,
            clock=clock,
        )
        assert edition is not None and edition.campaign_id is not None
        await session.commit()
        edition_id, campaign_id = edition.id, edition.campaign_id
    async with db.session() as session:
        recipients = await campaigns.start(session, campaign_id, clock=clock)
    return edition_id, campaign_id, recipients or 0


@dataclass
class Tally:
    """What a renderer produced: messages, distinct texts (by hash), the longest."""

    validate: bool = False  # parse each distinct text as Telegram does (not while timed)
    messages: int = 0
    distinct: set[int] = field(default_factory=set)
    longest: int = 0

    def add(self, messages: Iterable[Personal | None]) -> None:
        """Count messages; each within the limit, and valid Telegram HTML when validating."""
        for message in messages:
            if message is None:
                continue
            self.messages += 1
            self.longest = max(self.longest, len(message.text_html))
            assert len(message.text_html) <= TEXT_LIMIT, len(message.text_html)
            key = hash(message.text_html)
            if key not in self.distinct:
                self.distinct.add(key)
                if self.validate:
                    parse_html(message.text_html)


async def render_all(
    db: Database,
    renderer: Renderer,
    arguments: str,
    user_ids: list[int],
    batch: int,
    *,
    validate: bool = False,
) -> Tally:
    """Every reader's message, a batch per session as the delivery worker asks for them.

    As in the worker, nothing is kept past its batch: each message is checked and counted.
    """
    tally = Tally(validate=validate)
    for start in range(0, len(user_ids), batch):
        chunk = user_ids[start : start + batch]
        async with db.session() as session:
            rendered = await renderer(session, arguments, chunk, NOW)
        tally.add(rendered.get(user_id) for user_id in chunk)
    return tally


def seed_in_child(database_url: str, readers: int, seed_value: int) -> None:
    """Seed in a child process, so the measured process's peak memory is its own."""

    async def go() -> None:
        db = Database(database_url)
        try:
            await seed(db, readers, random.Random(seed_value))
        finally:
            await db.dispose()

    asyncio.run(go())


def rss_mb() -> float:
    """This process's peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(args: argparse.Namespace, db: Database) -> list[tuple[str, str, str]]:
    """(a), (b), the baseline and memory, as table lines; raises when a target is missed."""
    async with db.session() as session:
        call_id = await session.scalar(select(func.min(FundingCall.id)))
    rss_before = rss_mb()
    started = time.perf_counter()
    edition_id, campaign_id, recipients = await expand(db)
    expanded = time.perf_counter()
    async with db.session() as session:
        query = select(Delivery.user_id).where(Delivery.campaign_id == campaign_id)
        found = await session.scalars(query.order_by(Delivery.id))
        readers = [user_id for user_id in found if user_id is not None]  # a digest: all users
    composing = time.perf_counter()
    renderer = digest_renderer(STOCKHOLM, poll_key=None)
    digests = await render_all(db, renderer, str(edition_id), readers, args.batch)
    composed = time.perf_counter()
    rss = rss_mb()
    cards = await render_all(
        db, calls_cards.card_renderer(STOCKHOLM), str(call_id), readers, args.batch
    )
    baseline = time.perf_counter() - composed
    assert cards.messages == len(readers) and digests.messages == len(readers)
    tracemalloc.start()
    await render_all(db, renderer, str(edition_id), readers, args.batch, validate=True)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    a, b = expanded - started, composed - composing
    args.passed = a + b < TIME_TARGET and peak < MEMORY_TARGET_MB and rss < MEMORY_TARGET_MB
    verdict = lambda ok: "PASS" if ok else "FAIL"  # noqa: E731
    return [
        ("(a) create edition + campaign, expand", f"{a:.2f} s", f"{recipients} deliveries"),
        (
            f"(b) compose every digest, batches of {args.batch}",
            f"{b:.2f} s",
            f"{b / len(readers) * 1e6:.0f} µs a reader",
        ),
        (
            "(a) + (b)",
            f"{a + b:.2f} s",
            f"target < {TIME_TARGET:.0f} s: {verdict(a + b < TIME_TARGET)}",
        ),
        (
            "baseline: call card renderer, same batches",
            f"{baseline:.2f} s",
            f"ratio (b)/baseline {b / baseline:.1f}",
        ),
        (
            "tracemalloc peak, one composing pass",
            f"{peak:.1f} MB",
            f"target < {MEMORY_TARGET_MB:.0f} MB: {verdict(peak < MEMORY_TARGET_MB)}",
        ),
        (
            "ru_maxrss after (a) + (b)",
            f"{rss:.0f} MB",
            f"target < {MEMORY_TARGET_MB:.0f} MB: {verdict(rss < MEMORY_TARGET_MB)} ({rss_before:.0f} MB before: imports)",
        ),
        (
            "digests sent / distinct texts / longest",
            f"{digests.messages}",
            f"{len(digests.distinct)} distinct, longest {digests.longest} chars",
        ),
    ]


async def run(args: argparse.Namespace, database_url: str) -> None:
    """Migrate, seed in a child process, measure, print the table."""
    await asyncio.to_thread(migrate.upgrade, database_url)
    seeder = multiprocessing.get_context("spawn").Process(
        target=seed_in_child, args=(database_url, args.readers, args.seed)
    )
    seeder.start()
    await asyncio.to_thread(seeder.join)
    if seeder.exitcode != 0:
        raise SystemExit("seeding failed")
    db = Database(database_url)
    try:
        lines = await measure(args, db)
    finally:
        await db.dispose()
    print(f"\n== digest edition for {args.readers} readers [{describe_database(database_url)}]")
    for name, value, note in lines:
        print(f"{name:<46}{value:>10}  {note}")


TOPICS = (
    "bidrag och stöd",
    "digitalisering",
    "ungas inflytande",
    "kultur",
    "folkhälsa",
    "integration",
    "idrott",
    "miljö",
)
CALLS = (
    "Kulturstöd",
    "Föreningsbidrag",
    "Folkhälsomedel",
    "Integrationsstöd",
    "Idrottslyftet",
    "Miljöbidrag",
    "Ungdomsprojekt",
    "Demokratistöd",
    "Landsbygdsstöd",
    "Jämlikhetsmedel",
)
NEWS = (
    "regionen satsar på föreningslivet",
    "ny rapport om civilsamhället",
    "öppet hus i Skövde",
    "så söker du bidrag",
)
ANNOUNCEMENTS = (
    "Kansliet har stängt under jul.",
    "Nya riktlinjer för bidrag.",
    "Välkommen till nätverksträffen!",
    "Enkät om överenskommelsen.",
)
NOTE = "Hej! Här kommer veckans sammanfattning. Hör gärna av er med frågor om dialogmötena."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500, help="readers per renderer call")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", help="a PostgreSQL server (a throwaway database is made)")
    args = parser.parse_args()
    print(f"machine: {describe_machine()}")
    if args.database_url:
        with throwaway_postgres(args.database_url) as url:
            asyncio.run(run(args, url))
    else:
        with tempfile.TemporaryDirectory(prefix="signbot-digest-") as folder:
            asyncio.run(run(args, f"sqlite:///{Path(folder) / 'digest.db'}"))
    raise SystemExit(0 if args.passed else 1)


if __name__ == "__main__":
    main()
