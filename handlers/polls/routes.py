"""Polls' declarations: /newpoll, /results, /export, the card buttons and the steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.polls import answers, new, results, steps
from handlers.polls import new_keys as keys
from handlers.polls.actions import PollChoose, PollComment, PollCreate, PollOpen, PollResults

FEATURE = Feature(
    commands=(
        command("newpoll", new.start_new_poll, staff=True, menu=110),
        command("results", results.results_command, staff=True, menu=120),
        command("export", results.export_command, staff=True, menu=130),
    ),
    actions={
        PollChoose: answers.choose_option,
        PollComment: answers.ask_comment,
        PollOpen: answers.open_poll,
        PollResults: results.results_pressed,
        PollCreate: new.decide_new_poll,
    },
    steps=(
        Step(
            (keys.PN_QUESTION, keys.PN_OPTIONS, keys.PN_CLOSES, keys.PN_ORG, answers.PC_COMMENT),
            steps.on_poll_text,
        ),
        Step(
            (
                keys.PN_MULTIPLE,
                keys.PN_COMMENT,
                keys.PN_ANONYMOUS,
                keys.PN_AUDIENCE,
                keys.PN_CONFIRM,
            )
        ),
    ),
)
