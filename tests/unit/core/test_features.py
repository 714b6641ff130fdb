"""The feature registry: every feature package is listed once, and what they declare merges."""

from __future__ import annotations

from pathlib import Path

import pytest
from telegram import Update

from handlers import features
from handlers.core.common import Context
from handlers.core.registry import Feature, Registry, command
from handlers.core.text_router import CONFIRM_STEP
from handlers.onboarding.actions import ChooseLanguage

HANDLERS = Path(__file__).resolve().parents[3] / "handlers"
NOT_FEATURES = {"core", "delivery"}  # shared by every feature, declaring nothing


async def _nothing(update: Update, context: Context) -> None:
    return None


async def _route(update: Update, context: Context, action: ChooseLanguage) -> str | None:
    return None


def test_every_feature_package_is_listed_once_and_declares_a_feature() -> None:
    packages = {path.parent.name for path in HANDLERS.glob("*/__init__.py")}
    assert sorted(features.FEATURES) == sorted(packages - NOT_FEATURES)
    assert all(isinstance(f, Feature) for f in features.load().features)


def test_the_menus_keep_their_order() -> None:
    assert features.menu(staff=False) == (
        "start",
        "meetings",
        "calls",
        "forms",
        "profile",
        "help",
        "settings",
        "stop",
        "cancel",
    )
    assert features.menu(staff=True)[9:] == (
        "unanswered",
        "faq",
        "invite",
        "broadcast",
        "campaigns",
        "newmeeting",
        "attendees",
        "newcall",
        "feeds",
        "digest",
        "newpoll",
        "results",
        "export",
        "nominations",
        "formadmin",
        "stats",
    )


def test_a_command_name_is_declared_once() -> None:
    names = [name for c in features.load().commands() for name in c.names]
    assert len(names) == len(set(names))


def test_the_steps_merge_with_the_confirmation() -> None:
    assert CONFIRM_STEP.names[0] in features.load().steps(CONFIRM_STEP)


def test_an_action_routed_twice_is_refused() -> None:
    twice = Registry((Feature(actions={ChooseLanguage: _route}),) * 2)
    with pytest.raises(ValueError, match="twice"):
        twice.actions()


def test_one_feature_answers_questions() -> None:
    with pytest.raises(ValueError, match="one feature"):
        Registry((Feature(commands=(command("x", _nothing),)),)).answerer()
    assert features.load().answerer() is not None
