"""The forms buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback


@dataclass(frozen=True)
class FormOpen(Callback):
    """Open a form to fill in: start, resume a paused draft, or change the answers sent."""

    prefix = "fop"
    form_id: int


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


@dataclass(frozen=True)
class FormStaff(Callback):
    """/formadmin (staff): send, progress, remind, CSV or close a form; sending, reminding
    and closing ask first ("…_ok" confirms, "keep" cancels)."""

    prefix = "fst"
    staff = True
    form_id: int
    action: str

    def valid(self) -> bool:
        return self.action in FORM_STAFF_ACTIONS


@dataclass(frozen=True)
class FormPick(Callback):
    """An option of a form question, by its index: choose it (one choice) or tick it (several)."""

    prefix = "fan"
    form_id: int
    question_id: int
    index: int

    def valid(self) -> bool:
        return self.index >= 0


FORM_PLACE_ACTIONS = ("region", "pick", "whole", "back")


@dataclass(frozen=True)
class FormPlace(Callback):
    """The municipality picker: a sub-region's page (index), a municipality (index in the
    whole list), the whole region, or back to the sub-regions."""

    prefix = "fmu"
    form_id: int
    question_id: int
    action: str
    index: int

    def valid(self) -> bool:
        return self.action in FORM_PLACE_ACTIONS and self.index >= 0


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


@dataclass(frozen=True)
class FormStep(Callback):
    """Moving through a form: skip, done, back, pause, review, send, change, discard."""

    prefix = "fnv"
    form_id: int
    question_id: int  # 0 when the step is about the whole draft
    action: str

    def valid(self) -> bool:
        return self.action in FORM_STEP_ACTIONS
