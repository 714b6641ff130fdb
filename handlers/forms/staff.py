"""/formadmin (staff): each form with its progress and buttons to send it, see who has not
answered, remind them, export the answers as CSV, or close it."""

from __future__ import annotations

from telegram import Update

from bot.models import Form, FormStatus
from bot.services import campaign_labels, forms
from bot.services.delivery import Button, Buttons
from bot.services.forms import export, manage, sending
from bot.services.forms.progress import Progress, progress
from bot.texts import t
from handlers.core.common import (
    Context,
    ask_confirmation,
    reply,
    services,
    user_session,
)
from handlers.core.documents import send_csv
from handlers.core.staff_guard import staff_language
from handlers.delivery.sender import keyboard
from handlers.forms.actions import FormStaff
from handlers.meetings.view import edit_card

NAMES_SHOWN = 40  # names in "Läget"; the rest are counted


def _button(form_id: int, action: str, lang: str) -> Button:
    return Button(
        t(f"form_staff_button_{action}", lang), callback=FormStaff(form_id, action).encode()
    )


def _buttons(form: Form, lang: str) -> Buttons:
    if form.status != FormStatus.OPEN:
        return ((_button(form.id, "progress", lang), _button(form.id, "csv", lang)),)
    return (
        (
            _button(form.id, "send", lang),
            _button(form.id, "progress", lang),
            _button(form.id, "remind", lang),
        ),
        (_button(form.id, "csv", lang), _button(form.id, "close", lang)),
    )


def _line(form: Form, found: Progress, lang: str) -> str:
    key = "form_staff_line_org" if found.per_organisation else "form_staff_line"
    status = t(f"form_staff_status_{form.status.value}", lang)
    title = forms.form_title(form, lang)
    return t(
        key,
        lang,
        form_id=form.id,
        title=title,
        status=status,
        answered=found.answered,
        total=found.total,
        in_progress=found.in_progress,
    )


async def formadmin_command(update: Update, context: Context) -> None:
    """/formadmin: one card per form (the profile form is created first, so it can be sent)."""
    lang = await staff_language(update, context)
    svc = services(context)
    cards: list[tuple[str, Buttons]] = []
    async with svc.db.session() as session:
        await forms.ensure_profile_form(session, clock=svc.clock)
        await session.commit()
        for form in await manage.list_forms(session):
            cards.append((_line(form, await progress(session, form), lang), _buttons(form, lang)))
    await reply(update, context, t("form_staff_header", lang, count=len(cards)))
    for text, buttons in cards:
        await reply(update, context, text, keyboard=keyboard(buttons))


async def _label(form: Form, lang: str, context: Context) -> str:
    async with services(context).db.session() as session:
        return await campaign_labels.audience_label(session, form.audience, lang)


def _confirm(form_id: int, action: str, lang: str) -> Buttons:
    return ((_button(form_id, f"{action}_ok", lang), _button(form_id, "keep", lang)),)


async def _ask(update: Update, context: Context, action: FormStaff, lang: str) -> None:
    """The question before sending, reminding or closing, with what it would do."""
    async with services(context).db.session() as session:
        form = await forms.get(session, action.form_id)
        title = forms.form_title(form, lang)
        if action.action == "send":
            count = await sending.reach(session, form)
            label = await _label(form, lang, context)
            text = t("form_staff_send_confirm", lang, title=title, audience=label, count=count)
        elif action.action == "remind":
            count = await sending.remindable(session, form)
            text = t("form_staff_remind_confirm", lang, title=title, count=count)
        else:
            text = t("form_staff_close_confirm", lang, title=title)
    markup = keyboard(_confirm(form.id, action.action, lang))
    await ask_confirmation(update, context, text, keyboard=markup)


async def _do(update: Update, context: Context, action: FormStaff, lang: str) -> None:
    """Send, remind or close, confirmed; the card the question was on says what happened."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        form = await forms.get(session, action.form_id)
        title = forms.form_title(form, lang)
        if action.action == "send_ok":
            sent = await sending.send(session, form, actor=user.telegram_id, clock=svc.clock)
            text = t("form_staff_sent", lang, title=title, count=sent.recipients)
        elif action.action == "remind_ok":
            sent = await sending.remind(session, form, actor=user.telegram_id, clock=svc.clock)
            text = t("form_staff_reminded", lang, title=title, count=sent.recipients)
        else:
            await manage.close(session, form, actor=user.telegram_id, clock=svc.clock)
            text = t("form_staff_closed", lang, title=title)
    await edit_card(update, text, None)


def progress_text(form: Form, found: Progress, lang: str) -> str:
    """The counts and the names of those who have not answered yet."""
    title = forms.form_title(form, lang)
    if found.per_organisation:
        head = t(
            "form_staff_progress_org",
            lang,
            title=title,
            total=found.total,
            answered=found.answered,
            in_progress=found.in_progress,
            missing=found.missing,
            without_contact=found.without_contact,
        )
    else:
        head = t(
            "form_staff_progress",
            lang,
            title=title,
            total=found.total,
            answered=found.answered,
            in_progress=found.in_progress,
            not_started=found.not_started,
        )
    if not found.waiting_names:
        return head
    shown = ", ".join(found.waiting_names[:NAMES_SHOWN])
    lines = [head, "", t("form_staff_waiting", lang, names=shown)]
    if len(found.waiting_names) > NAMES_SHOWN:
        more = len(found.waiting_names) - NAMES_SHOWN
        lines.append(t("form_staff_waiting_more", lang, count=more))
    return "\n".join(lines)


async def _progress(update: Update, context: Context, form_id: int, lang: str) -> None:
    async with services(context).db.session() as session:
        form = await forms.get(session, form_id)
        text = progress_text(form, await progress(session, form), lang)
    await reply(update, context, text)


async def _export(update: Update, context: Context, form_id: int) -> None:
    """The answers in force as a CSV document (audited before it is sent)."""
    svc = services(context)
    async with user_session(update, context) as (session, user):
        lang = user.language
        form = await forms.get(session, form_id)
        title = forms.form_title(form, lang)
        data = await export.export_csv(
            session, form, actor=user.telegram_id, clock=svc.clock, tz=svc.settings.tz
        )
    caption = t("form_csv_caption", lang, title=title)
    await send_csv(update, context, data, filename=f"formular-{form_id}.csv", caption=caption)


async def staff_action(update: Update, context: Context, action: FormStaff) -> str:
    """One /formadmin button; the role is checked on every press."""
    lang = await staff_language(update, context)
    if action.action in ("send", "remind", "close"):
        await _ask(update, context, action, lang)
    elif action.action in ("send_ok", "remind_ok", "close_ok"):
        await _do(update, context, action, lang)
    elif action.action == "progress":
        await _progress(update, context, action.form_id, lang)
    elif action.action == "csv":
        await _export(update, context, action.form_id)
    else:
        await edit_card(update, t("form_staff_kept", lang), None)
    return ""
