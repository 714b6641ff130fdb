"""Broadcasts through the sandbox with Telegram's flood limits on (30 messages/s, 1/s a chat).

Parts (each on a fresh sandbox, database and bot process; like production, the sandbox, the
bot and the load generator are separate processes):
- throughput: a campaign to --users people; every message the bot created per second from the
  first to the last confirmed send (deliveries.sent_at) as a ratio of the 30/s limit (target
  >= 0.95) beside the broadcast's own share, 429s (target 0);
- interactive (runs with throughput): --askers people ask questions, one after another with a
  pause to read, while the broadcast runs; p50/p95 reply latency (target p95 < 0.5 s);
- crash: SIGKILL `signbot run` after a third of --crash-users got the message, start it again,
  wait for the campaign to finish; chats that got nothing (target 0) or more than one message
  (target <= SIGNBOT_SEND_CONCURRENCY);
- workers: `signbot run` and --processes - 1 `signbot worker`s (each count in turn, default
  1 and 3) share one campaign on a throwaway PostgreSQL database (--workers-users): the same
  ratio (30/s between them all, not 30/s each), 0 429s, no chat gets two.

The sandbox's limit is strict: at most 30 messages in any one-second window (a log of send
times, not a bucket that lets 30 through right after 30), as Telegram enforces it.

Run: .venv/bin/python bench/broadcast.py [--part all|throughput|interactive|crash|workers]
     [--users 3000] [--crash-users 600] [--workers-users 1500] [--processes 1,3] [--askers 20]
     [--postgres [SERVER_URL]]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import signal
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from bench import seed  # noqa: E402
from bench.processes import Child, child, free_port  # noqa: E402
from bench.updates import (  # noqa: E402
    PG_SERVER,
    describe_database,
    describe_machine,
    throwaway_postgres,
    wait_until_up,
)
from bot import migrate  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.db import Database  # noqa: E402
from bot.models import CampaignStatus  # noqa: E402
from bot.sandbox.client import SandboxClient  # noqa: E402
from tests.unit.questions.kb_cases import CASES  # noqa: E402

TOKEN = "1000003:broadcast"  # the sandbox takes any <digits>:<chars> token
FIRST_RECIPIENT = 5_000_001
FIRST_ASKER = 6_000_001
LIMIT = 30.0  # Telegram's messages a second per bot, as `signbot sandbox --limits` enforces
RATIO_TARGET = 0.95
P95_TARGET = 0.5
MARKER = "Benchmark broadcast"
TEXT_HTML = f"<b>{MARKER}</b>: dialogmöte den 12 maj, anmäl dig senast den 5 maj."
SAMPLE_EVERY = 0.2  # seconds between samples of the sandbox's counters
READY_TIMEOUT = 90.0  # the bot process migrates and builds its knowledge index first
REPLY_TIMEOUT = 30.0
DEFAULTS = Settings(_env_file=None)  # the shipped defaults (or the environment's)


@dataclass(frozen=True)
class Check:
    """One line of a part's table."""

    measure: str
    value: str
    target: str = ""
    passed: bool | None = None  # None: a figure without a target


@dataclass
class Part:
    """A part's title, its checks and free-form notes."""

    title: str
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def print(self) -> None:
        """Print the table with PASS/FAIL per target."""
        print(f"\n== {self.title}")
        print(f"{'measure':<46}{'value':>12}  {'target':<12}verdict")
        for c in self.checks:
            verdict = "" if c.passed is None else ("PASS" if c.passed else "FAIL")
            print(f"{c.measure:<46}{c.value:>12}  {c.target:<12}{verdict}")
        for note in self.notes:
            print(f"  {note}")


@dataclass
class Watch:
    """What the sandbox and the database showed while a campaign ran."""

    samples: list[tuple[float, int]] = field(default_factory=list)  # (time, messages created)
    claimers: set[str] = field(default_factory=set)
    running_at: float | None = None
    done_at: float | None = None
    running: asyncio.Event = field(default_factory=asyncio.Event)
    done: asyncio.Event = field(default_factory=asyncio.Event)


