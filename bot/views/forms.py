"""The form card's text: title, intro, the questions' count, the closing time, the reader's state.

Its button, and the renderers of the subjects "form:<id>" and "form_reminder:<id>", are in
``handlers.forms.cards``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import Form
from bot.services.forms import form_intro, form_title
from bot.texts import t
from bot.views.meetings import date_text, moment_text


@dataclass(frozen=True)
class Reader:
    """One recipient as the card needs them: language, whether they may answer, and where
    they stand (a paused draft's position, the date their answer in force was sent)."""

    lang: str
    may_answer: bool
    paused_at: int | None = None
    sent_at: datetime | None = None


def card_text(form: Form, reader: Reader, tz: ZoneInfo, *, now: datetime) -> str:
    """Title, intro, the number of questions, the closing time, and the reader's state."""
    lang = reader.lang
    lines = [t("form_card_title", lang, title=form_title(form, lang))]
    intro = form_intro(form, lang)
    if intro:
        lines.append(t("form_card_intro", lang, intro=intro))
    count = len(form.questions)
    facts = t("form_card_questions" if count > 1 else "form_card_question_one", lang, count=count)
    if form.closes_at is not None:
        when = moment_text(form.closes_at, lang, tz, now=now)
        facts += "\n" + t("form_card_closes", lang, time=when)
    lines.append(facts)
    lines.append(state_text(form, reader, tz, now=now))
    return "\n\n".join(lines)


def state_text(form: Form, reader: Reader, tz: ZoneInfo, *, now: datetime) -> str:
    """Not started, paused at question N, or sent on a date."""
    lang = reader.lang
    if reader.paused_at is not None:
        number = min(reader.paused_at + 1, len(form.questions))
        return t("form_card_paused", lang, number=number, count=len(form.questions))
    if reader.sent_at is not None:
        key = "form_card_sent_org" if form.per_organisation else "form_card_sent"
        return t(key, lang, date=date_text(reader.sent_at, lang, tz, now=now))
    return t("form_card_not_started", lang)
