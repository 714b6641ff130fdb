"""Updates/s and reply latency through the sandbox: signbot next to a bare echo bot (the floor).

One sandbox serves both phases; 50 users each ask questions one after another. As in
production, where Telegram is not inside the bot, the sandbox, each bot and the load generator
run as separate processes. Besides latency and throughput it reports the CPU the bot process
spends per update, the steadiest of the figures.
Target: signbot within 1.5x of the echo floor (p95 latency ratio <= 1.5, throughput >= 1/1.5).

Run: .venv/bin/python bench/updates.py [--users 50] [--per-user 20] [--seed 7]
     [--postgres [SERVER_URL] | --database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import platform
import random
import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters  # noqa: E402

from bench.processes import Child, child, free_port  # noqa: E402
from bot.entrypoints.bootstrap import CONCURRENT_UPDATES  # noqa: E402
from bot.sandbox.client import SandboxClient  # noqa: E402
from tests.unit.questions.kb_cases import CASES, UNANSWERABLE  # noqa: E402

POLL_TIMEOUT = 10  # running_bot's default long-poll timeout; the echo bot polls the same way
TARGET = 1.5
PG_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
FIRST_USER_ID = 2_000_001
ECHO_TOKEN = "1000001:echo"  # the sandbox takes any <digits>:<chars> token
SIGNBOT_TOKEN = "1000002:bench"
REPLY_TIMEOUT = 30.0
START_TIMEOUT = 90.0  # the first reply also waits for the bot process to start

Plan = dict[int, list[str]]  # user id -> the questions they ask, in order


@dataclass(frozen=True)
class Result:
    """One measured phase."""

    phase: str
    latencies: list[float]  # seconds, one per update
    seconds: float
    errors: int  # errors logged: each failed update (the user got an apology, not an answer)
    cpu_seconds: float | None  # CPU the bot process used while measured

    @property
    def cpu_ms_per_update(self) -> float | None:
        return None if self.cpu_seconds is None else self.cpu_seconds * 1e3 / len(self.latencies)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def ms(self, percentile: int) -> float:
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[percentile - 1] * 1e3

    def cells(self) -> tuple[object, ...]:
        figures = (self.seconds, self.rate, self.ms(50), self.ms(95))
        cpu = self.cpu_ms_per_update
        return (
            self.phase,
            len(self.latencies),
            self.errors,
            *(f"{x:.1f}" for x in figures),
            "-" if cpu is None else f"{cpu:.2f}",
        )


def row(cells: tuple[object, ...]) -> str:
    """One line of the table: the phase left-aligned, numbers right-aligned."""
    return f"{cells[0]!s:<8}" + "".join(f"{cell!s:>10}" for cell in cells[1:])


def make_plan(users: int, per_user: int, warmup: int, seed: int) -> Plan:
    """Questions per user: warm-up first, then the measured ones; the same for both phases."""
    rng = random.Random(seed)
    pool = [question for question, _ in CASES] + UNANSWERABLE
    return {
        FIRST_USER_ID + n: [rng.choice(pool) for _ in range(warmup + per_user)]
        for n in range(users)
    }


async def ask_in_turn(
    client: SandboxClient,
    user_id: int,
    texts: list[str],
    *,
    timeout: float = REPLY_TIMEOUT,  # noqa: ASYNC109 - spent in server-side long polls
) -> list[float]:
    """Send each text as the user and wait for the bot's reply; return the latencies."""
    latencies: list[float] = []
    for text in texts:
        start = time.perf_counter()
        sent = await client.send_text(user_id, text)
        chat_id = sent["message"]["chat"]["id"]
        await client.wait_for_bot_message(chat_id, after=sent["cursor"], timeout=timeout)
        latencies.append(time.perf_counter() - start)
    return latencies


async def drive(client: SandboxClient, bot: Child, phase: str, plan: Plan, warmup: int) -> Result:
    """Create the users, warm up (not measured), then let every user ask concurrently."""
    await client.reset()  # update ids keep counting, so the next bot's offset stays valid
    for user_id in plan:
        await client.create_user(f"User {user_id}", user_id=user_id, language_code="sv")
    first = next(iter(plan))
    await ask_in_turn(client, first, plan[first][:1], timeout=START_TIMEOUT)
    await asyncio.gather(*(ask_in_turn(client, u, texts[:warmup]) for u, texts in plan.items()))
    errors_before, cpu_before, start = bot.errors(), bot.cpu_seconds(), time.perf_counter()
    runs = await asyncio.gather(*(ask_in_turn(client, u, t[warmup:]) for u, t in plan.items()))
    seconds, cpu_after = time.perf_counter() - start, bot.cpu_seconds()
    latencies = [latency for run in runs for latency in run]
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Result(phase, latencies, seconds, bot.errors() - errors_before, cpu)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Reply with the text, as signbot's handlers reply: one send_message to the chat."""
    message = update.effective_message
    if message is not None and message.text:
        await context.bot.send_message(message.chat_id, message.text)


def serve_echo(base_url: str) -> None:
    """Run a bare PTB bot with signbot's concurrency and polling until interrupted."""
    builder = ApplicationBuilder().token(ECHO_TOKEN).base_url(base_url)
    application = builder.concurrent_updates(CONCURRENT_UPDATES).build()
    application.add_handler(MessageHandler(filters.TEXT, echo))
    application.run_polling(timeout=POLL_TIMEOUT, drop_pending_updates=False)


