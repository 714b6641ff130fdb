"""The personaliser's renderers for staff notices: the stored facts in each reader's language."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Form, NominationRound
from bot.services import forms, staff_notices
from bot.services.delivery import Personal
from bot.texts import t

Rendered = dict[int, Personal | None]
Text = Callable[[AsyncSession, tuple[int, ...], str], Awaitable[str | None]]


async def _form_closed(session: AsyncSession, facts: tuple[int, ...], lang: str) -> str | None:
    form_id, answered, total = facts
    form = await session.get(Form, form_id)
    if form is None:
        return None
    title = forms.form_title(form, lang)
    return t(
        "form_closed_notice", lang, form_id=form_id, title=title, answered=answered, total=total
    )


async def _nomination_closed(
    session: AsyncSession, facts: tuple[int, ...], lang: str
) -> str | None:
    round_id, count = facts
    found = await session.get(NominationRound, round_id)
    if found is None:
        return None
    return t("nomination_closed_notice", lang, round_id=round_id, title=found.title, count=count)


TEXTS: dict[str, tuple[Text, int]] = {
    staff_notices.FORM_CLOSED: (_form_closed, 3),
    staff_notices.NOMINATION_CLOSED: (_nomination_closed, 2),
}


def renderer(
    kind: str,
) -> Callable[[AsyncSession, str, Sequence[int], datetime], Awaitable[Rendered]]:
    """The renderer of one kind of staff notice; nothing (skipped) if its subject is garbled."""
    text, arity = TEXTS[kind]

    async def render(
        session: AsyncSession, arguments: str, user_ids: Sequence[int], now: datetime
    ) -> Rendered:
        facts = staff_notices.parse_facts(arguments)
        if facts is None or len(facts) != arity:
            return {}
        langs = await staff_notices.languages(session, user_ids)
        by_lang = {lang: await text(session, facts, lang) for lang in set(langs.values())}
        return {
            user_id: Personal(found) if (found := by_lang[lang]) else None
            for user_id, lang in langs.items()
        }

    return render
