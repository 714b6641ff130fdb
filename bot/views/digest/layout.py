"""The digest's Jinja2 templates (compiled once) and fitting a digest into one message.

Telegram takes 4096 characters a message. The limit is checked on the HTML itself, which
is never shorter than the text Telegram counts, so a digest that fits here fits there.
Items are whole, self-contained HTML snippets: cutting drops items, never half a tag.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

TEXT_LIMIT = 4096
MORE_ROOM = 60  # about one "…och N till: /meetings" line, made room for when cutting

ENV = Environment(
    loader=PackageLoader("bot.views.digest", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
LAYOUT = ENV.get_template("digest.html.j2")
# The item macros, called from Python (Jinja gives their module no static attributes).
ITEMS: Any = ENV.get_template("items.html.j2").module


@dataclass
class Section:
    """One section: its heading, its item snippets, and how the rest is pointed to.

    ``more`` turns the number of items left out into the "…och N till" line.
    """

    heading: Markup
    items: list[Markup]
    more: Callable[[int], Markup]
    separator: str = "\n\n"
    left_out: int = 0  # beyond the section's own cap, before any cut for length
    kept: int = field(init=False)

    def __post_init__(self) -> None:
        self.kept = len(self.items)

    def view(self) -> dict[str, object]:
        """What the layout template shows of this section now."""
        hidden = self.left_out + len(self.items) - self.kept
        return {
            "heading": self.heading,
            "body": Markup(self.separator).join(self.items[: self.kept]),
            "more": self.more(hidden) if hidden else None,
        }


@dataclass(frozen=True)
class Head:
    """What comes before the sections: title, the window line, the staff note."""

    title: Markup
    since: Markup
    note_heading: Markup
    note: str


def render(head: Head, sections: list[Section]) -> str:
    """The digest's text as the sections stand."""
    text = LAYOUT.render(
        title=head.title,
        since=head.since,
        note_heading=head.note_heading,
        note=head.note,
        sections=[s.view() for s in sections],
    )
    return text.strip()


def _drop_from_tail(sections: list[Section], overflow: int) -> bool:
    """Leave out items from the last sections until about ``overflow`` characters went."""
    dropped = False
    for section in reversed(sections):
        while section.kept and overflow > 0:
            section.kept -= 1
            overflow -= len(section.items[section.kept]) + len(section.separator)
            dropped = True
        if overflow <= 0:
            break
    return dropped


def fit(head: Head, sections: list[Section], *, limit: int = TEXT_LIMIT) -> str:
    """The text within ``limit``: items cut from the tail, each cut section saying how many.

    Each round drops at least the overflow (plus room for a "more" line), so it takes a
    round or two; the note is limited where it is written, so the head always fits.
    """
    text = render(head, sections)
    while len(text) > limit:
        if not _drop_from_tail(sections, len(text) - limit + MORE_ROOM):
            break  # nothing left to cut: only the head, which fits by construction
        text = render(head, sections)
    return text
