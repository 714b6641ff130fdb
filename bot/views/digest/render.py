"""The digest's text and buttons, rendered from the service's selection of what it holds.

A view serves one batch: item snippets are rendered once per language (a meeting once per
answer), and readers sharing a selection share the rendered digest. Its layout and cut are
in ``bot.views.digest.layout``; the buttons' Telegram form is in handlers/digest/render.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from markupsafe import Markup

from bot.models import AttendanceStatus
from bot.services.digest.content import (
    AnnouncementItem,
    CallItem,
    MeetingItem,
    NewsItem,
    PollItem,
)
from bot.services.digest.selection import Answer, Selection
from bot.texts import plain_text, t
from bot.timeutil import local
from bot.views.digest.actions import Action, AnswerPoll, Digest, OpenLink, OpenSettings, SignUp
from bot.views.digest.layout import ITEMS, Head, Section, fit

SECTION_MAX = 10  # items a section shows before "…och N till"
SIGNUP_BUTTONS = 3
LINK_BUTTONS = 2
POLL_BUTTONS = 2
BUTTON_TITLE = 28  # characters of a title on a button


def tm(key: str, lang: str, **params: object) -> Markup:
    """A catalogue text as markup for the templates (its params are escaped by ``t``)."""
    return Markup(t(key, lang, **params))


@cache
def _names(key: str, lang: str) -> tuple[str, ...]:
    return tuple(t(key, lang).split(","))


def short_title(title: str) -> str:
    """A title short enough for a button, cut at a word."""
    if len(title) <= BUTTON_TITLE:
        return title
    cut = title[: BUTTON_TITLE - 1].rsplit(" ", 1)[0] or title[: BUTTON_TITLE - 1]
    return cut.rstrip(" ,.:;–-") + "…"


def render_all(found: Mapping[int, Selection | None]) -> dict[int, Digest | None]:
    """Each reader's digest from a batch's selections (readers alike share one object)."""
    views: dict[tuple[datetime, ZoneInfo], DigestView] = {}
    made: dict[int, Digest] = {}
    result: dict[int, Digest | None] = {}
    for user_id, selection in found.items():
        if selection is None:
            result[user_id] = None
            continue
        if id(selection) not in made:
            key = (selection.now, selection.tz)
            view = views.get(key) or views.setdefault(key, DigestView(selection.now, selection.tz))
            made[id(selection)] = view.render(selection)
        result[user_id] = made[id(selection)]
    return result


class DigestView:
    """Renders the digests of one batch, all at one moment and in one time zone."""

    def __init__(self, now: datetime, tz: ZoneInfo) -> None:
        self.now = now
        self.tz = tz
        self._snippets: dict[tuple[object, ...], Markup] = {}

    def date(self, moment: datetime, lang: str) -> str:
        """A local date, e.g. "tis 20 okt"."""
        day = local(moment, self.tz)
        weekday = _names("digest_weekdays", lang)[day.weekday()]
        month = _names("digest_months", lang)[day.month - 1]
        return t("digest_date", lang, weekday=weekday, day=day.day, month=month)

    def moment(self, moment: datetime, lang: str) -> str:
        """A local date and time, e.g. "tis 20 okt kl. 18.00"."""
        at = local(moment, self.tz)
        date = self.date(moment, lang)
        return t("digest_moment", lang, date=date, hour=f"{at:%H}", minute=f"{at:%M}")

    def _days_left(self, deadline: datetime, lang: str) -> str:
        days = (local(deadline, self.tz).date() - local(self.now, self.tz).date()).days
        if days <= 0:
            return t("call_left_today", lang)
        if days == 1:
            return t("call_left_tomorrow", lang)
        return t("call_left_days", lang, days=days)

    def _snippet(self, key: tuple[object, ...], make: Callable[[], Markup]) -> Markup:
        found = self._snippets.get(key)
        if found is None:
            found = self._snippets[key] = make()
        return found

    def _meeting_state(self, item: MeetingItem, answer: Answer, lang: str) -> Markup:
        status, position = answer
        if status == AttendanceStatus.GOING:
            return tm("digest_meeting_going", lang)
        if status == AttendanceStatus.WAITING:
            return tm("digest_meeting_waiting", lang, position=position or 1)
        if status == AttendanceStatus.DECLINED:
            return tm("digest_meeting_declined", lang)
        if self.now >= item.closes_at:
            return tm("digest_meeting_closed", lang)
        if item.full:
            return tm("digest_meeting_full", lang)
        if item.deadline is not None:
            return tm("digest_meeting_open", lang, date=self.moment(item.deadline, lang))
        return Markup()

    def meeting(self, item: MeetingItem, answer: Answer, lang: str) -> Markup:
        """A meeting with the reader's own answer, or how to sign up."""

        def make() -> Markup:
            where = [item.place] if item.place else []
            if item.online:
                where.append(t("digest_meeting_online", lang))
            view = {
                "title": item.title,
                "when": self.moment(item.starts_at, lang),
                "where": ", ".join(where),
                "state": self._meeting_state(item, answer, lang),
            }
            return Markup(ITEMS.meeting(view))

        return self._snippet(("meeting", item.id, lang, answer), make)

    def call(self, item: CallItem, lang: str, *, new: bool) -> Markup:
        """A funding call with its deadline; marked when new since the reader's last digest."""

        def make() -> Markup:
            if item.deadline is None:
                deadline = tm("digest_call_no_deadline", lang)
            else:
                shown, left = self.moment(item.deadline, lang), self._days_left(item.deadline, lang)
                deadline = tm("digest_call_deadline", lang, date=shown, left=left)
            view = {
                "new": tm("digest_call_new", lang) if new else "",
                "title": item.title,
                "link": item.link or "",
                "funder": item.funder,
                "deadline": deadline,
            }
            return Markup(ITEMS.call(view))

        return self._snippet(("call", item.id, lang, new), make)

    def news(self, item: NewsItem, lang: str) -> Markup:
        """A news item's title, linked to the article."""
        # A feed's title may be HTML (feedparser keeps markup it found there): show its text.
        view = {"title": plain_text(item.title) or item.link or "", "link": item.link or ""}
        return self._snippet(("news", item.id), lambda: Markup(ITEMS.news(view)))

    def announcement(self, item: AnnouncementItem, lang: str) -> Markup:
        """The date and an excerpt of a staff broadcast."""

        def make() -> Markup:
            text = Markup(item.text_html) if item.text_html.strip() else None
            view = {
                "date": self.date(item.sent_at, lang),
                "text": text or tm("digest_announcement_media", lang),
            }
            return Markup(ITEMS.announcement(view))

        return self._snippet(("announcement", item.id, lang), make)

    def poll(self, item: PollItem, lang: str) -> Markup:
        """An open poll the reader has not answered, with its closing time."""

        def make() -> Markup:
            closes = tm("digest_poll_closes", lang, date=self.moment(item.closes_at, lang))
            view = {"question": item.question, "closes": closes}
            return Markup(ITEMS.poll(view))

        return self._snippet(("poll", item.id, lang), make)

    def render(self, selection: Selection) -> Digest:
        """The digest's text within one message, and the actions of the items it kept."""
        lang = selection.lang
        sections = [
            self._section(
                "announcements", lang, [self.announcement(a, lang) for a in selection.announcements]
            ),
            self._section("polls", lang, [self.poll(p, lang) for p in selection.polls]),
            self._section(
                "meetings", lang, [self.meeting(m, a, lang) for m, a in selection.meetings]
            ),
            self._section(
                "calls", lang, [self.call(call, lang, new=new) for call, new in selection.calls]
            ),
            self._section(
                "news", lang, [self.news(n, lang) for n in selection.news], separator="\n"
            ),
        ]
        head = Head(
            title=tm(f"digest_title_{selection.kind.value}", lang),
            since=tm("digest_since", lang, date=self.date(selection.since, lang)),
            note_heading=tm("digest_note_heading", lang),
            note=selection.note,
        )
        shown = [s for s in sections if s.items]
        text = fit(head, shown)
        polls_kept, meetings_kept, calls_kept = (sections[i].kept for i in (1, 2, 3))
        actions = self._actions(
            lang,
            selection.meetings[:meetings_kept],
            [call for call, _ in selection.calls[:calls_kept]],
            list(selection.polls[:polls_kept]),
        )
        return Digest(text, actions)

    def _section(
        self, name: str, lang: str, items: list[Markup], *, separator: str = "\n\n"
    ) -> Section:
        return Section(
            heading=tm(f"digest_section_{name}", lang),
            items=items[:SECTION_MAX],
            more=lambda count: tm(f"digest_more_{name}", lang, count=count),
            separator=separator,
            left_out=max(0, len(items) - SECTION_MAX),
        )

    def _actions(
        self,
        lang: str,
        meetings: tuple[tuple[MeetingItem, Answer], ...],
        calls: list[CallItem],
        open_polls: list[PollItem],
    ) -> tuple[Action, ...]:
        """Answer the polls shown, sign up for meetings shown and not answered (while open),
        links to calls shown."""
        answer = t("digest_button_poll", lang)
        actions: list[Action] = [
            AnswerPoll(f"{answer}: {short_title(p.question)}", p.id)
            for p in open_polls[:POLL_BUTTONS]
        ]
        polls_shown = len(actions)
        signup = t("digest_button_signup", lang)
        for item, (status, _) in meetings:
            signups = len(actions) - polls_shown
            if signups < SIGNUP_BUTTONS and status is None and self.now < item.closes_at:
                actions.append(SignUp(f"{signup}: {short_title(item.title)}", item.id))
        read = t("digest_button_read", lang)
        linked = [call for call in calls if call.link][:LINK_BUTTONS]
        actions += [
            OpenLink(f"{read}: {short_title(call.title)}", call.link or "") for call in linked
        ]
        actions.append(OpenSettings(t("digest_button_settings", lang)))
        return tuple(actions)