@contextmanager
def throwaway_postgres(server_url: str) -> Iterator[str]:
    """Create an empty database on the server for this run; drop it afterwards."""
    name = f"signbot_bench_{secrets.token_hex(4)}"
    admin = make_url(server_url).set(drivername="postgresql")
    admin_dsn = admin.render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def describe_database(database_url: str) -> str:
    """The database engine and version, e.g. 'SQLite 3.40.1'."""
    url = make_url(database_url.replace("postgres://", "postgresql://", 1))
    if url.get_backend_name() == "sqlite":
        return f"SQLite {sqlite3.sqlite_version} (file, WAL)"
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        version = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {version[0] if version else '?'} on {url.host}"


def describe_machine() -> str:
    """Cores, platform and Python version."""
    return f"{os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}"


def report(echo_result: Result, signbot_result: Result, *, machine: str, database: str) -> None:
    """Print the table, the ratios and the verdict."""
    print(
        row(
            ("phase", "updates", "errors", "seconds", "updates/s", "p50 ms", "p95 ms", "CPU ms/upd")
        )
    )
    for result in (echo_result, signbot_result):
        print(row(result.cells()))
    p50 = signbot_result.ms(50) / echo_result.ms(50)
    p95 = signbot_result.ms(95) / echo_result.ms(95)
    slowdown = echo_result.rate / signbot_result.rate  # the ratio of 1/throughput
    cpu = ""
    if echo_result.cpu_ms_per_update and signbot_result.cpu_ms_per_update:
        cpu = f", bot CPU per update {signbot_result.cpu_ms_per_update / echo_result.cpu_ms_per_update:.2f}x"
    print(f"signbot/echo: p50 {p50:.2f}x, p95 {p95:.2f}x, 1/throughput {slowdown:.2f}x{cpu}")
    errors = echo_result.errors + signbot_result.errors
    verdict = "PASS" if p95 <= TARGET and slowdown <= TARGET and not errors else "FAIL"
    print(f"{verdict}: within {TARGET}x of the echo floor (p95 latency, throughput), no errors")
    print(f"machine: {machine}")
    print(f"database: {database}; sandbox, load generator and bot: one process each")


async def run(args: argparse.Namespace, database_url: str, logs: Path) -> None:
    """Both phases on one sandbox, then the report."""
    plan = make_plan(args.users, args.per_user, args.warmup, args.seed)
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    signbot_env = {
        "TELEGRAM_BOT_TOKEN": SIGNBOT_TOKEN,
        "TELEGRAM_API_BASE_URL": f"{root}/bot",
        "DATABASE_URL": database_url,
        "SIGNBOT_LOG_LEVEL": "WARNING",
        "SIGNBOT_ADMINS": "",
        "SIGNBOT_STAFF_CHAT_ID": "",
        # The echo floor has no flood limiter; lift signbot's (30 messages/s, Telegram's rule)
        # so both are measured on processing alone. bench/broadcast.py measures the limiter.
        "SIGNBOT_RATE_GLOBAL": "1000",
    }
    with ExitStack() as stack:
        stack.enter_context(
            child(["-m", "bot", "sandbox", "--port", str(port)], log=logs / "sandbox.log")
        )
        async with SandboxClient(root) as client:
            await wait_until_up(client)
            with child(
                [__file__, "--serve-echo", f"{root}/bot"], log=logs / "echo.log"
            ) as echo_bot:
                echo_result = await drive(client, echo_bot, "echo", plan, args.warmup)
            signbot_args = ["-m", "bot", "run"]
            with child(signbot_args, log=logs / "signbot.log", env=signbot_env) as signbot:
                signbot_result = await drive(client, signbot, "signbot", plan, args.warmup)
    database = describe_database(database_url)
    report(echo_result, signbot_result, machine=describe_machine(), database=database)


async def wait_until_up(client: SandboxClient) -> None:
    """Wait for the sandbox process to answer."""
    for _ in range(100):
        try:
            await client.cursor()
            return
        except httpx.TransportError:
            await asyncio.sleep(0.1)
    raise RuntimeError("the sandbox did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--per-user", type=int, default=20, help="measured questions per user")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured questions per user")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--serve-echo", metavar="BASE_URL", help=argparse.SUPPRESS)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database-url", help="an empty (or migrated) database to use")
    where.add_argument(
        "--postgres",
        nargs="?",
        const=PG_SERVER,
        metavar="SERVER_URL",
        help=f"create and drop a throwaway database there (default {PG_SERVER})",
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.serve_echo:
        serve_echo(args.serve_echo)
        return
    with tempfile.TemporaryDirectory(prefix="signbot-bench-") as folder:
        logs = Path(folder)
        try:
            if args.postgres:
                with throwaway_postgres(args.postgres) as url:
                    asyncio.run(run(args, url, logs))
            else:
                url = args.database_url or f"sqlite:///{logs / 'bench.db'}"
                asyncio.run(run(args, url, logs))
        except (RuntimeError, TimeoutError) as error:
            for log in sorted(logs.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-2000:]}", file=sys.stderr)
            raise SystemExit(f"benchmark failed: {error}") from None


if __name__ == "__main__":
    main()
