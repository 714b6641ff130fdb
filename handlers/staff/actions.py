"""The staff buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback


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


UNANSWERED_ACTIONS = ("reply", "faq", "answer")


@dataclass(frozen=True)
class UnansweredAction(Callback):
    """/unanswered (staff): reply to the asker of a logged question, or make it a FAQ entry;
    "more" ends the phrasings of that FAQ entry. The question is named by its row id."""

    prefix = "una"
    staff = True
    question_id: int
    action: str

    def valid(self) -> bool:
        return self.action in UNANSWERED_ACTIONS


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
