"""Campaigns in words for staff: what each one is about, and whom it goes to.

/campaigns, the report to a campaign's author and ``signbot campaigns`` all name campaigns
this way, so staff never meet internal ids: a broadcast by its first words, an automatic
campaign (a meeting's reminder, a poll, a form, a digest) by what it is and what it is
about, e.g. "⏰ Påminnelse 1 dygn före: Dialogmöte, 2026-12-03 13:00 CET".

Every audience kind (``audience.KINDS``) and every subject kind (``SUBJECT_KINDS``) has its
words; a kind without them, or a row since deleted, falls back to plain words rather than
failing, so a new kind can never break the staff views. Labels are Telegram HTML (``Html``),
escaped once, ready to go into a catalogue text.
"""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from bot.errors import DomainError
from bot.models import (
    Campaign,
    DigestEdition,
    Feed,
    Form,
    FundingCall,
    Meeting,
    NominationRound,
    Organisation,
    Poll,
    User,
)
from bot.services.calls import subjects as call_subjects
from bot.services.delivery import audience
from bot.services.delivery.notices import excerpt
from bot.services.delivery.schedule import show
from bot.services.digest import subjects as digest_subjects
from bot.services.forms import subjects as form_subjects
from bot.services.forms.labels import form_title
from bot.services.meetings import subjects as meeting_subjects
from bot.services.meetings.notices import before
from bot.services.polls import SUBJECT as POLL_SUBJECT
from bot.services.staff_notices import (
    FEED_CAPPED,
    FEED_DISABLED,
    FEED_RECOVERED,
    FORM_CLOSED,
    LINK_REQUEST,
    MEETING_CAPACITY,
    NOMINATION_CLOSED,
    POLL_RESULT,
    first_id,
    parse_facts,
)
from bot.texts import CATALOGUE, DEFAULT_LANGUAGE, Html, t

# The row whose name an id audience shows: "org:3" -> the organisation's name.
_NAMED: dict[str, tuple[InstrumentedAttribute[str], InstrumentedAttribute[int]]] = {
    "org": (Organisation.name, Organisation.id),
    "meeting": (Meeting.title, Meeting.id),
    "attendees": (Meeting.title, Meeting.id),
    "user": (User.display_name, User.id),
}


def _known(key: str) -> bool:
    return key in CATALOGUE[DEFAULT_LANGUAGE]


def audience_words(spec: str, lang: str, *, name: str | None = None) -> Html:
    """The audience in words, e.g. "organisations in Skaraborg"; ``name`` names an id kind."""
    try:
        parsed = audience.parse(spec)
    except DomainError:
        return Html(html.escape(spec))  # stored before its kind was retired: still true
    value = parsed.value
    key = f"audience_label_{parsed.kind}"
    if parsed.kind == "topic":
        value = t(f"topic_{value}", lang)
    elif parsed.kind == "digest":
        key = f"audience_label_digest_{value.rstrip('+')}"
    elif parsed.kind in audience.ID_KINDS:
        value = name or f"#{value}"
    return Html(t(key, lang, value=value) if _known(key) else html.escape(parsed.spec))


async def audience_label(session: AsyncSession, spec: str, lang: str) -> Html:
    """The audience in words, naming the organisation, meeting, person or form it is about."""
    try:
        parsed = audience.parse(spec)
    except DomainError:
        return Html(html.escape(spec))
    name: str | None = None
    if parsed.kind == "form":
        form = await session.get(Form, int(parsed.value))
        name = form_title(form, lang) if form else None
    elif parsed.kind in _NAMED:
        column, key = _NAMED[parsed.kind]
        name = await session.scalar(select(column).where(key == int(parsed.value)))
    return audience_words(parsed.spec, lang, name=name)


Titler = Callable[[AsyncSession, str, str, ZoneInfo], Awaitable[str | None]]


def _meeting_title(key: str) -> Titler:
    async def title(session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo) -> str | None:
        parsed = meeting_subjects.parse_arguments(arguments)
        meeting = await session.get(Meeting, parsed.meeting_id) if parsed else None
        if parsed is None or meeting is None:
            return None
        extra = {"before": before(parsed.minutes or 0, lang)} if parsed.minutes else {}
        return t(key, lang, title=meeting.title, when=show(meeting.starts_at, tz), **extra)

    return title


def _call_title(key: str) -> Titler:
    async def title(session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo) -> str | None:
        call_id = call_subjects.parse_call_id(arguments)
        call = await session.get(FundingCall, call_id) if call_id is not None else None
        return t(key, lang, title=call.title) if call else None

    return title


def _form_title(key: str) -> Titler:
    async def title(session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo) -> str | None:
        form = await session.get(Form, int(arguments)) if arguments.isdigit() else None
        return t(key, lang, title=form_title(form, lang)) if form else None

    return title


async def _poll_title(session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo) -> str | None:
    poll = await session.get(Poll, int(arguments)) if arguments.isdigit() else None
    return t("poll_summary", lang, question=poll.question) if poll else None


