"""The typed registry of callback data: a short prefix per action plus ids, parsed in one place."""

import dataclasses
import enum
from dataclasses import dataclass
from typing import ClassVar

from bot.ids import MAX_ID, MAX_KEY, parse_id
from bot.models import DigestFrequency, Topic

MAX_CALLBACK_BYTES = 64
BIG_FIELDS = frozenset({"question_key"})  # 62-bit keys; every other number is an id or index


class BadCallback(ValueError):
    """Callback data that no action of this bot produced (forged, stale or malformed)."""


@dataclass(frozen=True)
class Callback:
    """Base of all callback actions; subclasses declare a prefix and typed fields."""

    prefix: ClassVar[str]
    staff: ClassVar[bool] = False  # staff-only: the router refuses anyone else before it runs

    def encode(self) -> str:
        values = [str(int(v) if isinstance(v, bool) else v) for v in self.__dict__.values()]
        data = ":".join([self.prefix, *values])
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data


@dataclass(frozen=True)
class ChooseLanguage(Callback):
    prefix = "lang"
    language: str


@dataclass(frozen=True)
class ChooseOrganisation(Callback):
    prefix = "org"
    org_id: int


@dataclass(frozen=True)
class SkipOrganisation(Callback):
    prefix = "orgskip"


@dataclass(frozen=True)
class InviteOrganisation(Callback):
    """/invite (staff): make an invitation link to this organisation."""

    prefix = "inv"
    staff = True
    org_id: int


@dataclass(frozen=True)
class DecideLink(Callback):
    prefix = "link"
    staff = True
    user_id: int
    org_id: int
    approve: bool


@dataclass(frozen=True)
class Feedback(Callback):
    prefix = "fb"
    question_key: int
    helpful: bool


@dataclass(frozen=True)
class PickTopic(Callback):
    """ "Menade du …?": the asker picks one of the passages offered for their question."""

    prefix = "dym"
    question_key: int
    passage_id: int


@dataclass(frozen=True)
class NoneOfTopics(Callback):
    """ "Inget av dessa" under a "Menade du …?": none of the offered topics."""

    prefix = "dymx"
    question_key: int


@dataclass(frozen=True)
class AskStaff(Callback):
    prefix = "ask"
    question_key: int


@dataclass(frozen=True)
class SettingsMenu(Callback):
    prefix = "set"
    item: str


@dataclass(frozen=True)
class UnansweredAction(Callback):
    """/unanswered (staff): reply to the asker of a logged question, or make it a FAQ entry;
    "more" ends the phrasings of that FAQ entry. The question is named by its row id."""

    prefix = "una"
    staff = True
    question_id: int
    action: str


@dataclass(frozen=True)
class ReviewDone(Callback):
    """Klar under /unanswered (staff): the question leaves the review queue; the page shown from
    `offset` is redrawn."""

    prefix = "rvd"
    staff = True
    question_id: int
    offset: int


@dataclass(frozen=True)
class ReviewMore(Callback):
    """Visa fler under /unanswered (staff): the queue's next page, from `offset`."""

    prefix = "rvm"
    staff = True
    offset: int


@dataclass(frozen=True)
class FaqDecision(Callback):
    prefix = "faq"
    staff = True
    save: bool


@dataclass(frozen=True)
class ToggleTopic(Callback):
    """Set one topic; the button carries the state it sets, so a double press is harmless."""

    prefix = "tpc"
    topic: Topic
    enabled: bool


@dataclass(frozen=True)
class AllTopics(Callback):
    prefix = "tpall"
    enabled: bool


@dataclass(frozen=True)
class TopicOn(Callback):
    """Turn one topic on from an answer that offers it (nothing planned: "Säg till när ...")."""

    prefix = "tpon"
    topic: Topic


@dataclass(frozen=True)
class BroadcastAudience(Callback):
    """An audience for the draft with this token; an empty value asks for the second step."""

    prefix = "bca"
    staff = True
    draft: str
    kind: str
    value: str


@dataclass(frozen=True)
class BroadcastDecision(Callback):
    """Send the previewed draft now, schedule it, confirm the scheduled time, or drop it."""

    prefix = "bcd"
    staff = True
    draft: str
    choice: str
    version: int = 0  # "at": the time it confirms, so an older confirmation never acts


@dataclass(frozen=True)
class CampaignAction(Callback):
    """Pause, resume, cancel (then confirm) a campaign, or refresh the /campaigns list."""

    prefix = "cmp"
    staff = True
    campaign_id: int
    action: str


@dataclass(frozen=True)
class MeetingAnswer(Callback):
    """ "Jag kommer" (going=1) or "Kan inte" (going=0) on a meeting card."""

    prefix = "mtg"
    meeting_id: int
    going: bool


