"""Every audience kind and every campaign subject kind in words, through the staff views.

The kinds come from the code's own registries (``audience.KINDS`` and the personaliser's
renderers, which is what decides which subjects can be sent), so a kind added later fails
here until staff can read it, instead of crashing /campaigns.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import (
    Campaign,
    DigestEdition,
    EditionKind,
    Feed,
    Form,
    FundingCall,
    Meeting,
    NominationRound,
    Organisation,
    Poll,
    SubRegion,
    User,
)
from bot.services import campaign_labels, staff_notices
from bot.services.calls import subjects as call_subjects
from bot.services.delivery import audience, campaigns, notices
from bot.services.delivery.schedule import show
from bot.services.digest import subjects as digest_subjects
from bot.services.forms import subjects as form_subjects
from bot.services.meetings import subjects as meeting_subjects
from bot.services.polls import SUBJECT as POLL_SUBJECT
from bot.services.polls import subject as poll_subject
from bot.services.staff_notices import Subject
from bot.texts import CATALOGUE, LANGUAGES, t
from bot.texts.moments import MomentText, render_moment
from bot.timeutil import STOCKHOLM
from handlers.broadcast import campaigns as campaigns_view
from handlers.delivery.personalise import build_personaliser
from tests.conftest import FakeClock

STARTS = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
AUTHOR = {"sv": 700, "en": 701}  # staff, one per language, who made the campaigns


@dataclass(frozen=True)
class Rows:
    """One row for each kind of thing a campaign can be about or go to."""

    org: Organisation
    user: User
    meeting: Meeting
    call: FundingCall
    form: Form
    poll: Poll
    edition: DigestEdition
    nomination: NominationRound
    feed: Feed


async def _rows(session: AsyncSession) -> Rows:
    rows = Rows(
        org=Organisation(name="PRO Skaraborg", subregion=SubRegion.SKARABORG),
        user=User(telegram_id=5, display_name="Maja Berg"),
        meeting=Meeting(title="Dialogmöte om bidrag", starts_at=STARTS, ends_at=STARTS),
        call=FundingCall(title="Stöd till föreningslivet"),
        form=Form(title="Enkät om lokaler"),
        poll=Poll(question="Hur var mötet?", closes_at=STARTS),
        edition=DigestEdition(
            kind=EditionKind.WEEKLY, scheduled_for=STARTS, window_end=STARTS - timedelta(days=7)
        ),
        nomination=NominationRound(
            title="Styrgruppen 2027", opens_at=STARTS, closes_at=STARTS + timedelta(days=7)
        ),
        feed=Feed(url="https://example.org/bidrag.xml", kind="funding"),
    )
    session.add_all(vars(rows).values())
    for lang, telegram_id in AUTHOR.items():
        session.add(User(telegram_id=telegram_id, language=lang))
    await session.flush()
    return rows


def _audiences(rows: Rows) -> dict[str, tuple[str, str | None]]:
    """A spec of every audience kind, and the name its words must show (if any)."""
    specs = {
        "all": ("all", None),
        "contacts": ("contacts", None),
        "subregion": ("subregion:Skaraborg", "Skaraborg"),
        "umbrella": ("umbrella", None),
        "topic": ("topic:meetings", t("topic_meetings", "sv")),
        "org": (f"org:{rows.org.id}", rows.org.name),
        "meeting": (f"meeting:{rows.meeting.id}", rows.meeting.title),
        "attendees": (f"attendees:{rows.meeting.id}", rows.meeting.title),
        "user": (f"user:{rows.user.id}", rows.user.display_name),
        "digest": ("digest:weekly+", None),
        "form": (f"form:{rows.form.id}", rows.form.title),
        "staff": ("staff", None),
    }
    assert set(specs) == set(audience.KINDS)  # a new kind needs a case here
    return specs


def _subjects(rows: Rows) -> dict[str, tuple[str, str]]:
    """A subject of every kind the personaliser can send, and the name its title must show."""
    meeting, title = rows.meeting.id, rows.meeting.title
    subjects = {
        meeting_subjects.CARD: (meeting_subjects.card(meeting), title),
        meeting_subjects.REMINDER: (meeting_subjects.reminder(meeting, 1, 24 * 60), title),
        meeting_subjects.CHANGED: (meeting_subjects.changed(meeting, 2), title),
        meeting_subjects.CANCELLED: (meeting_subjects.cancelled(meeting), title),
        meeting_subjects.PROMOTED: (meeting_subjects.promoted(meeting), title),
        call_subjects.CARD: (call_subjects.card(rows.call.id), rows.call.title),
        call_subjects.REMINDER: (call_subjects.reminder(rows.call.id), rows.call.title),
        form_subjects.CARD: (form_subjects.card(rows.form.id), rows.form.title),
        form_subjects.REMINDER: (form_subjects.reminder(rows.form.id), rows.form.title),
        POLL_SUBJECT: (poll_subject(rows.poll.id), rows.poll.question),
        digest_subjects.SUBJECT: (
            digest_subjects.subject(rows.edition.id),
            show(rows.edition.scheduled_for, STOCKHOLM),
        ),
        staff_notices.FORM_CLOSED: (
            staff_notices.Subject(staff_notices.FORM_CLOSED, (rows.form.id, 3, 7)).encode(),
            rows.form.title,
        ),
        staff_notices.NOMINATION_CLOSED: (
            staff_notices.Subject(
                staff_notices.NOMINATION_CLOSED, (rows.nomination.id, 4)
            ).encode(),
            rows.nomination.title,
        ),
        staff_notices.FEED_DISABLED: (
            Subject(staff_notices.FEED_DISABLED, (rows.feed.id, 5, "http", 503)).encode(),
            rows.feed.url,
        ),
        staff_notices.FEED_RECOVERED: (
            Subject(staff_notices.FEED_RECOVERED, (rows.feed.id,)).encode(),
            rows.feed.url,
        ),
        staff_notices.FEED_CAPPED: (
            Subject(staff_notices.FEED_CAPPED, (rows.feed.id, 1200, 1197)).encode(),
            rows.feed.url,
        ),
        staff_notices.POLL_RESULT: (
            Subject(staff_notices.POLL_RESULT, (rows.poll.id,)).encode(),
            rows.poll.question,
        ),
        staff_notices.LINK_REQUEST: (
            Subject(staff_notices.LINK_REQUEST, (rows.user.id, rows.org.id)).encode(),
            rows.org.name,
        ),
        staff_notices.MEETING_CAPACITY: (
            Subject(staff_notices.MEETING_CAPACITY, (meeting, 80, 4, 5)).encode(),
            title,
        ),
    }
    renderers = build_personaliser(STOCKHOLM, poll_key=None).renderers
    assert set(subjects) == set(renderers)  # a new kind of campaign needs a case here
    assert set(campaign_labels.SUBJECT_KINDS) == set(renderers)  # ... and a title
    return subjects


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_every_audience_kind_has_its_own_words(session: AsyncSession, lang: str) -> None:
    rows = await _rows(session)
    for kind, (spec, name) in _audiences(rows).items():
        words = await campaign_labels.audience_label(session, spec, lang)
        keys = [k for k in CATALOGUE[lang] if k.startswith(f"audience_label_{kind}")]
        assert keys, f"{kind} has no audience_label_ key in {lang}"
        assert words and words != spec, kind
        if name is not None and kind != "topic":
            assert name in words, kind
    assert t("topic_meetings", lang) in await campaign_labels.audience_label(
        session, "topic:meetings", lang
    )


async def test_every_subject_kind_has_a_title_in_each_language(
    session: AsyncSession, clock: FakeClock
) -> None:
    rows = await _rows(session)
    for kind, (subject, name) in _subjects(rows).items():
        campaign = await campaigns.create(
            session,
            text_html="sammanfattning",
            audience_spec="all",
            created_by=None,
            clock=clock,
            topic=None,
            subject=subject,
        )
        titles = {
            lang: await campaign_labels.title(session, campaign, lang, STOCKHOLM)
            for lang in LANGUAGES
        }
        for lang, title in titles.items():
            shown = name
            if isinstance(name, MomentText):  # a time reads in words, in the reader's language
                shown = render_moment(name.moment, CATALOGUE[lang])
            assert shown in title, (kind, lang)
            assert title != t("campaign_title_other", lang, excerpt="sammanfattning"), kind
        assert titles["sv"] != titles["en"], kind  # worded in the reader's language


async def test_a_kind_without_words_or_a_deleted_row_falls_back_and_never_fails(
    session: AsyncSession, clock: FakeClock
) -> None:
    gone = Campaign(
        subject="meeting_reminder:999:1:60",
        text_html="⏰ Påminnelse 1 timme före: Borttaget möte",
        audience="attendees:999",
    )
    unknown = Campaign(subject="quiz:3", text_html="<b>Frågesport</b> &amp; fika", audience="all")
    photo = Campaign(subject=None, text_html="", media_kind="photo", audience="all")
    for campaign in (gone, unknown, photo):
        campaign.id = 0
    for lang in LANGUAGES:
        assert "Borttaget möte" in await campaign_labels.title(session, gone, lang, STOCKHOLM)
        assert await campaign_labels.title(session, unknown, lang, STOCKHOLM) == t(
            "campaign_title_other", lang, excerpt="Frågesport & fika"
        )
        assert await campaign_labels.title(session, photo, lang, STOCKHOLM) == t(
            "campaign_title_media", lang
        )
        assert await campaign_labels.audience_label(session, "attendees:999", lang) == t(
            "audience_label_attendees", lang, value="#999"
        )
        assert await campaign_labels.audience_label(session, "planet:mars", lang) == "planet:mars"


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_campaigns_list_and_author_report_name_every_kind_without_ids(
    session: AsyncSession, clock: FakeClock, lang: str
) -> None:
    rows = await _rows(session)
    made: list[Campaign] = []
    for spec, _ in _audiences(rows).values():
        made.append(
            await campaigns.create(
                session,
                text_html=f"Hej {spec}",
                audience_spec=spec,
                created_by=AUTHOR[lang],
                clock=clock,
            )
        )
    for subject, _ in _subjects(rows).values():
        made.append(
            await campaigns.create(
                session,
                text_html="sammanfattning",
                audience_spec=f"attendees:{rows.meeting.id}",
                created_by=AUTHOR[lang],
                clock=clock,
                topic=None,
                subject=subject,
            )
        )
    for campaign in made[: len(made) // 2]:
        await campaigns.pause(session, campaign.id)

    text, keyboard = await campaigns_view.render(session, lang, STOCKHOLM, limit=len(made))
    labels = [button.text for row in keyboard.inline_keyboard for button in row]
    for number, campaign in enumerate(reversed(made), start=1):
        title = await campaign_labels.title(session, campaign, lang, STOCKHOLM)
        words = await campaign_labels.audience_label(session, campaign.audience, lang)
        assert f"<b>{number}.</b> {title}\n" in text
        assert words in text
        assert t("button_campaign_cancel", lang, number=number) in labels
    assert "#" not in text and not any("#" in label for label in labels)

    titler = partial(campaign_labels.title, tz=STOCKHOLM)
    for campaign in made:
        notice = await notices.author_notice(session, campaign.id, notices.REPORT_KEY, title=titler)
        assert notice is not None and notice.chat_id == AUTHOR[lang]
        assert await campaign_labels.title(session, campaign, lang, STOCKHOLM) in notice.text_html
        assert f"#{campaign.id}" not in notice.text_html


async def test_one_person_reminders_are_one_entry_so_a_broadcast_stays_in_the_list(
    session: AsyncSession, clock: FakeClock
) -> None:
    rows = await _rows(session)
    await campaigns.create(
        session, text_html="Välkommen till årsmötet", audience_spec="all", created_by=1, clock=clock
    )
    members = [User(telegram_id=800 + i, display_name=f"M{i}") for i in range(12)]
    session.add_all(members)
    await session.flush()
    reminders = []
    for member in members:  # twelve people press "Påminn mig" on the call after it
        clock.advance(seconds=1)
        reminders.append(
            await campaigns.create(
                session,
                text_html="Påminnelse om utlysning",
                audience_spec=f"user:{member.id}",
                created_by=None,
                clock=clock,
                topic=None,
                subject=call_subjects.reminder(rows.call.id),
            )
        )
    await campaigns.cancel(session, reminders[0].id, clock=clock)  # one person's, on its own

    text, keyboard = await campaigns_view.render(session, "sv", STOCKHOLM)
    items = text.split("\n\n")[1:]
    title = t("call_reminder_summary", "sv", title=rows.call.title)
    assert [item.splitlines()[0] for item in items] == [
        f"<b>1.</b> {title}",
        f"<b>2.</b> {title}",
        "<b>3.</b> 📣 ”Välkommen till årsmötet”",
    ]
    assert "till 11 personer, var och en för sig" in items[0] and "✖️ avbrutet" in items[1]
    assert "till M0" in items[1] and "till alla" in items[2]
    labels = [button.text for row in keyboard.inline_keyboard for button in row]
    assert labels == ["⏸ Pausa 3", "✖️ Avbryt 3", "🔄 Uppdatera"]  # none for the eleven


async def test_names_are_escaped_once_in_the_list_and_the_report(
    session: AsyncSession, clock: FakeClock
) -> None:
    org = Organisation(name="Hem & Skola")
    meeting = Meeting(title="Möte & fika <3>", starts_at=STARTS, ends_at=STARTS)
    session.add_all([org, meeting, User(telegram_id=AUTHOR["sv"], language="sv")])
    await session.flush()
    made = [
        await campaigns.create(
            session,
            text_html="<b>Fika</b> &amp; prat",
            audience_spec=f"org:{org.id}",
            created_by=AUTHOR["sv"],
            clock=clock,
        ),
        await campaigns.create(
            session,
            text_html="⏰",
            audience_spec=f"attendees:{meeting.id}",
            created_by=AUTHOR["sv"],
            clock=clock,
            topic=None,
            subject=meeting_subjects.reminder(meeting.id, 1, 60),
        ),
    ]
    text, _ = await campaigns_view.render(session, "sv", STOCKHOLM)
    assert "📣 ”Fika &amp; prat”" in text and "till Hem &amp; Skola" in text
    assert "Möte &amp; fika &lt;3&gt;" in text and "&amp;amp;" not in text
    titler = partial(campaign_labels.title, tz=STOCKHOLM)
    for campaign in made:
        notice = await notices.author_notice(session, campaign.id, notices.REPORT_KEY, title=titler)
        assert notice is not None and "&amp;amp;" not in notice.text_html
        assert "&amp;" in notice.text_html
