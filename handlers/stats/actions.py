"""The stats buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback

STATS_EXPORTS = ("organisations", "figures")


@dataclass(frozen=True)
class StatsExport(Callback):
    """/stats (staff): the follow-up as CSV, per organisation or the figures."""

    prefix = "fss"
    staff = True
    what: str

    def valid(self) -> bool:
        return self.what in STATS_EXPORTS
