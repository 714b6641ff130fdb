"""The step registry: every step a feature waits at is registered, each name once."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from bot.texts import t
from handlers import features
from handlers.broadcast import send as broadcast_send
from handlers.calls import new as calls_new
from handlers.core.common import CONFIRMING
from handlers.core.steps import Step, looks_like_question, registry
from handlers.core.text_router import CONFIRM_STEP
from handlers.digest import draft as digest_draft
from handlers.feeds import add as feeds_add
from handlers.forms import ask as forms_ask
from handlers.meetings import new as meeting_new
from handlers.meetings import staff as meeting_staff
from handlers.nominations import form as nominations
from handlers.onboarding import start as onboarding
from handlers.polls import answers as poll_answers
from handlers.polls import new_keys as poll_new_keys
from handlers.questions import faq
from handlers.staff import invite as staff_invite
from handlers.staff import replies as staff_replies

HANDLERS = Path(__file__).resolve().parents[3] / "handlers"
STEPS = features.load().steps(CONFIRM_STEP)


def test_every_step_of_every_feature_is_registered_once() -> None:
    declared = {
        onboarding.LANGUAGE,
        onboarding.ORG_SEARCH,
        *broadcast_send.ALL_STEPS,
        *calls_new.NEW_CALL_STEPS,
        *faq.FAQ_STEPS,
        *feeds_add.FEED_ADD_STEPS,
        *meeting_new.NEW_STEPS,
        *meeting_staff.STAFF_STEPS,
        *digest_draft.DIGEST_TEXT_STEPS,
        *poll_new_keys.NEW_POLL_STEPS,
        *poll_answers.ANSWER_STEPS,
        *forms_ask.FORM_STEPS,
        *nominations.NOMINATION_STEPS,
        *staff_replies.REPLY_STEPS,
        *staff_invite.INVITE_STEPS,
        CONFIRMING,
    }
    assert set(STEPS) == declared


def _constant_steps_set_directly() -> set[tuple[str, str]]:
    """(module, constant) of every set_awaiting(context, CONSTANT, ...) in the handlers."""
    found: set[tuple[str, str]] = set()
    for path in HANDLERS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "set_awaiting"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Name)
                and node.args[1].id.isupper()
            ):
                module = ".".join(path.relative_to(HANDLERS.parent).with_suffix("").parts)
                found.add((module, node.args[1].id))
    return found


def test_a_step_set_anywhere_by_name_is_in_the_registry() -> None:
    direct = _constant_steps_set_directly()
    assert len(direct) > 10
    for module, constant in direct:
        name = getattr(importlib.import_module(module), constant)
        assert name in STEPS, f"{module}.{constant} = {name!r} is not a registered step"


def test_button_steps_have_a_hint_in_both_languages() -> None:
    for name, step in STEPS.items():
        if step.waits_for_button:
            assert t(step.hint, "sv") != t(step.hint, "en"), name


def test_a_name_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        registry([Step(("a", "b")), Step(("b",))])


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Vad är IOP?", True),
        ("Hur mycket pengar finns det i budgeten för nästa år", True),
        ("vad är syftet med överenskommelsen", True),
        ("Hur söker man", True),
        ("Vuxenskolan", False),
        ("Röda Korset Västra Götaland", False),
        ("hej", False),
        ("", False),
    ],
)
def test_what_looks_like_a_question(text: str, question: bool) -> None:
    assert looks_like_question(text) == question
