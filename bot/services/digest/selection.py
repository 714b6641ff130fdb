"""Choosing what one reader's digest holds from the edition's shared content.

A selector serves one batch; readers with the same language, window, answers and
announcements get the same selection object, so the view (bot/views/digest/) renders a
batch of thousands at little more than the cost of its distinct cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import AttendanceStatus, EditionKind
from bot.services.digest.content import (
    AHEAD,
    AnnouncementItem,
    CallItem,
    DigestContent,
    MeetingItem,
    NewsItem,
    PollItem,
)
from bot.services.digest.window import Window
from bot.timeutil import as_utc

Answer = tuple[AttendanceStatus | None, int | None]  # status and place in the waiting line


@dataclass(frozen=True, eq=False)
class Selection:
    """One reader's digest before rendering: its items in order, in the reader's language.

    ``calls`` pair each call with whether it is new since the reader's last digest;
    ``meetings`` pair each upcoming meeting with the reader's own answer.
    """

    lang: str
    kind: EditionKind
    note: str
    since: datetime  # the reader's window start
    now: datetime
    tz: ZoneInfo
    announcements: tuple[AnnouncementItem, ...]
    polls: tuple[PollItem, ...]
    meetings: tuple[tuple[MeetingItem, Answer], ...]
    calls: tuple[tuple[CallItem, bool], ...]
    news: tuple[NewsItem, ...]


class Selector:
    """Selects the digests of one batch of readers of one edition."""

    def __init__(self, content: DigestContent, *, now: datetime, tz: ZoneInfo) -> None:
        self.content = content
        self.now = as_utc(now)
        self.tz = tz
        self._selected: dict[tuple[object, ...], Selection | None] = {}

    def select(
        self,
        lang: str,
        window: Window,
        answers: tuple[Answer, ...],
        heard: frozenset[int],
        unanswered: frozenset[int] = frozenset(),
    ) -> Selection | None:
        """The digest of a reader (None when it would be empty).

        ``answers`` follow ``content.meetings``; ``heard`` are the announcements whose
        audience the reader is in; ``unanswered`` the open polls they got and have not
        answered. Readers alike get the same object.
        """
        key = (lang, window, answers, heard, unanswered)
        if key not in self._selected:
            self._selected[key] = self._select(lang, window, answers, heard, unanswered)
        return self._selected[key]

    def _select(
        self,
        lang: str,
        window: Window,
        answers: tuple[Answer, ...],
        heard: frozenset[int],
        unanswered: frozenset[int],
    ) -> Selection | None:
        start, end = window
        c = self.content

        def inside(moment: datetime) -> bool:
            return start < moment <= end

        announcements = [a for a in c.announcements if a.id in heard and inside(a.sent_at)]
        soon = self.now + AHEAD
        calls = [
            (call, inside(call.created_at))
            for call in c.calls
            if inside(call.created_at) or (call.deadline is not None and call.deadline <= soon)
        ]
        news = [n for n in c.news if inside(n.seen_at)]
        open_polls = [p for p in c.polls if p.id in unanswered]
        if not (announcements or c.meetings or calls or news or open_polls or c.note):
            return None
        return Selection(
            lang=lang,
            kind=c.kind,
            note=c.note,
            since=start,
            now=self.now,
            tz=self.tz,
            announcements=tuple(announcements),
            polls=tuple(open_polls),
            meetings=tuple(zip(c.meetings, answers, strict=True)),
            calls=tuple(calls),
            news=tuple(news),
        )
