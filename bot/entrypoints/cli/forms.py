"""`signbot forms ...`: forms from the shell — create from a TOML file, send, follow, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import CsvOutput, emit_csv, fail, with_services
from bot.ids import MAX_ID

if TYPE_CHECKING:
    from bot.services.container import Services

forms_app = typer.Typer(
    help="Forms: create one from a TOML file, send it, follow it, remind, export, close.",
    no_args_is_help=True,
)
FormId = Annotated[
    int, typer.Argument(help="The form id (see `signbot forms list`).", min=1, max=MAX_ID)
]


@forms_app.command("create")
def forms_create(
    file: Annotated[Path, typer.Argument(help="A TOML file describing the form.")],
) -> None:
    """Store a form described in a TOML file (not sent yet). Says its id and how to send it."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"Cannot read {file}: {error.__class__.__name__}")
    from bot.services import forms
    from bot.services.delivery import schedule
    from bot.services.forms import spec_file

    async def body(services: Services) -> str:
        tz = services.settings.tz
        spec = spec_file.parse(text, tz=tz)
        async with services.db.session() as session:
            form = await forms.create(session, spec, created_by=None, clock=services.clock)
            await session.commit()
        count = len(spec.questions)
        closes = "" if form.closes_at is None else f", closes {schedule.show(form.closes_at, tz)}"
        return (
            f"Form {form.id} created: {forms.form_title(form, 'en')} "
            f"({count} question{'' if count == 1 else 's'}, to {form.audience}{closes}); "
            f"send it with `signbot forms send {form.id}`."
        )

    typer.echo(with_services(body))


@forms_app.command("list")
def forms_list() -> None:
    """The forms, open ones first, with their answers so far."""
    from bot.services import forms
    from bot.services.delivery import schedule
    from bot.services.forms import manage
    from bot.services.forms.progress import progress

    async def body(services: Services) -> list[str]:
        tz = services.settings.tz
        lines = []
        async with services.db.session() as session:
            await forms.ensure_profile_form(session, clock=services.clock)
            await session.commit()
            for form in await manage.list_forms(session):
                found = await progress(session, form)
                closes = (
                    "" if form.closes_at is None else f" closes {schedule.show(form.closes_at, tz)}"
                )
                kind = "organisations" if found.per_organisation else "reached"
                lines.append(
                    f"{form.id:>4}  {form.status.value:<6}  {found.answered}/{found.total} {kind}"
                    f"  {form.audience}{closes}  {forms.form_title(form, 'en')}"
                )
        return lines

    typer.echo("\n".join(with_services(body)))


@forms_app.command("send")
def forms_send(form_id: FormId) -> None:
    """Send the form's card to its audience now."""
    from bot.services import forms
    from bot.services.forms import sending

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            form = await forms.get(session, form_id)
            sent = await sending.send(session, form, actor=None, clock=services.clock)
            await session.commit()
        return (
            f"Form {form_id} goes out to {sent.recipients} recipient(s) "
            f"(campaign {sent.campaign.id})."
        )

    typer.echo(with_services(body))


@forms_app.command("progress")
def forms_progress(form_id: FormId) -> None:
    """Answers, drafts and who has not answered yet."""
    from bot.services import forms
    from bot.services.forms.progress import progress

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            form = await forms.get(session, form_id)
            found = await progress(session, form)
        if found.per_organisation:
            head = (
                f"{found.answered} of {found.total} organisation(s) answered, "
                f"{found.in_progress} in progress, {found.missing} missing "
                f"({found.without_contact} without an approved contact)."
            )
        else:
            head = (
                f"{found.answered} of {found.total} reached answered, "
                f"{found.in_progress} in progress, {found.not_started} not started."
            )
        waiting = "\n".join(f"  {name}" for name in found.waiting_names)
        return f"{head}\nNot answered yet:\n{waiting}" if waiting else head

    typer.echo(with_services(body))


@forms_app.command("remind")
def forms_remind(form_id: FormId) -> None:
    """Remind those who were sent the form and have not answered yet."""
    from bot.services import forms
    from bot.services.forms import sending

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            form = await forms.get(session, form_id)
            sent = await sending.remind(session, form, actor=None, clock=services.clock)
            await session.commit()
        return (
            f"Reminder of form {form_id} goes out to {sent.recipients} recipient(s) "
            f"(campaign {sent.campaign.id})."
        )

    typer.echo(with_services(body))


@forms_app.command("export")
def forms_export(form_id: FormId, output: CsvOutput = None) -> None:
    """The answers in force as CSV (recorded in the audit log)."""
    from bot.services import forms
    from bot.services.forms import export

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            form = await forms.get(session, form_id)
            text = await export.export_csv(
                session, form, actor=None, clock=services.clock, tz=services.settings.tz
            )
            await session.commit()
        return text

    emit_csv(with_services(body), output, rows_are="answer(s)")


@forms_app.command("close")
def forms_close(form_id: FormId) -> None:
    """Close the form now: no more answers."""
    from bot.services import forms
    from bot.services.forms import manage
    from bot.services.forms.progress import progress

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            form = await forms.get(session, form_id)
            await manage.close(session, form, actor=None, clock=services.clock)
            found = await progress(session, form)
            await session.commit()
        return f"Form {form_id} is closed with {found.answered} answer(s)."

    typer.echo(with_services(body))
