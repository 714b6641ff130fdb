"""A flash crowd: --people new users send /start within a second to a strictly limited sandbox.

The sandbox refuses (429) more than 30 messages in any one-second window (`signbot sandbox
--limits`). Every person must get the whole welcome, nobody a 429, and the bot must keep
sending at the limit while it works through the crowd: all its messages per second, from its
first to its last, as a ratio of the 30/s limit (target >= 0.95).

Run: .venv/bin/python bench/flash_crowd.py [--people 600] [--postgres [SERVER_URL]]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import seed  # noqa: E402
from bench.broadcast import LIMIT, RATIO_TARGET, Check, Part, bot_env, open_sandbox, wait_ready  # noqa: E402
from bench.processes import child  # noqa: E402
from bench.updates import PG_SERVER, describe_database, describe_machine, throwaway_postgres  # noqa: E402
from bot.sandbox.client import SandboxClient  # noqa: E402

FIRST_PERSON = 7_000_001
SAMPLE_EVERY = 0.2  # seconds between samples of the sandbox's message counter
QUIET = 5.0  # the crowd is served once no message was created for this long
TIMEOUT = 300.0
SENDERS = 100  # /start requests in flight at once from the load generator


async def sample_until_quiet(client: SandboxClient) -> list[tuple[float, int]]:
    """(time, messages created) every SAMPLE_EVERY s until the counter stays still for QUIET s."""
    samples: list[tuple[float, int]] = []
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        samples.append((time.time(), int((await client.stats())["messages_created"])))
        moved = [at for at, count in samples if count != samples[-1][1]]
        if samples[-1][1] and samples[-1][0] - max(moved, default=samples[0][0]) > QUIET:
            return samples
        await asyncio.sleep(SAMPLE_EVERY)
    raise TimeoutError(f"the crowd was not served within {TIMEOUT:.0f} s")


def sending_rate(samples: list[tuple[float, int]]) -> tuple[float, float]:
    """Messages a second from the first to the last created, and those seconds."""
    total = samples[-1][1]
    first = next(i for i, (_, count) in enumerate(samples) if count > 0)
    last = next(i for i, (_, count) in enumerate(samples) if count == total)
    # The sample before the first message bounds its time from below; counting from there
    # would understate the rate, so the messages seen at the first sample are left out.
    seconds = samples[last][0] - samples[first][0]
    return ((total - samples[first][1]) / seconds if seconds else 0.0), seconds


def per_second(samples: list[tuple[float, int]]) -> str:
    """The counter at the first sample of each whole second after the first message."""
    start = next(at for at, count in samples if count > 0)
    marks: list[str] = []
    for at, count in samples:
        if at >= start + len(marks):
            marks.append(str(count))
    return " ".join(marks)


async def crowd(people: int, database_url: str, logs: Path) -> Part:
    """Start the sandbox and the bot, let everyone write /start at once, measure."""
    part = Part(
        f"flash crowd: {people} people send /start at once [{describe_database(database_url)}]"
    )
    persons = list(range(FIRST_PERSON, FIRST_PERSON + people))
    with ExitStack() as stack:
        root, client = await open_sandbox(stack, logs, "crowd")
        try:
            for person in persons:
                await client.create_user(f"Person {person}", user_id=person, language_code="sv")
            env = bot_env(root, database_url)
            bot = stack.enter_context(child(["-m", "bot", "run"], log=logs / "run.log", env=env))
            await wait_ready(client, senders=1, polling=True)
            await client.reset_stats()
            cpu_before = bot.cpu_seconds()
            gate = asyncio.Semaphore(SENDERS)

            async def start(person: int) -> None:
                async with gate:
                    await client.send_text(person, "/start")

            sampling = asyncio.create_task(sample_until_quiet(client))
            began = time.time()
            await asyncio.gather(*(start(person) for person in persons))
            written = time.time() - began
            samples = await sampling
            cpu_after = bot.cpu_seconds()
            stats = await client.stats()
            per_person = await seed.bot_messages_per_chat(client, persons)
        finally:
            await client.aclose()
    rate, seconds = sending_rate(samples)
    limited = int(stats["rate_limited"])
    answered = sum(n > 0 for n in per_person)
    log_text = bot.log.read_text(errors="replace")
    dropped = log_text.count("given up")
    part.checks += [
        Check("people who got a reply", f"{answered}/{people}", str(people), answered == people),
        Check("messages per person (min-max)", f"{min(per_person)}-{max(per_person)}"),
        Check("bot messages in all", str(stats["messages_created"])),
        Check("429s answered by the sandbox", str(limited), "0", limited == 0),
        Check("replies given up (logged)", str(dropped), "0", dropped == 0),
        Check("first to last message, s", f"{seconds:.1f}"),
        Check("bot messages/s meanwhile", f"{rate:.2f}"),
        Check("  as a ratio of the 30/s limit", f"{rate / LIMIT:.3f}", ">= 0.95", rate / LIMIT >= RATIO_TARGET),
        Check("errors logged by the bot", str(bot.errors()), "0", not bot.errors()),
    ]  # fmt: skip
    part.notes.append(f"the load generator wrote all {people} /start in {written:.2f} s")
    if cpu_before is not None and cpu_after is not None:
        part.notes.append(
            f"bot process CPU while serving the crowd: {cpu_after - cpu_before:.1f} s"
        )
    part.notes.append(f"messages created by the end of each second: {per_second(samples)}")
    return part


async def run(args: argparse.Namespace, logs: Path) -> Part:
    """On SQLite, or on a throwaway PostgreSQL database with --postgres."""
    if args.postgres:
        with throwaway_postgres(args.postgres) as url:
            return await crowd(args.people, url, logs)
    return await crowd(args.people, f"sqlite:///{logs / 'crowd.db'}", logs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=600)
    parser.add_argument("--postgres", nargs="?", const=PG_SERVER, metavar="SERVER_URL")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"machine: {describe_machine()}")
    print("sandbox with --limits: at most 30 messages in any second, 1/s per chat (bursts of 3)")
    with tempfile.TemporaryDirectory(prefix="signbot-crowd-") as folder:
        logs = Path(folder)
        try:
            part = asyncio.run(run(args, logs))
        except (RuntimeError, TimeoutError) as error:
            for log in sorted(logs.glob("*.log")):
                print(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}", file=sys.stderr)
            raise SystemExit(f"benchmark failed: {type(error).__name__}: {error}") from None
    part.print()


if __name__ == "__main__":
    main()
