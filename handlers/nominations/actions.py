"""The nominations buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback, is_draft_token

NOMINATION_FIELDS = ("name", "organisation", "contact", "motivation")
NOMINATION_FORM_CHOICES = ("send", "edit", "cancel", *NOMINATION_FIELDS)


@dataclass(frozen=True)
class NominationForm(Callback):
    """A button of the /nominate form with this token: send, edit (a field), or cancel."""

    prefix = "nom"
    draft: str
    choice: str

    def valid(self) -> bool:
        return self.choice in NOMINATION_FORM_CHOICES and is_draft_token(self.draft)


NOMINATION_STAFF_ACTIONS = ("csv", "close", "confirm", "keep")


@dataclass(frozen=True)
class NominationStaff(Callback):
    """/nominations (staff): export a round as CSV, ask to close it, confirm, or keep it open."""

    prefix = "nst"
    staff = True
    round_id: int
    action: str

    def valid(self) -> bool:
        return self.action in NOMINATION_STAFF_ACTIONS
