"""The questions buttons: callback actions with the values they may carry."""

from dataclasses import dataclass

from bot.models import Topic
from handlers.core.callbacks import Callback


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
class FaqDecision(Callback):
    prefix = "faq"
    staff = True
    save: bool


@dataclass(frozen=True)
class TopicOn(Callback):
    """Turn one topic on from an answer that offers it (nothing planned: "Säg till när ...")."""

    prefix = "tpon"
    topic: Topic
