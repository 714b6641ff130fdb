"""`signbot kb ...`, `signbot faq ...` and `signbot ask`: the knowledge the bot answers from."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import CLI_LANGUAGE, fail, settings_or_exit, with_services
from bot.ids import MAX_ID
from bot.services.intents import Intent, recognise

if TYPE_CHECKING:
    from bot.services.container import Services
    from bot.services.knowledge.documents import ImportOutcome
    from bot.services.knowledge.evaluation import Report
    from bot.services.knowledge.index import Match

kb_app = typer.Typer(help="The knowledge base the bot answers from.", no_args_is_help=True)
faq_app = typer.Typer(help="Curated answers to frequently asked questions.", no_args_is_help=True)


@kb_app.command("import")
def kb_import(
    paths: Annotated[list[Path], typer.Argument(help="Markdown, plain-text or PDF files.")],
) -> None:
    """Import documents; a file imported before is replaced. Bad files are reported and skipped."""

    async def body(services: Services) -> tuple[list[str], bool]:
        async with services.db.session() as session:
            outcomes = await services.knowledge.import_paths(session, paths)
            await session.commit()
        return [_describe(outcome) for outcome in outcomes], all(o.ok for o in outcomes)

    lines, all_ok = with_services(body)
    typer.echo("\n".join(lines))
    if not all_ok:
        raise typer.Exit(1)


def _describe(outcome: ImportOutcome) -> str:
    from bot.texts import t

    if outcome.error is not None:
        return (
            f"skipped {outcome.name}: {t(outcome.error.key, CLI_LANGUAGE, **outcome.error.params)}"
        )
    verb = "replaced" if outcome.replaced else "imported"
    return f"{verb} {outcome.name}: {outcome.title} ({outcome.passages} passages)"


@kb_app.command("list")
def kb_list() -> None:
    """List the imported documents."""
    from bot.entrypoints.bootstrap import prepare_knowledge
    from bot.services.delivery import schedule

    async def body(services: Services) -> list[str]:
        await prepare_knowledge(services)
        async with services.db.session() as session:
            documents = await services.knowledge.list_documents(session)
        tz = services.settings.tz
        return [
            f"{d.id:>4}  {d.title}  ({d.kind}, {d.passages} passages, "
            f"{schedule.show(d.imported_at, tz)})  {d.source_key}"
            for d in documents
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No documents: use `signbot kb import PATH...`.")


@kb_app.command("remove")
def kb_remove(
    ident: Annotated[str, typer.Argument(help="Document id, file name or source key.")],
) -> None:
    """Remove a document and its passages."""

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            removed = await services.knowledge.remove_document(session, ident)
            await session.commit()
        return f"Removed {removed.title} ({removed.passages} passages)."

    typer.echo(with_services(body))


@kb_app.command("reindex")
def kb_reindex(
    everything: Annotated[
        bool, typer.Option("--all", help="Recompute every vector, not only missing ones.")
    ] = False,
) -> None:
    """Compute the passages' vectors for the installed model (after a model change)."""

    async def body(services: Services) -> tuple[int, int]:
        done = 0
        async with services.db.session() as session:
            missing, total = await services.knowledge.vectors_missing(session)
            first = everything
            # One batch per transaction: an interrupted reindex keeps what it has done.
            while count := await services.knowledge.reindex(session, everything=first):
                await session.commit()
                done, first = done + count, False
                typer.echo(f"{done} of {total if everything else missing} passages", err=True)
        return done, total

    done, total = with_services(body)
    typer.echo(f"Computed {done} vectors; all {total} passages have one.")


@kb_app.command("synonyms")
def kb_synonyms(
    add: Annotated[
        str | None,
        typer.Option("--add", help='A group to add to the operator file: "a, b, c".'),
    ] = None,
) -> None:
    """List the synonym groups questions are matched with (shipped and the operator's)."""
    from bot.services.knowledge.synonyms import SHIPPED, SynonymError, append_group, read_groups

    operator_file = settings_or_exit().synonyms_file
    if add is not None:
        try:
            group = append_group(operator_file, add)
        except (SynonymError, OSError) as error:
            fail(f"Cannot add the group: {error}")
        typer.echo(f"Added to {operator_file}: {', '.join(group)}")
        typer.echo("A running bot uses it within a minute.")
        return
    for label, path in (("shipped", SHIPPED), ("operator", operator_file)):
        groups = read_groups(path)
        typer.echo(f"# {label}: {path} ({len(groups)} groups)")
        typer.echo("\n".join(", ".join(group) for group in groups) or "(none)")


