"""Synonym groups as data: a file shipped with the knowledge base plus an operator's own file.

One group per line, members separated by commas, `#` starts a comment. A question word also
matches the other words of its group. A member of several words ("skriva på", "var med") is
a phrase: a question holding it word for word is read as the group's first single word (or,
in a group of phrases only, its first phrase as one hyphenated word), and a document holding
it also holds that word; so words that are stop words on their own ("var med") say something.
Phrases are matched as written, not stemmed ("var med" took part, "vara med" is to belong),
so a group lists the forms it means ("skriva på, skrev på, skrivit på").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from bot.services.knowledge.analyzer import raw_tokens, stem

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge_base" / "synonyms.txt"
MAX_GROUP = 30  # members per group: a pasted paragraph is not a group
MAX_MEMBER = 60  # characters per member
# Sentence adverbs Swedish puts between a verb and its particle: "är redan med", "skrev också på".
INSERTED = frozenset(
    ["redan", "också", "även", "ju", "nu", "fortfarande", "väl", "alltså", "faktiskt", "egentligen"]
)


class SynonymError(ValueError):
    """A group given to add is not one (fewer than two members, or too long)."""


def parse_groups(text: str) -> list[tuple[str, ...]]:
    """The groups of a synonyms file; blank lines, comments and one-member lines are skipped."""
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        group = parse_group(line)
        if len(group) > 1:
            groups.append(group)
    return groups


def parse_group(line: str) -> tuple[str, ...]:
    """The members of one comma-separated group, normalised and without repeats."""
    members = (" ".join(raw_tokens(member)) for member in line.split(","))
    return tuple(dict.fromkeys(m for m in members if m and len(m) <= MAX_MEMBER))[:MAX_GROUP]


def read_groups(path: Path) -> list[tuple[str, ...]]:
    """The groups of a file; a missing or unreadable file has none."""
    try:
        return parse_groups(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return []


def load_groups(operator_file: Path | None = None) -> list[tuple[str, ...]]:
    """The shipped groups followed by the operator's."""
    groups = read_groups(SHIPPED)
    if operator_file is not None:
        groups += read_groups(operator_file)
    return groups


def append_group(path: Path, line: str) -> tuple[str, ...]:
    """Append a group ("a, b, c") to an operator file, creating it; return the group."""
    group = parse_group(line)
    if len(group) < 2:
        raise SynonymError("a group needs at least two words, separated by commas")
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not existing or existing.endswith("\n") else "\n"
    with path.open("a", encoding="utf-8") as file:
        file.write(f"{separator}{', '.join(group)}\n")
    return group


@dataclass(frozen=True)
class Synonyms:
    """Stem → the stems of its synonyms, and phrases → the single word they stand for."""

    table: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # words → word

    @classmethod
    def of(cls, groups: Iterable[Sequence[str]]) -> Synonyms:
        """The lookup tables of some groups (a word in several groups gets all of them)."""
        table: dict[str, set[str]] = {}
        phrases: dict[tuple[str, ...], str] = {}
        for group in groups:
            words = [m for m in group if " " not in m] or [group[0].replace(" ", "-")]
            stems = {stem(word) for word in words}
            for member in stems:
                table.setdefault(member, set()).update(stems - {member})
            for member in group:
                if " " in member:
                    phrases.setdefault(tuple(member.split()), words[0])
        return cls({k: frozenset(v) for k, v in table.items()}, phrases)

    def merged(self, other: Synonyms) -> Synonyms:
        """These groups and another's (a word in both gets the synonyms of both)."""
        table = {k: set(v) for k, v in self.table.items()}
        for word, synonyms in other.table.items():
            table.setdefault(word, set()).update(synonyms)
        phrases = {**other.phrases, **self.phrases}
        return Synonyms({k: frozenset(v) for k, v in table.items()}, phrases)

    def expand(self, tokens: list[str]) -> list[str]:
        """Tokens of a document, each known phrase followed by its single word."""
        return self.rewrite(tokens, keep=True)

    def rewrite(self, tokens: list[str], *, keep: bool = False) -> list[str]:
        """Tokens with each known phrase replaced by its single word, longest phrase first."""
        if not self.phrases:
            return tokens
        result: list[str] = []
        index = 0
        while index < len(tokens):
            found = self.phrase_at(tokens, index)
            if found is not None:
                word, size = found
                result.extend([*tokens[index : index + size], word] if keep else [word])
                index += size
            else:
                result.append(tokens[index])
                index += 1
        return result

    def phrase_at(self, tokens: list[str], index: int = 0) -> tuple[str, int] | None:
        """The single word of the longest known phrase starting at a token, and how many tokens
        it takes: a sentence adverb inside it is part of it ("är redan med" is "är med")."""
        if not self.phrases or index >= len(tokens):
            return None
        words = [tokens[index]]
        ends = [index + 1]  # the token after each word of words
        for place in range(index + 1, len(tokens)):
            if len(words) == self._longest:
                break
            if tokens[place] in INSERTED:
                continue
            words.append(tokens[place])
            ends.append(place + 1)
        for size in range(len(words), 1, -1):
            word = self.phrases.get(tuple(words[:size]))
            if word is not None:
                return word, ends[size - 1] - index
        return None

    @cached_property
    def _longest(self) -> int:
        return max((len(phrase) for phrase in self.phrases), default=0)


@lru_cache(maxsize=1)
def shipped() -> Synonyms:
    """The groups shipped with the knowledge base (what an index uses unless told otherwise)."""
    return Synonyms.of(read_groups(SHIPPED))