def bot_env(root: str, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a signbot process against this sandbox and database."""
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": f"{root}/bot",
        "DATABASE_URL": database_url,
        "SIGNBOT_LOG_LEVEL": "WARNING",
        "SIGNBOT_ADMINS": "",
        "SIGNBOT_STAFF_CHAT_ID": "",
        **extra,
    }


async def open_sandbox(stack: ExitStack, logs: Path, name: str) -> tuple[str, SandboxClient]:
    """Start `signbot sandbox --limits` in its own process; return its root URL and a client."""
    port = free_port()
    args = ["-m", "bot", "sandbox", "--port", str(port), "--limits"]
    stack.enter_context(child(args, log=logs / f"{name}-sandbox.log"))
    root = f"http://127.0.0.1:{port}"
    client = SandboxClient(root)
    await wait_until_up(client)
    return root, client


async def wait_ready(client: SandboxClient, *, senders: int, polling: bool) -> None:
    """Wait until `senders` processes called getMe (and one polls, when asked)."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        calls = (await client.stats())["calls"]
        if calls.get("getMe", 0) >= senders and (not polling or calls.get("getUpdates", 0)):
            return
        await asyncio.sleep(0.2)
    raise TimeoutError(f"the bot processes did not start within {READY_TIMEOUT:.0f} s")


async def watch(
    client: SandboxClient, db: Database, campaign_id: int, w: Watch, *, seconds: float
) -> None:
    """Sample the sandbox's message counter (and who holds leases) until the campaign is done."""
    deadline = time.monotonic() + seconds
    state = None
    while time.monotonic() < deadline:
        stats = await client.stats()
        w.samples.append((time.time(), int(stats["messages_created"])))
        w.claimers |= await seed.claimers(db, campaign_id)
        state = await seed.progress(db, campaign_id)
        if state.status != CampaignStatus.SCHEDULED and not w.running.is_set():
            w.running_at = time.time()
            w.running.set()
        if state.status == CampaignStatus.DONE:
            w.done_at = time.time()
            w.done.set()
            return
        await asyncio.sleep(SAMPLE_EVERY)
    raise TimeoutError(f"campaign {campaign_id} not done within {seconds:.0f} s: {state}")


def broadcast_timeout(recipients: int) -> float:
    """Generous: three times the time the limit needs, plus a lease and a start."""
    return 3 * recipients / LIMIT + DEFAULTS.send_lease + 60


async def ask(client: SandboxClient, user_id: int, text: str) -> float:
    """Ask as the user and wait for the bot's reply (not the broadcast); return the latency."""
    start = time.perf_counter()
    sent = await client.send_text(user_id, text)
    await client.wait_for_bot_message(
        sent["message"]["chat"]["id"],
        after=sent["cursor"],
        timeout=REPLY_TIMEOUT,
        predicate=lambda message: MARKER not in message["text"],
    )
    return time.perf_counter() - start


async def asker(
    client: SandboxClient, user_id: int, w: Watch, rng: random.Random, think: float
) -> list[tuple[float, float]]:
    """Ask questions one after another, reading each answer a while, until the broadcast ends."""
    questions = [question for question, _ in CASES]
    await ask(client, user_id, rng.choice(questions))  # warm-up, not measured
    asked: list[tuple[float, float]] = []  # (when asked, latency)
    while not w.done.is_set():
        await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
        if w.done.is_set():
            break
        at = time.time()
        asked.append((at, await ask(client, user_id, rng.choice(questions))))
    return asked


def window_rate(w: Watch, first: float, last: float) -> float | None:
    """Every message the bot created per second over [first, last], from the samples."""
    before = [s for s in w.samples if s[0] <= first]
    after = [s for s in w.samples if s[0] >= last]
    if not before or not after or after[0][0] <= before[-1][0]:
        return None
    return (after[0][1] - before[-1][1]) / (after[0][0] - before[-1][0])


async def broadcast_checks(
    part: Part,
    client: SandboxClient,
    db: Database,
    campaign_id: int,
    recipients: list[int],
    w: Watch,
) -> None:
    """The rate, 429s and per-chat counts of a finished broadcast, as checks."""
    times = [at.timestamp() for at in await seed.sent_times(db, campaign_id)]
    per_chat = await seed.bot_messages_per_chat(client, recipients)
    limited = int((await client.stats())["rate_limited"])
    seconds = times[-1] - times[0] if len(times) > 1 else 0.0
    rate = (len(times) - 1) / seconds if seconds else 0.0
    total = window_rate(w, times[0], times[-1]) if times else None
    total = rate if total is None else total
    part.checks += [
        Check("recipients (deliveries sent)", f"{len(recipients)} ({len(times)})"),
        Check("first to last confirmed send, s", f"{seconds:.1f}"),
        Check("broadcast messages/s", f"{rate:.2f}"),
        Check("all bot messages/s then (with replies)", f"{total:.2f}"),
        Check("  as a ratio of the 30/s limit", f"{total / LIMIT:.3f}", ">= 0.95", total / LIMIT >= RATIO_TARGET),
        Check("  the broadcast's own share", f"{rate / LIMIT:.3f}"),
        Check("429s answered by the sandbox", str(limited), "0", limited == 0),
        Check("chats with no message (lost)", str(per_chat.count(0)), "0", 0 not in per_chat),
        Check("chats with more than one", str(sum(n > 1 for n in per_chat)), "0", max(per_chat) <= 1),
    ]  # fmt: skip
    if times:
        part.notes.append(
            f"first send {times[0] - w.samples[0][0]:.1f} s after the campaign was recorded "
            "(the worker starts due campaigns about once a second); replies come first, "
            "the broadcast gets what they leave of the 30/s"
        )


def latency_checks(part: Part, asked: list[tuple[float, float]], end: float) -> None:
    """p50/p95 of the replies asked for while the broadcast ran."""
    during = [latency for at, latency in asked if at < end]
    if len(during) < 2:
        part.checks.append(Check("replies during the broadcast", str(len(during)), ">= 2", False))
        return
    cuts = statistics.quantiles(during, n=100, method="inclusive")
    p50, p95 = cuts[49], cuts[94]
    part.checks += [
        Check("questions answered during the broadcast", str(len(during))),
        Check("reply latency p50, s", f"{p50:.3f}"),
        Check("reply latency p95, s", f"{p95:.3f}", "< 0.5", p95 < P95_TARGET),
        Check("reply latency max, s", f"{max(during):.3f}"),
    ]


async def throughput(args: argparse.Namespace, database_url: str, logs: Path) -> Part:
    """A broadcast to --users people with --askers asking questions meanwhile."""
    part = Part(f"throughput + interactive: {args.users} recipients, {args.askers} askers")
    recipients = list(range(FIRST_RECIPIENT, FIRST_RECIPIENT + args.users))
    askers = list(range(FIRST_ASKER, FIRST_ASKER + args.askers))
    await asyncio.to_thread(migrate.upgrade, database_url)
    db = Database(database_url)
    with ExitStack() as stack:
        root, client = await open_sandbox(stack, logs, "throughput")
        try:
            await seed.create_audience(client, db, recipients)
            for user_id in askers:
                await client.create_user(f"Asker {user_id}", user_id=user_id)
            env = bot_env(root, database_url)
            bot = stack.enter_context(child(["-m", "bot", "run"], log=logs / "run.log", env=env))
            await wait_ready(client, senders=1, polling=True)
            await client.reset_stats()
            cpu_before = bot.cpu_seconds()
            w = Watch()
            campaign_id = await seed.create_campaign(db, TEXT_HTML)
            watcher = asyncio.create_task(
                watch(client, db, campaign_id, w, seconds=broadcast_timeout(args.users))
            )
            # Askers write only once the campaign is expanded, so they are not recipients.
            await asyncio.wait_for(w.running.wait(), READY_TIMEOUT)
            rng = random.Random(args.seed)
            runs = [
                asker(client, user_id, w, random.Random(rng.random()), args.think)
                for user_id in askers
            ]
            asked = await asyncio.gather(*runs)
            await watcher
            cpu_after = bot.cpu_seconds()
            await broadcast_checks(part, client, db, campaign_id, recipients, w)
            assert w.done_at is not None
            if askers:
                latency_checks(part, [a for run in asked for a in run], w.done_at)
            part.checks.append(
                Check("errors logged by the bot", str(bot.errors()), "0", not bot.errors())
            )
            if cpu_before is not None and cpu_after is not None:
                part.notes.append(
                    f"bot process CPU during the broadcast: {cpu_after - cpu_before:.1f} s"
                )
            if askers:
                part.notes.append(
                    f"askers pause {args.think / 2:.1f}-{args.think * 1.5:.1f} s between questions "
                    "(reading the answer); the measured window is sent_at of the first and last delivery"
                )
        finally:
            await client.aclose()
            await db.dispose()
    return part


async def crash(args: argparse.Namespace, database_url: str, logs: Path) -> Part:
    """SIGKILL `signbot run` a third of the way through, start it again, count per chat."""
    users = args.crash_users
    concurrency = DEFAULTS.send_concurrency
    part = Part(f"crash test: {users} recipients, SIGKILL after ~1/3, restart")
    recipients = list(range(FIRST_RECIPIENT, FIRST_RECIPIENT + users))
    await asyncio.to_thread(migrate.upgrade, database_url)
    db = Database(database_url)
    with ExitStack() as stack:
        root, client = await open_sandbox(stack, logs, "crash")
        try:
            await seed.create_audience(client, db, recipients)
            env = bot_env(root, database_url)
            with child(["-m", "bot", "run"], log=logs / "crash-run-1.log", env=env) as first:
                await wait_ready(client, senders=1, polling=True)
                await client.reset_stats()
                campaign_id = await seed.create_campaign(db, TEXT_HTML)
                deadline = time.monotonic() + broadcast_timeout(users)
                while (await client.stats())["messages_created"] < users // 3:
                    if time.monotonic() > deadline or first.process.poll() is not None:
                        raise RuntimeError("the first bot process did not get a third through")
                    await asyncio.sleep(0.02)
                first.process.send_signal(signal.SIGKILL)
                first.process.wait(timeout=10)
            at_kill = int((await client.stats())["messages_created"])
            recorded = (await seed.progress(db, campaign_id)).counts.sent
            restarted = time.time()
            second = stack.enter_context(
                child(["-m", "bot", "run"], log=logs / "crash-run-2.log", env=env)
            )
            w = Watch()
            await watch(client, db, campaign_id, w, seconds=broadcast_timeout(users))
            assert w.done_at is not None
            per_chat = await seed.bot_messages_per_chat(client, recipients)
            limited = int((await client.stats())["rate_limited"])
            stored = await seed.statuses(db, campaign_id)
        finally:
            await client.aclose()
            await db.dispose()
    lost = per_chat.count(0)
    duplicated = sum(n > 1 for n in per_chat)
    part.checks += [
        Check("messages delivered at SIGKILL", f"{at_kill}/{users}"),
        Check("  of which recorded as sent", str(recorded)),
        Check("restart to campaign done, s", f"{w.done_at - restarted:.1f}"),
        Check("chats with no message (lost)", str(lost), "0", lost == 0),
        Check("chats with more than one (duplicated)", str(duplicated), f"<= {concurrency}", duplicated <= concurrency),
        Check("extra messages in all", str(sum(n - 1 for n in per_chat if n > 1))),
        Check("429s answered by the sandbox", str(limited), "0", limited == 0),
        Check("errors logged after the restart", str(second.errors()), "0", not second.errors()),
    ]  # fmt: skip
    part.notes.append(f"deliveries by status: {stored}")
    part.notes.append(
        f"the restarted process waits out the dead one's leases (SIGNBOT_SEND_LEASE = "
        f"{DEFAULTS.send_lease:.0f} s) before it sends what was in flight; a smaller audience "
        "than the throughput part keeps this part short"
    )
    return part


async def workers(args: argparse.Namespace, database_url: str, logs: Path, count: int = 2) -> Part:
    """`signbot run` and count - 1 `signbot worker`s share one campaign on one PostgreSQL database."""
    users = args.workers_users
    who = "signbot run" + (f" + {count - 1} x signbot worker" if count > 1 else " alone")
    part = Part(f"{count} process(es) on PostgreSQL: {users} recipients, {who}")
    recipients = list(range(FIRST_RECIPIENT, FIRST_RECIPIENT + users))
    await asyncio.to_thread(migrate.upgrade, database_url)
    db = Database(database_url)
    with ExitStack() as stack:
        root, client = await open_sandbox(stack, logs, "workers")
        try:
            await seed.create_audience(client, db, recipients)
            env = bot_env(root, database_url)
            processes: list[Child] = [
                stack.enter_context(child(["-m", "bot", "run"], log=logs / "w-run.log", env=env))
            ]
            for number in range(1, count):
                log = logs / f"w-worker-{number}.log"
                processes.append(
                    stack.enter_context(child(["-m", "bot", "worker"], log=log, env=env))
                )
            await wait_ready(client, senders=count, polling=True)
            await client.reset_stats()
            before = [p.cpu_seconds() for p in processes]
            w = Watch()
            campaign_id = await seed.create_campaign(db, TEXT_HTML)
            await watch(client, db, campaign_id, w, seconds=broadcast_timeout(users))
            after = [p.cpu_seconds() for p in processes]
            await broadcast_checks(part, client, db, campaign_id, recipients, w)
            errors = sum(p.errors() for p in processes)
        finally:
            await client.aclose()
            await db.dispose()
    pids = {worker.split(":")[1] for worker in w.claimers}
    part.checks += [
        Check("processes seen holding leases", str(len(pids)), str(count), len(pids) == count),
        Check("errors logged", str(errors), "0", errors == 0),
    ]
    cpu = [
        f"{b - a:.1f} s"
        for a, b in zip(before, after, strict=True)
        if a is not None and b is not None
    ]
    if cpu:
        part.notes.append(f"CPU during the broadcast: signbot run {cpu[0]}, workers {cpu[1:]}")
    return part


async def run_parts(args: argparse.Namespace, logs: Path) -> list[Part]:
    """Run the chosen parts, each printed as soon as it is done."""
    chosen = {"all": ("throughput", "crash", "workers"), "interactive": ("throughput",)}
    names = chosen.get(args.part, (args.part,))
    parts: list[Part] = []
    server = args.postgres or PG_SERVER
    for name in names:
        if name == "workers":
            for count in args.processes:
                try:
                    with throwaway_postgres(server) as url:
                        part = await workers(args, url, logs, count)
                        part.title += f" [{describe_database(url)}]"
                except psycopg.OperationalError as error:
                    part = Part(f"{name}: skipped, no PostgreSQL at {server} ({error})")
                part.print()
                parts.append(part)
            continue
        if args.postgres:
            try:
                with throwaway_postgres(server) as url:
                    part = await PARTS[name](args, url, logs)
                    part.title += f" [{describe_database(url)}]"
            except psycopg.OperationalError as error:
                part = Part(f"{name}: skipped, no PostgreSQL at {server} ({error})")
        else:
            url = f"sqlite:///{logs / f'{name}.db'}"
            part = await PARTS[name](args, url, logs)
            part.title += f" [{describe_database(url)}]"
        part.print()
        parts.append(part)
    return parts


PARTS = {"throughput": throughput, "crash": crash, "workers": workers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=("all", "throughput", "interactive", "crash", "workers"), default="all"
    )
    parser.add_argument("--users", type=int, default=3000, help="recipients (throughput)")
    parser.add_argument("--workers-users", type=int, default=1500, help="recipients (two workers)")
    parser.add_argument("--crash-users", type=int, default=600, help="recipients (crash test)")
    parser.add_argument(
        "--processes",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 3],
        help="process counts for the workers part, e.g. 1,3",
    )
    parser.add_argument("--askers", type=int, default=20, help="people asking questions")
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between questions")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=PG_SERVER,
        metavar="SERVER_URL",
        help=f"run every part on throwaway databases there (workers always do; default {PG_SERVER})",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"machine: {describe_machine()}")
    print(f"sandbox with --limits (at most 30 in any second per bot, 1/s per chat, bursts of 3); "
          f"SIGNBOT_SEND_CONCURRENCY {DEFAULTS.send_concurrency}, SIGNBOT_RATE_RESERVE {DEFAULTS.rate_reserve}")  # fmt: skip
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="signbot-broadcast-") as folder:
        logs = Path(folder)
        try:
            asyncio.run(run_parts(args, logs))
        except (RuntimeError, TimeoutError, AssertionError) as error:
            for log in sorted(logs.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}", file=sys.stderr)
            raise SystemExit(f"benchmark failed: {type(error).__name__}: {error}") from None
    print(f"\n{time.monotonic() - started:.0f} s in all")


if __name__ == "__main__":
    main()