@kb_app.command("learned")
def kb_learned(
    forget: Annotated[
        int | None, typer.Option(help="Stop using the learned phrasing with this number.")
    ] = None,
) -> None:
    """Questions askers matched to a topic by choosing it from "Menade du …?", newest first.

    Each lifts its passage a little for similar questions; --forget ID stops that.
    """
    from sqlalchemy import select

    from bot.entrypoints.bootstrap import prepare_knowledge
    from bot.models import Passage
    from bot.services.delivery import schedule

    async def body(services: Services) -> list[str]:
        await prepare_knowledge(services)
        async with services.db.session() as session:
            if forget is not None:
                await services.knowledge.forget_learned(session, forget)
                await session.commit()
                return [f"Forgot learned phrasing {forget}."]
            learned = await services.knowledge.learned(session)
            sections = dict(
                (await session.execute(select(Passage.id, Passage.section))).tuples().all()
            )
        tz = services.settings.tz
        return [
            f"{row.id:>6}  {schedule.show(row.asked_at, tz)}  “{row.question}” → "
            f"{sections.get(row.passage_id, row.passage_id)}"
            for row in learned
        ] or ["No learned phrasings yet."]

    typer.echo("\n".join(with_services(body)))


@kb_app.command("eval")
def kb_eval(
    file: Annotated[Path, typer.Argument(help="TSV: question, expected (a | b, or -), kind.")],
    as_json: Annotated[bool, typer.Option("--json", help="The report as one JSON object.")] = False,
    misses: Annotated[int, typer.Option(min=0, help="How many misses to show.")] = 20,
    lang: Annotated[str, typer.Option(help="Answer as to a reader of this language.")] = "sv",
    today: Annotated[
        str | None,
        typer.Option(help="The day the questions assume (YYYY-MM-DD); default: the file's."),
    ] = None,
) -> None:
    """Ask every question of a dev set as the chat would; print hits per kind and the misses."""
    from datetime import date

    from bot.entrypoints.bootstrap import prepare_knowledge
    from bot.services.knowledge.evaluation import clock_on, evaluate, parse_devset, replier
    from bot.services.knowledge.evaluation_text import report_data, report_lines

    _check_language(lang)
    try:
        devset = parse_devset(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        fail(f"Cannot read {file}: {error.__class__.__name__}")
    if not devset.cases:
        lines = [f"line {bad.line}: skipped, {bad.reason}" for bad in devset.bad_lines]
        fail("\n".join([*lines, f"No questions to ask in {file}."]))

    try:
        day = date.fromisoformat(today) if today else devset.today
    except ValueError:
        fail(f"--today {today!r} is not a date like 2025-11-20.")

    async def body(services: Services) -> Report:
        if day is not None:
            services.knowledge.clock = clock_on(day)
        await prepare_knowledge(services)
        return evaluate(devset, replier(services.knowledge, _labeller(lang), lang=lang))

    report = with_services(body)
    if as_json:
        typer.echo(json.dumps(report_data(report, misses=misses), ensure_ascii=False, indent=2))
    else:
        typer.echo("\n".join(report_lines(report, misses=misses)))


@faq_app.command("import")
def faq_import(file: Annotated[Path, typer.Argument(help="CSV: questions,answer,source.")]) -> None:
    """Add FAQ entries from a CSV file (questions separated by |); a bad row imports nothing."""
    from bot.errors import DomainError
    from bot.services.knowledge.faq_file import read_faq_file
    from bot.texts import t

    try:
        drafts = read_faq_file(file)
    except DomainError as error:
        fail(t(error.key, CLI_LANGUAGE, **error.params))

    async def body(services: Services) -> int:
        async with services.db.session() as session:
            for draft in drafts:
                await services.knowledge.add_faq(
                    session, draft.phrasings, draft.answer, source=draft.source
                )
            await session.commit()
        return len(drafts)

    typer.echo(f"Added {with_services(body)} FAQ entries from {file.name}.")


@faq_app.command("list")
def faq_list() -> None:
    """List the FAQ entries."""

    async def body(services: Services) -> list[str]:
        async with services.db.session() as session:
            entries = await services.knowledge.list_faqs(session)
        return [
            f"{e.id:>4}  {' | '.join(p.text for p in e.phrasings)}\n      → {e.answer[:100]}"
            for e in entries
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No FAQ entries yet.")


@faq_app.command("remove")
def faq_remove(
    faq_id: Annotated[
        int, typer.Argument(help="The entry's number (see faq list).", min=1, max=MAX_ID)
    ],
) -> None:
    """Remove a FAQ entry."""

    async def body(services: Services) -> None:
        async with services.db.session() as session:
            await services.knowledge.remove_faq(session, faq_id)
            await session.commit()

    with_services(body)
    typer.echo(f"Removed FAQ entry {faq_id}.")


# What the chat shows for each intent; `signbot ask` has no user, so it only says so.
LIVE_ANSWERS = {
    Intent.NEXT_MEETING: "the next dialogue meetings as cards with the asker's answer and buttons",
    Intent.OPEN_CALLS: "the open funding calls, nearest deadline first (as /calls)",
    Intent.MY_SIGNUPS: "the meetings the asker is signed up or waiting for, with dates",
    Intent.PENDING_FORMS: "the asker's forms not yet sent and open polls not yet answered",
    Intent.BOT_HELP: "what the bot can do and its commands (as /help)",
}


def _small_talk(question: str, kind: str, said: str, *, as_json: bool) -> str:
    """Thanks, a greeting or an "ok": the chat's friendly word, no answer and no log."""
    if as_json:
        record = {"question": question, "small_talk": kind, "answered": False, "answer": said}
        return json.dumps(record, ensure_ascii=False)
    return f"Q: {question}\nA: (small talk, {kind}) {said}\n"


def _live(question: str, intent: Intent, *, as_json: bool) -> str:
    """A question the chat answers from live data rather than from the documents."""
    answer = f"live data ({intent.value}): {LIVE_ANSWERS[intent]}"
    if as_json:
        record = {
            "question": question,
            "intent": intent.value,
            "answered": True,
            "score": None,
            "answer": answer,
            "source": "live data",
        }
        return json.dumps(record, ensure_ascii=False)
    return (
        f"Q: {question}\nA: (recognised intent {intent.value}: the chat answers from live data "
        f"with {LIVE_ANSWERS[intent]}, before the documents)\n"
    )


def ask(
    questions: Annotated[list[str], typer.Argument(help="One or more questions (quote each).")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    lang: Annotated[str, typer.Option(help="Answer as to a reader of this language.")] = "sv",
    no_llm: Annotated[
        bool, typer.Option("--no-llm", help="Show the passage even when SIGNBOT_LLM_URL is set.")
    ] = False,
) -> None:
    """Print the answer the chat would give to each question (nothing is logged)."""
    from bot.entrypoints.bootstrap import prepare_knowledge
    from bot.services import smalltalk
    from bot.services.knowledge.evaluation import replier
    from bot.services.knowledge.phrasing import excerpts_for
    from bot.texts import plain_text, t
    from bot.texts.answers import language_note

    _check_language(lang)

    async def body(services: Services) -> list[str]:
        await prepare_knowledge(services)
        reply_to = replier(services.knowledge, _labeller(lang), lang=lang)
        phraser = None if no_llm else services.phraser
        lines = []
        for question in questions:
            chat = smalltalk.recognise(question)
            if chat is not None:
                word = plain_text(t(f"smalltalk_{chat.value}", lang))
                lines.append(_small_talk(question, chat.value, word, as_json=as_json))
                continue
            intent = recognise(question)
            if intent is not None:
                lines.append(_live(question, intent, as_json=as_json))
                continue
            reply = reply_to(question)
            offered = [match.section or match.title for match in reply.offers]
            note = language_note(reply.match, lang) if reply.match is not None else None
            text, phrased = reply.text, None
            if phraser is not None and reply.match is not None and reply.answered:
                excerpts = excerpts_for(reply.match, reply.source or "")
                phrased = await phraser.phrase(question, excerpts, lang)
                text = phrased or text
            if as_json:
                record = {
                    "question": question,
                    "answered": reply.answered,
                    "score": round(reply.score, 3),
                    "answer": text,
                    "source": reply.source,
                    "note": note,
                }
                if phraser is not None:  # the output is as before when phrasing is off
                    record["phrased"] = phrased is not None
                if offered:
                    record["offers"] = offered
                lines.append(json.dumps(record, ensure_ascii=False))
            elif reply.answered:
                if phrased is not None:
                    text = f"{text}\n   {plain_text(t('answer_phrased', lang, text='')).strip()}"
                said = f"{note}\n   {text}" if note else text
                lines.append(
                    f"Q: {question}\nA: {said}\n   ({reply.source}; score {reply.score:.2f})\n"
                )
            elif offered:
                topics = " | ".join(offered)
                lines.append(f'Q: {question}\nA: (not sure: "Menade du …?" offers {topics})\n')
            else:
                lines.append(f"Q: {question}\nA: (no answer: the bot offers a member of staff)\n")
        return lines

    typer.echo("\n".join(with_services(body)))


def _labeller(lang: str) -> Callable[[Match], str]:
    from bot.texts.answers import source_label

    # The FAQ label (the only catalogue text in a source line) follows the reader's language.
    return lambda match: source_label(match, lang)


def _check_language(lang: str) -> None:
    from bot.texts import LANGUAGES

    if lang not in LANGUAGES:
        fail(f"Unknown language {lang!r}: use one of {', '.join(LANGUAGES)}.")
