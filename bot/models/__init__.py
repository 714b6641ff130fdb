"""Typed SQLAlchemy models: the bot's persistent state, one module per feature.

Every module here is imported, so its tables are in ``Base.metadata`` without being listed: a
new feature's models are imported from their own module (``bot.models.<feature>``). The models
and enums below are re-exported too, so ``from bot.models import User`` works.
"""

import importlib
import pkgutil

from bot.models.app_settings import AppSetting
from bot.models.audit import AuditEntry
from bot.models.base import NAMING, Base, UTCDateTime
from bot.models.calls import CallReminder, CallStatus, FundingCall
from bot.models.delivery import (
    BroadcastDraft,
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    SendSlot,
)
from bot.models.digest import DigestEdition, EditionKind
from bot.models.feeds import Feed, FeedItem
from bot.models.forms import (
    Form,
    FormAnswer,
    FormQuestion,
    FormResponse,
    FormStatus,
    QuestionKind,
    ResponseStatus,
)
from bot.models.meetings import Attendance, AttendanceStatus, Meeting, MeetingStatus
from bot.models.nominations import Nomination, NominationRound, RoundStatus
from bot.models.people import (
    DigestFrequency,
    Invitation,
    LinkStatus,
    Organisation,
    Role,
    SubRegion,
    User,
    UserStatus,
)
from bot.models.polls import Poll, PollChoice, PollOption, PollStatus, PollVote
from bot.models.questions import (
    FaqEntry,
    FaqPhrasing,
    KnowledgeDocument,
    Passage,
    QuestionLog,
    StaffRelay,
)
from bot.models.topics import Topic, TopicPreference

__all__ = [
    "NAMING",
    "AppSetting",
    "Attendance",
    "AttendanceStatus",
    "AuditEntry",
    "Base",
    "BroadcastDraft",
    "CallReminder",
    "CallStatus",
    "Campaign",
    "CampaignStatus",
    "Delivery",
    "DeliveryStatus",
    "DigestEdition",
    "DigestFrequency",
    "EditionKind",
    "FaqEntry",
    "FaqPhrasing",
    "Feed",
    "FeedItem",
    "Form",
    "FormAnswer",
    "FormQuestion",
    "FormResponse",
    "FormStatus",
    "FundingCall",
    "Invitation",
    "KnowledgeDocument",
    "LinkStatus",
    "Meeting",
    "MeetingStatus",
    "Nomination",
    "NominationRound",
    "Organisation",
    "Passage",
    "Poll",
    "PollChoice",
    "PollOption",
    "PollStatus",
    "PollVote",
    "QuestionKind",
    "QuestionLog",
    "ResponseStatus",
    "Role",
    "RoundStatus",
    "SendSlot",
    "StaffRelay",
    "SubRegion",
    "Topic",
    "TopicPreference",
    "UTCDateTime",
    "User",
    "UserStatus",
]

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
