"""`signbot orgs ...` and `signbot staff ...`: the signatory register, invitations, staff."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from bot.entrypoints.cli.support import fail, with_services
from bot.ids import MAX_KEY
from bot.timeutil import local

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from bot.models import Organisation
    from bot.services import menus
    from bot.services.container import Services

orgs_app = typer.Typer(
    help="The register of signatory organisations and invitations.", no_args_is_help=True
)
staff_app = typer.Typer(help="Staff members and admins.", no_args_is_help=True)


@orgs_app.command("import")
def orgs_import(file: Annotated[Path, typer.Argument(help="CSV file with a header row.")]) -> None:
    """Load the signatory register from CSV; a file with errors changes nothing."""
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"Cannot read {file}: {error.__class__.__name__}")
    from bot.services.org_import import OrgImportError, import_csv

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            report = await import_csv(session, text)
            await session.commit()
        return f"Imported {file.name}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged."

    try:
        typer.echo(with_services(body))
    except OrgImportError as error:
        typer.echo(f"{file.name} has {len(error.errors)} error(s); nothing was imported:", err=True)
        for line in error.errors:
            typer.echo(f"  {line}", err=True)
        typer.echo(IMPORT_HINT.format(file=file), err=True)
        raise typer.Exit(1) from None


IMPORT_HINT = (
    "Fix the rows named above in {file} and run `signbot orgs import {file}` again; "
    "nothing in the register changes until the whole file is right."
)


@orgs_app.command("list")
def orgs_list() -> None:
    """List the register."""
    from bot.services import organisations

    async def body(services: Services) -> list[str]:
        async with services.db.session() as session:
            found = await organisations.list_all(session)
        return [
            f"{org.id:>4}  {org.name}  {org.org_number or '-'}  {org.subregion or '-'}"
            f"{'  (paraply)' if org.umbrella else ''}"
            for org in found
        ]

    lines = with_services(body)
    typer.echo(
        "\n".join(lines) if lines else "The register is empty: use `signbot orgs import FILE.csv`."
    )


@orgs_app.command("invite")
def orgs_invite(
    name: Annotated[str, typer.Argument(help="The organisation's name as in the register.")],
    days: Annotated[int | None, typer.Option(help="Days until the link expires.")] = None,
) -> None:
    """Create an invitation link that links its user to the organisation at once."""
    from bot.bot_identity import fetch_username
    from bot.services import invitations
    from bot.services.delivery import schedule

    async def body(services: Services) -> tuple[str, str | None]:
        async with services.db.session() as session:
            org = await _find_organisation(session, name)
            invitation = await invitations.create(
                session, org.id, days=days or services.settings.invite_days, clock=services.clock
            )
            await session.commit()
        username = services.settings.bot_username or await fetch_username(services.settings)
        expires = schedule.show(invitation.expires_at, services.settings.tz)
        details = f"For {org.name}; valid until {expires}. Code: {invitation.code}"
        if username:
            return f"{invitations.deep_link(username, invitation.code)}\n{details}", None
        return details, USERNAME_UNKNOWN.format(code=invitation.code)

    link, warning = with_services(body)
    typer.echo(link)
    if warning:
        typer.echo(warning, err=True)


async def _find_organisation(session: AsyncSession, name: str) -> Organisation:
    """The organisation by its name in any case ("röda korset"), or by a part of it that only
    one name contains; a part several names contain stops with the candidates listed."""
    from bot.errors import DomainError
    from bot.services import organisations

    try:
        return await organisations.find_by_name(session, name)
    except DomainError:
        wanted = " ".join(name.split()).casefold()
        found = [
            org
            for org in await organisations.list_all(session)
            if wanted and wanted in " ".join(org.name.split()).casefold()
        ]
        if len(found) == 1:
            return found[0]
        if not found:
            raise
    names = "\n".join(f"  {org.name}" for org in found)
    fail(f"“{name}” matches {len(found)} organisations; give the full name of one:\n{names}")


USERNAME_UNKNOWN = (
    "The bot's username is unknown (no TELEGRAM_BOT_TOKEN or TELEGRAM_API_BASE_URL, or the Bot "
    "API did not answer "
    "getMe), so no t.me link could be made: set SIGNBOT_BOT_USERNAME and run this again, or "
    "revoke this code. Until then the person can send the bot: /start {code}"
)


@orgs_app.command("revoke")
def orgs_revoke(code: Annotated[str, typer.Argument(help="The invitation code.")]) -> None:
    """Withdraw an invitation so its link no longer works."""
    from bot.services import invitations

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            invitation = await invitations.revoke(session, code, clock=services.clock)
            await session.commit()
        return f"Revoked the invitation for {invitation.organisation.name}."

    typer.echo(with_services(body))


@orgs_app.command("invites")
def orgs_invites() -> None:
    """List invitations that still work."""
    from bot.services import invitations

    async def body(services: Services) -> list[str]:
        async with services.db.session() as session:
            active = await invitations.list_active(session, clock=services.clock)
        tz = services.settings.tz
        return [
            f"{inv.code}  {inv.organisation.name}  until {local(inv.expires_at, tz):%Y-%m-%d}  used {inv.uses}x"
            for inv in active
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No active invitations.")


@staff_app.command("add")
def staff_add(
    telegram_id: Annotated[
        int, typer.Argument(help="The person's Telegram user id.", min=1, max=MAX_KEY)
    ],
    admin: Annotated[bool, typer.Option("--admin", help="Make them an admin.")] = False,
) -> None:
    """Make someone staff (or admin)."""
    from bot.services import menus, users

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            user = await users.add_staff(session, telegram_id, admin=admin, clock=services.clock)
            await session.commit()
            menu = menus.menu_for(user)
        return f"{telegram_id} is now {user.role.value}. {await _menu_note(services, menu)}"

    typer.echo(with_services(body))


@staff_app.command("remove")
def staff_remove(
    telegram_id: Annotated[
        int, typer.Argument(help="The person's Telegram user id.", min=1, max=MAX_KEY)
    ],
) -> None:
    """Make a staff member an ordinary member again."""
    from bot.services import menus, users

    async def body(services: Services) -> str:
        async with services.db.session() as session:
            user = await users.remove_staff(session, telegram_id)
            await session.commit()
            menu = menus.menu_for(user)
        return f"{telegram_id} is now a member. {await _menu_note(services, menu)}"

    typer.echo(with_services(body))


async def _menu_note(services: Services, menu: menus.ChatMenu) -> str:
    """Give the person's chat the menu of their new role at once, if the Bot API answers."""
    from bot.bot_identity import set_chat_commands
    from bot.services import menus
    from handlers import features

    items = menus.commands(menu.language, features.menu(staff=menu.staff))
    if await set_chat_commands(services.settings, menu.chat_id, items):
        return "Their command menu is updated."
    return "Their command menu follows when the bot next starts."


@staff_app.command("list")
def staff_list() -> None:
    """List staff members and admins."""
    from bot.services import users

    async def body(services: Services) -> list[str]:
        async with services.db.session() as session:
            found = await users.staff_members(session)
        return [
            f"{u.telegram_id}  {u.role.value}  {u.display_name or '(has not written yet)'}"
            for u in found
        ]

    lines = with_services(body)
    typer.echo("\n".join(lines) if lines else "No staff yet: use `signbot staff add TELEGRAM_ID`.")