async def _digest_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    edition_id = digest_subjects.parse_edition_id(arguments)
    edition = await session.get(DigestEdition, edition_id) if edition_id is not None else None
    if edition is None:
        return None
    return t(f"digest_summary_{edition.kind.value}", lang, when=show(edition.scheduled_for, tz))


async def _form_closed_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    form_id = first_id(arguments)
    form = await session.get(Form, form_id) if form_id is not None else None
    return t("form_closed_summary", lang, title=form_title(form, lang)) if form else None


async def _nomination_closed_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    round_id = first_id(arguments)
    found = await session.get(NominationRound, round_id) if round_id is not None else None
    return t("nomination_closed_summary", lang, title=found.title) if found else None


def _feed_title(key: str) -> Titler:
    async def title(session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo) -> str | None:
        feed_id = first_id(arguments)
        feed = await session.get(Feed, feed_id) if feed_id is not None else None
        return t(key, lang, url=feed.url) if feed else None

    return title


async def _poll_result_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    poll_id = first_id(arguments)
    poll = await session.get(Poll, poll_id) if poll_id is not None else None
    return t("poll_result_summary", lang, question=poll.question) if poll else None


async def _link_request_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    # The organisation only: the stored summary must not keep a member's name after /delete.
    facts = parse_facts(arguments)
    org_id = facts[1] if len(facts) == 2 else ""
    org = await session.get(Organisation, int(org_id)) if org_id.isdigit() else None
    return t("link_request_summary", lang, org=org.name) if org else None


async def _capacity_title(
    session: AsyncSession, arguments: str, lang: str, tz: ZoneInfo
) -> str | None:
    meeting_id = first_id(arguments)
    meeting = await session.get(Meeting, meeting_id) if meeting_id is not None else None
    if meeting is None:
        return None
    return t(
        "meeting_summary_capacity", lang, title=meeting.title, when=show(meeting.starts_at, tz)
    )


# What each kind of automatic campaign is about, keyed by its subject kind ("<kind>:...").
TITLES: dict[str, Titler] = {
    meeting_subjects.CARD: _meeting_title("meeting_summary_card"),
    meeting_subjects.REMINDER: _meeting_title("meeting_summary_reminder"),
    meeting_subjects.CHANGED: _meeting_title("meeting_summary_changed"),
    meeting_subjects.CANCELLED: _meeting_title("meeting_summary_cancelled"),
    meeting_subjects.PROMOTED: _meeting_title("meeting_summary_promoted"),
    call_subjects.CARD: _call_title("call_campaign_summary"),
    call_subjects.REMINDER: _call_title("call_reminder_summary"),
    form_subjects.CARD: _form_title("form_staff_summary"),
    form_subjects.REMINDER: _form_title("form_staff_reminder_summary"),
    POLL_SUBJECT: _poll_title,
    digest_subjects.SUBJECT: _digest_title,
    FORM_CLOSED: _form_closed_title,
    NOMINATION_CLOSED: _nomination_closed_title,
    FEED_DISABLED: _feed_title("feeds_staff_disabled_summary"),
    FEED_RECOVERED: _feed_title("feeds_staff_recovered_summary"),
    FEED_CAPPED: _feed_title("feeds_staff_capped_summary"),
    POLL_RESULT: _poll_result_title,
    LINK_REQUEST: _link_request_title,
    MEETING_CAPACITY: _capacity_title,
}
SUBJECT_KINDS = tuple(TITLES)


async def subject_title(session: AsyncSession, subject: str, lang: str, tz: ZoneInfo) -> str | None:
    """What an automatic campaign's subject is about; None for an unknown kind or a row
    since deleted."""
    kind, _, arguments = subject.partition(":")
    titler = TITLES.get(kind)
    return await titler(session, arguments, lang, tz) if titler else None


async def summary(session: AsyncSession, subject: str, tz: ZoneInfo) -> str:
    """The summary stored with an automatic campaign when it is made (its Swedish title)."""
    return await subject_title(session, subject, DEFAULT_LANGUAGE, tz) or html.escape(subject)


async def title(session: AsyncSession, campaign: Campaign, lang: str, tz: ZoneInfo) -> Html:
    """What the campaign is, in the reader's language: a broadcast by its first words, an
    automatic campaign by its kind and what it is about."""
    if campaign.subject is None:
        words = excerpt(campaign.text_html)
        if not words:
            return Html(t("campaign_title_media", lang))
        return Html(t("campaign_title_broadcast", lang, excerpt=words))
    found = await subject_title(session, campaign.subject, lang, tz)
    # The summary written when it was made (in Swedish) still says what it was about.
    return Html(found or t("campaign_title_other", lang, excerpt=excerpt(campaign.text_html)))


async def titles(
    session: AsyncSession, found: Sequence[Campaign], lang: str, tz: ZoneInfo
) -> dict[int, Html]:
    """Each campaign's title by id."""
    return {campaign.id: await title(session, campaign, lang, tz) for campaign in found}
