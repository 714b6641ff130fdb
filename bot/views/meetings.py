"""The meeting card's text: one rendering for pushes, /meetings and edits after a press.

Its buttons are in ``handlers.meetings.keyboards``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.models import AttendanceStatus, Meeting, MeetingStatus
from bot.services.meetings import Counts, MeetingDraft, MyStatus
from bot.texts import t
from bot.timeutil import as_utc, local

NO_STATUS = MyStatus(status=None, position=None)


@dataclass(frozen=True)
class Facts:
    """What a card shows of a meeting, stored or still a draft (id None)."""

    meeting_id: int | None
    title: str
    starts_at: datetime
    ends_at: datetime
    place: str | None
    online_url: str | None
    description: str
    signup_deadline: datetime | None
    capacity: int
    cancelled: bool = False
    announced: bool = True

    @classmethod
    def of(cls, meeting: Meeting) -> Facts:
        """The facts of a stored meeting."""
        return cls(
            meeting.id,
            meeting.title,
            meeting.starts_at,
            meeting.ends_at,
            meeting.place,
            meeting.online_url,
            meeting.description,
            meeting.signup_deadline,
            meeting.capacity,
            cancelled=meeting.status == MeetingStatus.CANCELLED,
            announced=meeting.announced_at is not None,
        )

    @classmethod
    def of_draft(cls, draft: MeetingDraft) -> Facts:
        """The facts of a meeting not created yet (the /newmeeting preview)."""
        return cls(
            None,
            draft.title,
            draft.starts_at,
            draft.ends_at,
            draft.place,
            draft.online_url,
            draft.description,
            draft.signup_deadline,
            draft.capacity,
            announced=False,
        )

    def closes_at(self) -> datetime:
        """When sign-up closes: the deadline, else the start."""
        return as_utc(self.signup_deadline or self.starts_at)


def _names(key: str, lang: str) -> list[str]:
    return t(key, lang).split(",")


def date_text(moment: datetime, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """A local date in words, e.g. "torsdag 3 december" (with the year when not this year)."""
    day = local(moment, tz)
    parts = {
        "weekday": _names("mtg_weekdays", lang)[day.weekday()],
        "day": day.day,
        "month": _names("mtg_months", lang)[day.month - 1],
    }
    if day.year != local(now, tz).year:
        return t("mtg_date_year", lang, year=day.year, **parts)
    return t("mtg_date", lang, **parts)


def clock_text(moment: datetime, lang: str, tz: ZoneInfo) -> str:
    """A local time of day, e.g. "13.00" in Swedish and "13:00" in English."""
    at = local(moment, tz)
    return t("mtg_clock", lang, hour=f"{at.hour:02d}", minute=f"{at.minute:02d}")


def when_text(
    starts_at: datetime, ends_at: datetime, lang: str, tz: ZoneInfo, *, now: datetime
) -> str:
    """The meeting's time, e.g. "torsdag 3 december kl. 13.00–15.00" in local time."""
    date = date_text(starts_at, lang, tz, now=now)
    start, end = clock_text(starts_at, lang, tz), clock_text(ends_at, lang, tz)
    if local(starts_at, tz).date() == local(ends_at, tz).date():
        return t("mtg_when", lang, date=date, start=start, end=end)
    end_date = date_text(ends_at, lang, tz, now=now)
    return t("mtg_when_days", lang, date=date, start=start, end_date=end_date, end=end)


