"""Audiences: a spec such as ``subregion:Skaraborg`` turned into an SQL condition on users."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import DomainError
from bot.ids import parse_id
from bot.models import (
    Attendance,
    AttendanceStatus,
    Campaign,
    Delivery,
    DeliveryStatus,
    DigestFrequency,
    Form,
    FormResponse,
    LinkStatus,
    Organisation,
    Role,
    SubRegion,
    Topic,
    User,
    UserStatus,
)
from bot.services.topics import subscribed

KINDS = (
    "all",
    "contacts",
    "subregion",
    "umbrella",
    "topic",
    "org",
    "meeting",
    "attendees",
    "user",
    "digest",
    "form",
    "staff",
)
# staff: the staff chat and the admins, whom staff notices reach (addressed when recorded;
# later only admins who stopped being staff drop out).
# form:<id>: those the form's card reached who have not answered it yet (reminders).
# contacts: every approved contact of a signatory organisation.
# digest:<frequency> reaches the readers who chose it (weekly, monthly, or any = either);
# a trailing "+" adds those who never chose, when that frequency is the default staff set.
DIGEST_VALUES = ("weekly", "monthly", "any")
# Kinds that name a row by its id: an organisation, a meeting (everyone who answered "coming",
# waiting list included), its attendees (only those with a seat), or one user (users.id).
ID_KINDS = ("org", "meeting", "attendees", "user", "form")
# Kinds made of people who asked for it themselves (signed up for a meeting, one named user):
# staff in them are there by their own doing. Every other kind is the signatories' people.
PERSONAL_KINDS = ("meeting", "attendees", "user")


@dataclass(frozen=True)
class Audience:
    """A parsed audience spec: a kind and its argument ("" for all and umbrella)."""

    kind: str
    value: str = ""

    @property
    def spec(self) -> str:
        """The canonical spec string, as stored on the campaign."""
        return f"{self.kind}:{self.value}" if self.value else self.kind


def parse(spec: str) -> Audience:
    """Parse an audience spec; raises DomainError naming what is wrong."""
    kind, _, value = spec.strip().partition(":")
    kind, value = kind.strip().lower(), value.strip()
    if kind in ("all", "contacts", "umbrella", "staff") and not value:
        return Audience(kind)
    if kind == "subregion":
        match = [s for s in SubRegion if s.value.casefold() == value.casefold()]
        if not match:
            raise DomainError("audience_subregion_unknown", subregion=value)
        return Audience(kind, match[0].value)
    if kind == "topic":
        if value.lower() not in {t.value for t in Topic}:
            raise DomainError("audience_topic_unknown", topic=value)
        return Audience(kind, value.lower())
    if kind == "digest":
        if value.lower().rstrip("+") not in DIGEST_VALUES:
            raise DomainError("audience_unknown", spec=spec)
        return Audience(kind, value.lower())
    if kind in ID_KINDS:
        if parse_id(value) is None:
            if kind == "org":
                raise DomainError("audience_org_invalid", org=value)
            raise DomainError("audience_id_invalid", spec=spec)
        return Audience(kind, str(int(value)))
    raise DomainError("audience_unknown", spec=spec)


def _linked_to(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    return and_(
        User.link_status == LinkStatus.APPROVED,
        exists().where(Organisation.id == User.organisation_id, *conditions),
    )


def _signatories_people() -> ColumnElement[bool]:
    """Members, and staff only where they are themselves an approved contact of a signatory.

    Staff are not the audience of what they send (the preview already shows it to the
    author); counting them would inflate recipients and lower response rates.
    """
    return or_(
        User.role == Role.MEMBER,
        and_(User.link_status == LinkStatus.APPROVED, User.organisation_id.is_not(None)),
    )


def _membership(audience: Audience) -> ColumnElement[bool]:
    if audience.kind == "subregion":
        return _linked_to(Organisation.subregion == SubRegion(audience.value))
    if audience.kind == "contacts":
        return _linked_to(true())
    if audience.kind == "umbrella":
        return _linked_to(Organisation.umbrella.is_(True))
    if audience.kind == "org":
        return _linked_to(Organisation.id == int(audience.value))
    if audience.kind == "topic":
        return subscribed(Topic(audience.value))
    if audience.kind == "meeting":
        return _attending(int(audience.value), AttendanceStatus.GOING, AttendanceStatus.WAITING)
    if audience.kind == "attendees":
        return _attending(int(audience.value), AttendanceStatus.GOING)
    if audience.kind == "user":
        return User.id == int(audience.value)
    if audience.kind == "digest":
        return _digest_readers(audience.value)
    if audience.kind == "form":
        return _form_waiting(int(audience.value))
    if audience.kind == "staff":
        return User.role.in_((Role.STAFF, Role.ADMIN))
    return true()


def _form_waiting(form_id: int) -> ColumnElement[bool]:
    """Reached by the form's card, and no answer in force (their own, or for a
    per-organisation form their organisation's, and they are still an approved contact)."""
    # The card's subject, as bot.services.forms.subjects.card writes it (not imported here:
    # the forms package imports this module).
    reached = exists().where(
        Delivery.user_id == User.id,
        Delivery.status == DeliveryStatus.SENT,
        Campaign.id == Delivery.campaign_id,
        Campaign.subject == f"form:{form_id}",
    )
    answered = (FormResponse.form_id == form_id, FormResponse.in_force)
    personal = and_(
        exists().where(Form.id == form_id, Form.per_organisation.is_(False)),
        ~exists().where(*answered, FormResponse.user_id == User.id),
    )
    per_organisation = and_(
        exists().where(Form.id == form_id, Form.per_organisation.is_(True)),
        _linked_to(true()),
        ~exists().where(*answered, FormResponse.organisation_id == User.organisation_id),
    )
    return and_(reached, or_(personal, per_organisation))


