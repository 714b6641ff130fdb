"""The meetings buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback, is_draft_token


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


@dataclass(frozen=True)
class MeetingStaff(Callback):
    """A staff control under a meeting card: CSV, edit (and its fields), move, cancel, announce."""

    prefix = "mst"
    staff = True
    meeting_id: int
    action: str

    def valid(self) -> bool:
        return self.action in MEETING_STAFF_ACTIONS


MEETING_CREATE_CHOICES = ("skip", "announce", "quiet", "drop")


@dataclass(frozen=True)
class MeetingCreate(Callback):
    """/newmeeting: skip the current step, create (announced or not), or drop the draft."""

    prefix = "mnew"
    staff = True
    draft: str
    choice: str

    def valid(self) -> bool:
        return self.choice in MEETING_CREATE_CHOICES and is_draft_token(self.draft)
