"""Questions' declarations: answers and their buttons, live answers, /faq for staff."""

from __future__ import annotations

from telegram import Update

from handlers.core.common import Context
from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.questions import answering, faq, live_answers
from handlers.questions.actions import (
    AskStaff,
    FaqDecision,
    Feedback,
    NoneOfTopics,
    PickTopic,
    TopicOn,
)


async def _faq(update: Update, context: Context, _text: str) -> None:
    message = update.effective_message
    assert message is not None and message.text is not None
    await faq.on_faq_text(update, context, message.text)  # the answer keeps its own line breaks


FEATURE = Feature(
    commands=(command("faq", faq.start_faq, staff=True, menu=20),),
    actions={
        Feedback: answering.feedback,
        PickTopic: answering.pick_topic,
        NoneOfTopics: answering.none_of_topics,
        AskStaff: answering.ask_staff,
        FaqDecision: faq.decide_faq,
        TopicOn: live_answers.turn_on,
    },
    steps=(Step(faq.FAQ_STEPS, _faq),),  # at the preview, a typed answer replaces the previewed one
    answer=answering.answer_question,
)
