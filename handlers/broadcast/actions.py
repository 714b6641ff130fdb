"""The broadcast buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from handlers.core.callbacks import Callback, is_draft_token

AUDIENCE_KINDS = ("all", "subregion", "umbrella", "topic", "org")


@dataclass(frozen=True)
class BroadcastAudience(Callback):
    """An audience for the draft with this token; an empty value asks for the second step."""

    prefix = "bca"
    staff = True
    draft: str
    kind: str
    value: str

    def valid(self) -> bool:
        return is_draft_token(self.draft) and self.kind in AUDIENCE_KINDS


BROADCAST_CHOICES = ("send", "schedule", "at", "drop")


@dataclass(frozen=True)
class BroadcastDecision(Callback):
    """Send the previewed draft now, schedule it, confirm the scheduled time, or drop it."""

    prefix = "bcd"
    staff = True
    draft: str
    choice: str
    version: int = 0  # "at": the time it confirms, so an older confirmation never acts

    def valid(self) -> bool:
        return is_draft_token(self.draft) and self.choice in BROADCAST_CHOICES


CAMPAIGN_ACTIONS = ("pause", "resume", "cancel", "confirm", "refresh")


@dataclass(frozen=True)
class CampaignAction(Callback):
    """Pause, resume, cancel (then confirm) a campaign, or refresh the /campaigns list."""

    prefix = "cmp"
    staff = True
    campaign_id: int
    action: str

    def valid(self) -> bool:
        return self.action in CAMPAIGN_ACTIONS