def _digest_readers(value: str) -> ColumnElement[bool]:
    frequency = value.rstrip("+")
    chosen = (
        [DigestFrequency.WEEKLY, DigestFrequency.MONTHLY]
        if frequency == "any"
        else [DigestFrequency(frequency)]
    )
    readers: ColumnElement[bool] = User.digest_frequency.in_(chosen)
    if value.endswith("+"):
        readers = or_(readers, User.digest_frequency.is_(None))
    # Whoever chose a frequency asked for the digest, staff included; the default does not.
    return and_(or_(_signatories_people(), User.digest_frequency.is_not(None)), readers)


def _attending(meeting_id: int, *statuses: AttendanceStatus) -> ColumnElement[bool]:
    return exists().where(
        Attendance.user_id == User.id,
        Attendance.meeting_id == meeting_id,
        Attendance.status.in_(statuses),
    )


def condition(audience: Audience, topic: Topic | None) -> ColumnElement[bool]:
    """Active users in the audience who consent to the campaign's topic.

    Without a topic (a service message such as a reminder of a meeting someone signed up
    for) the audience alone decides. Staff are left out unless they are an approved contact
    or the kind is one people join themselves (see PERSONAL_KINDS and the digest).
    """
    consent = true() if topic is None else subscribed(topic)
    people = (
        true()
        if audience.kind in PERSONAL_KINDS or audience.kind in ("digest", "staff")
        else _signatories_people()
    )
    return and_(User.status == UserStatus.ACTIVE, consent, people, _membership(audience))


async def count(session: AsyncSession, spec: str, topic: Topic | None) -> int:
    """How many users a campaign to this audience would reach now (for previews)."""
    query = select(func.count(User.id)).where(condition(parse(spec), topic))
    return int(await session.scalar(query) or 0)


async def still_eligible(
    session: AsyncSession, spec: str, topic: Topic | None, user_ids: Collection[int]
) -> set[int]:
    """Which of these users are still in the audience and consenting, checked at send time."""
    if not user_ids:
        return set()
    query = select(User.id).where(User.id.in_(user_ids), condition(parse(spec), topic))
    return set(await session.scalars(query))
