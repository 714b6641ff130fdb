"""The calls buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback, is_draft_token


@dataclass(frozen=True)
class CallRemind(Callback):
    """ "Påminn mig" on a funding call."""

    prefix = "crm"
    call_id: int


CALL_WITHDRAW_STEPS = ("ask", "yes", "no")


@dataclass(frozen=True)
class CallWithdraw(Callback):
    """Staff withdraw a funding call from /calls: ask, then yes (withdraw) or no (keep)."""

    prefix = "cwd"
    staff = True
    call_id: int
    step: str

    def valid(self) -> bool:
        return self.step in CALL_WITHDRAW_STEPS


NEW_CALL_CHOICES = ("skip", "publish", "cancel")


@dataclass(frozen=True)
class NewCallAction(Callback):
    """A button of the /newcall draft with this token: skip a step, publish, or cancel."""

    prefix = "ncl"
    staff = True
    draft: str
    choice: str

    def valid(self) -> bool:
        return is_draft_token(self.draft) and self.choice in NEW_CALL_CHOICES
