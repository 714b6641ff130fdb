"""The privacy buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback


@dataclass(frozen=True)
class EraseMyData(Callback):
    """/delete: erase everything about the user (confirm=1) or keep it (confirm=0)."""

    prefix = "era"
    confirm: bool