@dataclass(frozen=True)
class MeetingCalendar(Callback):
    """ "Lägg i kalender": send the meeting as an .ics file."""

    prefix = "ics"
    meeting_id: int


@dataclass(frozen=True)
class MeetingStaff(Callback):
    """A staff control under a meeting card: CSV, edit (and its fields), move, cancel, announce."""

    prefix = "mst"
    staff = True
    meeting_id: int
    action: str


@dataclass(frozen=True)
class MeetingCreate(Callback):
    """/newmeeting: skip the current step, create (announced or not), or drop the draft."""

    prefix = "mnew"
    staff = True
    draft: str
    choice: str


@dataclass(frozen=True)
class CallRemind(Callback):
    """ "Påminn mig" on a funding call."""

    prefix = "crm"
    call_id: int


@dataclass(frozen=True)
class CallWithdraw(Callback):
    """Staff withdraw a funding call from /calls: ask, then yes (withdraw) or no (keep)."""

    prefix = "cwd"
    staff = True
    call_id: int
    step: str


@dataclass(frozen=True)
class NewCallAction(Callback):
    """A button of the /newcall draft with this token: skip a step, publish, or cancel."""

    prefix = "ncl"
    staff = True
    draft: str
    choice: str


@dataclass(frozen=True)
class FeedAction(Callback):
    """/feeds: poll a feed now, ask to remove it, confirm the removal, or keep it."""

    prefix = "fd"
    staff = True
    feed_id: int
    action: str


@dataclass(frozen=True)
class FeedAdd(Callback):
    """/feeds add, step by step: the kind, skip a filter, an interval ("m60"), add or drop."""

    prefix = "fda"
    staff = True
    draft: str
    choice: str


@dataclass(frozen=True)
class DigestSettings(Callback):
    """ "⚙️ Nyhetsbrevsinställningar" under a digest: open the reader's digest menu."""

    prefix = "dgs"


@dataclass(frozen=True)
class DigestChoice(Callback):
    """A reader chooses how often they get the digest (weekly, monthly or off)."""

    prefix = "dgf"
    frequency: DigestFrequency


@dataclass(frozen=True)
class DigestMenu(Callback):
    """/digest (staff): preview, send an edition now, or schedule a special edition."""

    prefix = "dgm"
    staff = True
    action: str


@dataclass(frozen=True)
class DigestDefault(Callback):
    """/digest (staff): the default frequency for readers who have not chosen."""

    prefix = "dgd"
    staff = True
    frequency: DigestFrequency


@dataclass(frozen=True)
class DigestDraft(Callback):
    """A button of the /digest edition draft with this token: no note, send, or drop it."""

    prefix = "dgn"
    staff = True
    draft: str
    choice: str


@dataclass(frozen=True)
class PollChoose(Callback):
    """An option on a poll card: choose it (single choice) or toggle it (multiple choice)."""

    prefix = "pch"
    poll_id: int
    option_id: int


@dataclass(frozen=True)
class PollComment(Callback):
    """ "💬 Kommentera" on a poll card: ask for the reader's comment."""

    prefix = "pcm"
    poll_id: int


@dataclass(frozen=True)
class PollOpen(Callback):
    """Send a poll's card as a new message (from the digest)."""

    prefix = "pop"
    poll_id: int


@dataclass(frozen=True)
class PollResults(Callback):
    """/results (staff): show the result of this poll."""

    prefix = "prs"
    staff = True
    poll_id: int


@dataclass(frozen=True)
class PollCreate(Callback):
    """A button of the /newpoll draft with this token: a step's choice, with its value if any."""

    prefix = "pnw"
    staff = True
    draft: str
    choice: str
    value: str


@dataclass(frozen=True)
class EraseMyData(Callback):
    """/delete: erase everything about the user (confirm=1) or keep it (confirm=0)."""

    prefix = "era"
    confirm: bool


@dataclass(frozen=True)
class NominationForm(Callback):
    """A button of the /nominate form with this token: send, edit (a field), or cancel."""

    prefix = "nom"
    draft: str
    choice: str


@dataclass(frozen=True)
class NominationStaff(Callback):
    """/nominations (staff): export a round as CSV, ask to close it, confirm, or keep it open."""

    prefix = "nst"
    staff = True
    round_id: int
    action: str


@dataclass(frozen=True)
class FormOpen(Callback):
    """Open a form to fill in: start, resume a paused draft, or change the answers sent."""

    prefix = "fop"
    form_id: int


@dataclass(frozen=True)
class FormStaff(Callback):
    """/formadmin (staff): send, progress, remind, CSV or close a form; sending, reminding
    and closing ask first ("…_ok" confirms, "keep" cancels)."""

    prefix = "fst"
    staff = True
    form_id: int
    action: str


