"""What a feature declares: its commands, buttons, steps and the hooks the routers call.

Each feature package has a ``routes`` module with one ``FEATURE``; ``handlers.features``
lists the packages, and the routers and the menu are built from those declarations alone.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from telegram import Update

from handlers.core.callbacks import Callback
from handlers.core.common import Context
from handlers.core.staff_guard import CommandCallback
from handlers.core.steps import Step, registry

# A button's handler: its answer to the press (a short notice) or None.
Route = Callable[[Update, Context, Any], Awaitable[str | None]]
Handler = Callable[[Update, Context], Awaitable[None]]
Relay = Callable[[Update, Context], Awaitable[bool]]  # True: the message was taken
TextTaker = Callable[[Update, Context, str], Awaitable[bool]]  # True: the text was taken
Answerer = Callable[[Update, Context, str], Awaitable[None]]


@dataclass(frozen=True)
class Command:
    """A command of a feature; staff commands are refused to anyone else by the staff guard.
    ``menu`` is its place in the command menu (members' entries first, then staff's)."""

    names: tuple[str, ...]
    handler: CommandCallback
    staff: bool = False
    menu: int | None = None


@dataclass(frozen=True)
class Feature:
    """Everything one feature package adds to the bot."""

    commands: tuple[Command, ...] = ()
    actions: Mapping[type[Callback], Route] = field(default_factory=dict)
    steps: tuple[Step, ...] = ()
    # Runs before a private message is routed (a draft kept in the database comes back).
    resume: Handler | None = None
    media: Mapping[str, Handler] = field(default_factory=dict)  # step -> non-text message
    relay: Relay | None = None  # a reply to a message the bot forwarded
    newcomer: TextTaker | None = None  # text at no step, before it is taken as a question
    answer: Answerer | None = None  # text taken as a question (one feature answers them)
    # Buttons whose press sets the person's language: their command menu follows at once.
    language_actions: tuple[type[Callback], ...] = ()


@dataclass(frozen=True)
class Registry:
    """Every feature's declarations, merged; a name declared twice is a programming error."""

    features: tuple[Feature, ...]

    def actions(self) -> dict[type[Callback], Route]:
        found: dict[type[Callback], Route] = {}
        for feature in self.features:
            for cls, route in feature.actions.items():
                if cls in found:
                    raise ValueError(f"action {cls.__name__} is routed twice")
                found[cls] = route
        return found

    def steps(self, *extra: Step) -> dict[str, Step]:
        return registry([*(step for f in self.features for step in f.steps), *extra])

    def commands(self) -> list[Command]:
        return [command for feature in self.features for command in feature.commands]

    def menu(self, *, staff: bool) -> tuple[str, ...]:
        """The menu's command names: members' or staff's, in their declared order."""
        entries = [c for c in self.commands() if c.menu is not None and c.staff == staff]
        entries.sort(key=lambda c: c.menu or 0)
        return tuple(c.names[0] for c in entries)

    def media(self) -> dict[str, Handler]:
        return {step: h for feature in self.features for step, h in feature.media.items()}

    def resumers(self) -> list[Handler]:
        return [f.resume for f in self.features if f.resume is not None]

    def relays(self) -> list[Relay]:
        return [f.relay for f in self.features if f.relay is not None]

    def newcomers(self) -> list[TextTaker]:
        return [f.newcomer for f in self.features if f.newcomer is not None]

    def language_prefixes(self) -> tuple[str, ...]:
        """The callback data beginnings of the buttons that set a person's language."""
        return tuple(f"{cls.prefix}:" for f in self.features for cls in f.language_actions)

    def answerer(self) -> Answerer:
        answerers = [f.answer for f in self.features if f.answer is not None]
        if len(answerers) != 1:
            raise ValueError(f"one feature must answer questions, not {len(answerers)}")
        return answerers[0]


def command(
    names: str | Iterable[str],
    handler: CommandCallback,
    *,
    staff: bool = False,
    menu: int | None = None,
) -> Command:
    """One command declaration; ``names`` may give aliases (the first is the menu's)."""
    listed = (names,) if isinstance(names, str) else tuple(names)
    return Command(listed, handler, staff=staff, menu=menu)