def moment_text(moment: datetime, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """One point in time in words, e.g. "tisdag 1 december kl. 12.00"."""
    date = date_text(moment, lang, tz, now=now)
    return t("mtg_at", lang, date=date, time=clock_text(moment, lang, tz))


def _status_line(status: MyStatus, lang: str) -> str | None:
    if status.status == AttendanceStatus.GOING:
        return t("mtg_status_going", lang)
    if status.status == AttendanceStatus.WAITING:
        return t("mtg_status_waiting", lang, position=status.position or 1)
    if status.status == AttendanceStatus.DECLINED:
        return t("mtg_status_declined", lang)
    return None


def _signup_line(facts: Facts, lang: str, tz: ZoneInfo, *, now: datetime, going: int) -> list[str]:
    if facts.cancelled:
        return []
    if as_utc(now) >= facts.closes_at():
        return [t("mtg_card_closed", lang)]
    lines = []
    if facts.signup_deadline is not None:
        deadline = moment_text(facts.signup_deadline, lang, tz, now=now)
        lines.append(t("mtg_card_deadline", lang, deadline=deadline))
    if facts.capacity > 0:
        left = max(0, facts.capacity - going)
        if left:
            lines.append(t("mtg_card_seats", lang, left=left, capacity=facts.capacity))
        else:
            lines.append(t("mtg_card_full", lang))
    return lines


def _staff_lines(facts: Facts, counts: Counts, lang: str) -> list[str]:
    numbers = {
        "meeting_id": facts.meeting_id,
        "going": counts.going,
        "waiting": counts.waiting,
        "declined": counts.declined,
    }
    if facts.capacity > 0:
        lines = [t("mtg_staff_counts", lang, capacity=facts.capacity, **numbers)]
    else:
        lines = [t("mtg_staff_counts_unlimited", lang, **numbers)]
    if not facts.announced and not facts.cancelled:
        lines.append(t("mtg_staff_not_announced", lang))
    return lines


def details(facts: Facts, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """Title, time, place and link, and the description: what every notice repeats."""
    title_key = "mtg_card_cancelled_title" if facts.cancelled else "mtg_card_title"
    when = when_text(facts.starts_at, facts.ends_at, lang, tz, now=now)
    lines = [t(title_key, lang, title=facts.title), t("mtg_card_when", lang, when=when)]
    if facts.place:
        lines.append(t("mtg_card_place", lang, place=facts.place))
    if facts.online_url:
        lines.append(t("mtg_card_link", lang, url=facts.online_url))
    text = "\n".join(lines)
    if facts.description:
        text = f"{text}\n\n{html.escape(facts.description, quote=False)}"
    return text


def card_text(
    facts: Facts,
    lang: str,
    tz: ZoneInfo,
    *,
    now: datetime,
    status: MyStatus = NO_STATUS,
    counts: Counts | None = None,
    staff: bool = False,
) -> str:
    """The card: details, sign-up state and seats, the reader's own answer; counts for staff."""
    going = counts.going if counts is not None else 0
    blocks = [details(facts, lang, tz, now=now)]
    footer = _signup_line(facts, lang, tz, now=now, going=going)
    own = _status_line(status, lang)
    if own is not None:
        footer.append(own)
    if footer:
        blocks.append("\n".join(footer))
    if staff and counts is not None and facts.meeting_id is not None:
        blocks.append("\n".join(_staff_lines(facts, counts, lang)))
    return "\n\n".join(blocks)


def lead_text(minutes: int, lang: str) -> str:
    """How long before the start a reminder goes out, e.g. "en dag" or "2 timmar"."""
    if minutes % 1440 == 0:
        days = minutes // 1440
        return t("mtg_lead_day", lang) if days == 1 else t("mtg_lead_days", lang, count=days)
    if minutes % 60 == 0:
        hours = minutes // 60
        return t("mtg_lead_hour", lang) if hours == 1 else t("mtg_lead_hours", lang, count=hours)
    return t("mtg_lead_minutes", lang, count=minutes)


def with_header(header: str, body: str) -> str:
    """A notice: its header line above the meeting's details."""
    return f"{header}\n\n{body}"


def reminder_text(facts: Facts, minutes: int, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """A reminder ``minutes`` before the start: the details, then how to give up the seat."""
    header = t("mtg_reminder", lang, lead=lead_text(minutes, lang))
    body = details(facts, lang, tz, now=now)
    return f"{with_header(header, body)}\n\n{t('mtg_reminder_footer', lang)}"


def changed_text(
    facts: Facts, lang: str, tz: ZoneInfo, *, now: datetime, status: MyStatus, counts: Counts
) -> str:
    """The card under "the time or place changed"."""
    body = card_text(facts, lang, tz, now=now, status=status, counts=counts)
    return with_header(t("mtg_changed", lang), body)


def promoted_text(
    facts: Facts, lang: str, tz: ZoneInfo, *, now: datetime, status: MyStatus, counts: Counts
) -> str:
    """The card under "you got a seat" (moved up from the waiting line)."""
    body = card_text(facts, lang, tz, now=now, status=status, counts=counts)
    return with_header(t("mtg_promoted", lang), body)


def cancelled_text(facts: Facts, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """The cancellation: the title and the time that no longer holds."""
    when = when_text(facts.starts_at, facts.ends_at, lang, tz, now=now)
    return t("mtg_cancelled", lang, title=facts.title, when=when)