@dataclass(frozen=True)
class FormPick(Callback):
    """An option of a form question, by its index: choose it (one choice) or tick it (several)."""

    prefix = "fan"
    form_id: int
    question_id: int
    index: int


@dataclass(frozen=True)
class FormPlace(Callback):
    """The municipality picker: a sub-region's page (index), a municipality (index in the
    whole list), the whole region, or back to the sub-regions."""

    prefix = "fmu"
    form_id: int
    question_id: int
    action: str
    index: int


@dataclass(frozen=True)
class FormStep(Callback):
    """Moving through a form: skip, done, back, pause, review, send, change, discard."""

    prefix = "fnv"
    form_id: int
    question_id: int  # 0 when the step is about the whole draft
    action: str


@dataclass(frozen=True)
class StatsExport(Callback):
    """/stats (staff): the follow-up as CSV, per organisation or the figures."""

    prefix = "fss"
    staff = True
    what: str


ACTIONS: dict[str, type[Callback]] = {
    cls.prefix: cls
    for cls in (
        ChooseLanguage,
        ChooseOrganisation,
        SkipOrganisation,
        InviteOrganisation,
        DecideLink,
        Feedback,
        PickTopic,
        NoneOfTopics,
        AskStaff,
        SettingsMenu,
        UnansweredAction,
        ReviewDone,
        ReviewMore,
        FaqDecision,
        ToggleTopic,
        AllTopics,
        TopicOn,
        BroadcastAudience,
        BroadcastDecision,
        CampaignAction,
        MeetingAnswer,
        MeetingCalendar,
        MeetingStaff,
        MeetingCreate,
        CallRemind,
        CallWithdraw,
        NewCallAction,
        FeedAction,
        FeedAdd,
        DigestSettings,
        DigestChoice,
        DigestMenu,
        DigestDefault,
        DigestDraft,
        PollChoose,
        PollComment,
        PollOpen,
        PollResults,
        PollCreate,
        EraseMyData,
        NominationForm,
        NominationStaff,
        FormOpen,
        FormStaff,
        StatsExport,
        FormPick,
        FormPlace,
        FormStep,
    )
}

SETTINGS_ITEMS = ("main", "language", "organisation", "topics", "digest", "unlink", "unlink_yes")
UNANSWERED_ACTIONS = ("reply", "faq", "answer")
LANGUAGES = ("sv", "en")
AUDIENCE_KINDS = ("all", "subregion", "umbrella", "topic", "org")
BROADCAST_CHOICES = ("send", "schedule", "at", "drop")
CAMPAIGN_ACTIONS = ("pause", "resume", "cancel", "confirm", "refresh")
FEED_ACTIONS = ("poll", "remove", "confirm", "keep", "add")
FEED_ADD_CHOICES = ("funding", "news", "skip", "add", "drop")
FEED_ADD_INTERVAL_MAX = 10_080  # minutes, a week
DRAFT_TOKEN_LENGTH = 8
MEETING_STAFF_ACTIONS = (
    "csv",
    "edit",
    "move",
    "cancel",
    "confirm",
    "keep",
    "announce",
    "place",
    "link",
    "description",
    "capacity",
    "deadline",
)
MEETING_CREATE_CHOICES = ("skip", "announce", "quiet", "drop")
CALL_WITHDRAW_STEPS = ("ask", "yes", "no")
NEW_CALL_CHOICES = ("skip", "publish", "cancel")
DIGEST_MENU_ACTIONS = ("preview", "now", "special")
DIGEST_DRAFT_CHOICES = ("nonote", "send", "cancel")
NOMINATION_FIELDS = ("name", "organisation", "contact", "motivation")
NOMINATION_FORM_CHOICES = ("send", "edit", "cancel", *NOMINATION_FIELDS)
NOMINATION_STAFF_ACTIONS = ("csv", "close", "confirm", "keep")
STATS_EXPORTS = ("organisations", "figures")
FORM_STAFF_ACTIONS = (
    "send",
    "send_ok",
    "progress",
    "remind",
    "remind_ok",
    "csv",
    "close",
    "close_ok",
    "keep",
)
FORM_PLACE_ACTIONS = ("region", "pick", "whole", "back")
FORM_STEP_ACTIONS = (
    "skip",
    "done",
    "prev",
    "pause",
    "review",
    "send",
    "edit",
    "ask",
    "discard",
    "confirm",
)
POLL_CREATE_CHOICES = (
    "done",
    "single",
    "multiple",
    "comment",
    "nocomment",
    "anonymous",
    "named",
    "default",
    "send",
    "drop",
    *AUDIENCE_KINDS,
    "meeting",
)


