"""The steps and buttons of /newpoll, and the words for its audience."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup

from bot.models import Meeting, Organisation, SubRegion, Topic
from bot.services.delivery import Button
from bot.texts import t
from handlers.broadcast.keyboards import FIRST_STEP, audience_label
from handlers.core.staff_guard import staff_steps
from handlers.delivery.sender import keyboard
from handlers.polls.actions import PollCreate

PN_QUESTION = "pn_question"
PN_OPTIONS = "pn_options"
PN_MULTIPLE = "pn_multiple"
PN_COMMENT = "pn_comment"
PN_ANONYMOUS = "pn_anonymous"
PN_CLOSES = "pn_closes"
PN_AUDIENCE = "pn_audience"
PN_ORG = "pn_org"
PN_CONFIRM = "pn_confirm"
NEW_POLL_STEPS = staff_steps(
    PN_QUESTION,
    PN_OPTIONS,
    PN_MULTIPLE,
    PN_COMMENT,
    PN_ANONYMOUS,
    PN_CLOSES,
    PN_AUDIENCE,
    PN_ORG,
    PN_CONFIRM,
)
TWO_CHOICES = {
    PN_MULTIPLE: (("single", "poll_button_single"), ("multiple", "poll_button_multiple")),
    PN_COMMENT: (("comment", "poll_button_yes"), ("nocomment", "poll_button_no")),
    PN_ANONYMOUS: (("anonymous", "poll_button_yes"), ("named", "poll_button_no")),
}


def _button(text: str, draft: str, choice: str, value: str = "") -> Button:
    return Button(text, callback=PollCreate(draft, choice, value).encode())


def _markup(rows: Sequence[Sequence[Button]]) -> InlineKeyboardMarkup | None:
    return keyboard(tuple(tuple(row) for row in rows))


def done(draft: str, lang: str) -> InlineKeyboardMarkup | None:
    """ "Klar" under the options, once there are enough."""
    return _markup([[_button(t("poll_button_done", lang), draft, "done")]])


def two_choices(step: str, draft: str, lang: str) -> InlineKeyboardMarkup | None:
    """The two answers of a yes/no-like step, side by side."""
    return _markup([[_button(t(key, lang), draft, choice) for choice, key in TWO_CHOICES[step]]])


def closing(draft: str, lang: str, days: int) -> InlineKeyboardMarkup | None:
    """The default closing time as a button."""
    return _markup([[_button(t("poll_button_in_days", lang, days=days), draft, "default")]])


def audience_kinds(draft: str, lang: str) -> InlineKeyboardMarkup | None:
    """The broadcast audiences, plus the attendees of a meeting."""
    rows = [[_button(t(f"button_audience_{kind}", lang), draft, kind)] for kind in FIRST_STEP]
    rows.append([_button(t("poll_button_audience_meeting", lang), draft, "meeting")])
    return _markup(rows)


def subregions(draft: str) -> InlineKeyboardMarkup | None:
    """The four sub-regions."""
    return _markup([[_button(s.value, draft, "subregion", s.value)] for s in SubRegion])


def topics(draft: str, lang: str) -> InlineKeyboardMarkup | None:
    """The subscribers of one topic."""
    return _markup(
        [[_button(t(f"topic_{topic.value}", lang), draft, "topic", topic.value)] for topic in Topic]
    )


def organisations(draft: str, found: Sequence[Organisation]) -> InlineKeyboardMarkup | None:
    """Search results, one organisation a button."""
    return _markup([[_button(org.name, draft, "org", str(org.id))] for org in found])


def meetings(draft: str, found: Sequence[Meeting]) -> InlineKeyboardMarkup | None:
    """Meetings whose attendees may get the poll."""
    return _markup([[_button(m.title, draft, "meeting", str(m.id))] for m in found])


def decision(draft: str, lang: str) -> InlineKeyboardMarkup | None:
    """Under the preview: send or drop."""
    return _markup(
        [
            [
                _button(t("poll_button_send", lang), draft, "send"),
                _button(t("poll_button_drop", lang), draft, "drop"),
            ]
        ]
    )


def label(spec: str, lang: str, *, name: str | None = None) -> str:
    """The audience in words; ``name`` is the organisation's or the meeting's."""
    if spec.startswith("attendees:"):
        return t("poll_audience_meeting", lang, title=name or spec)
    return audience_label(spec, lang, org_name=name)