def parse(data: str | None) -> Callback:
    """Parse callback data into its action, or raise BadCallback."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        raise BadCallback(data)
    prefix, *raw = data.split(":")
    cls = ACTIONS.get(prefix)
    if cls is None:
        raise BadCallback(data)
    fields = dataclasses.fields(cls)
    # A trailing field with a default may be left out (buttons made before it was added).
    required = sum(1 for field in fields if field.default is dataclasses.MISSING)
    if not required <= len(raw) <= len(fields):
        raise BadCallback(data)
    try:
        given = fields[: len(raw)]
        values = [_convert(field, value) for field, value in zip(given, raw, strict=True)]
        action = cls(*values)
    except ValueError as error:
        raise BadCallback(data) from error
    _validate(action)
    return action


def _convert(field: dataclasses.Field[object], value: str) -> object:
    type_name = field.type
    if type_name in (int, "int"):
        # Within the column's range: a forged "mtg:99999999999999999999:1" is just unknown.
        maximum = MAX_KEY if field.name in BIG_FIELDS else MAX_ID
        number = parse_id(value, maximum=maximum, minimum=0)
        if number is None:
            raise ValueError(value)
        return number
    if type_name in (bool, "bool"):
        if value not in ("0", "1"):
            raise ValueError(value)
        return value == "1"
    if isinstance(type_name, type) and issubclass(type_name, enum.Enum):
        return type_name(value)  # a value no member has raises ValueError
    return value


def _is_minutes(choice: str) -> bool:
    """An interval button's choice: "m" and a number of minutes up to a week."""
    digits = choice.removeprefix("m")
    if not (choice.startswith("m") and digits.isascii() and digits.isdigit() and len(digits) < 6):
        return False
    return 1 <= int(digits) <= FEED_ADD_INTERVAL_MAX


def _validate(action: Callback) -> None:
    if isinstance(action, ChooseLanguage) and action.language not in LANGUAGES:
        raise BadCallback(action.encode())
    if isinstance(action, SettingsMenu) and action.item not in SETTINGS_ITEMS:
        raise BadCallback(action.encode())
    if isinstance(action, UnansweredAction) and action.action not in UNANSWERED_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, BroadcastAudience | BroadcastDecision | NewCallAction) and (
        len(action.draft) != DRAFT_TOKEN_LENGTH or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, BroadcastAudience) and action.kind not in AUDIENCE_KINDS:
        raise BadCallback(action.encode())
    if isinstance(action, BroadcastDecision) and action.choice not in BROADCAST_CHOICES:
        raise BadCallback(action.encode())
    if isinstance(action, CampaignAction) and action.action not in CAMPAIGN_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, MeetingStaff) and action.action not in MEETING_STAFF_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, MeetingCreate) and (
        action.choice not in MEETING_CREATE_CHOICES
        or len(action.draft) != DRAFT_TOKEN_LENGTH
        or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, CallWithdraw) and action.step not in CALL_WITHDRAW_STEPS:
        raise BadCallback(action.encode())
    if isinstance(action, NewCallAction) and action.choice not in NEW_CALL_CHOICES:
        raise BadCallback(action.encode())
    if isinstance(action, FeedAction) and action.action not in FEED_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, FeedAdd) and (
        not (action.choice in FEED_ADD_CHOICES or _is_minutes(action.choice))
        or len(action.draft) != DRAFT_TOKEN_LENGTH
        or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, DigestMenu) and action.action not in DIGEST_MENU_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, DigestDraft) and (
        action.choice not in DIGEST_DRAFT_CHOICES
        or len(action.draft) != DRAFT_TOKEN_LENGTH
        or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, PollCreate) and (
        action.choice not in POLL_CREATE_CHOICES
        or len(action.draft) != DRAFT_TOKEN_LENGTH
        or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, NominationForm) and (
        action.choice not in NOMINATION_FORM_CHOICES
        or len(action.draft) != DRAFT_TOKEN_LENGTH
        or not action.draft.isalnum()
    ):
        raise BadCallback(action.encode())
    if isinstance(action, NominationStaff) and action.action not in NOMINATION_STAFF_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, FormStaff) and action.action not in FORM_STAFF_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, FormPick) and action.index < 0:
        raise BadCallback(action.encode())
    if isinstance(action, FormPlace) and (
        action.action not in FORM_PLACE_ACTIONS or action.index < 0
    ):
        raise BadCallback(action.encode())
    if isinstance(action, FormStep) and action.action not in FORM_STEP_ACTIONS:
        raise BadCallback(action.encode())
    if isinstance(action, StatsExport) and action.what not in STATS_EXPORTS:
        raise BadCallback(action.encode())
