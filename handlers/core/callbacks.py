"""The typed registry of callback data: a short prefix per action plus ids, parsed in one place.

Each feature declares its actions in its own ``actions`` module: a frozen dataclass per
button, subclassing ``Callback`` with a unique ``prefix``, the values its fields may carry
next to it, and ``valid`` for any check beyond the field types. Subclassing registers it.
"""

import dataclasses
import enum
from dataclasses import dataclass
from typing import ClassVar

from bot.ids import MAX_ID, MAX_KEY, parse_id

MAX_CALLBACK_BYTES = 64
BIG_FIELDS = frozenset({"question_key"})  # 62-bit keys; every other number is an id or index
DRAFT_TOKEN_LENGTH = 8


class BadCallback(ValueError):
    """Callback data that no action of this bot produced (forged, stale or malformed)."""


@dataclass(frozen=True)
class Callback:
    """Base of all callback actions; subclasses declare a prefix and typed fields."""

    prefix: ClassVar[str]
    staff: ClassVar[bool] = False  # staff-only: the router refuses anyone else before it runs

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        known = ACTIONS.get(cls.prefix)
        if known is not None and known.__qualname__ != cls.__qualname__:
            raise ValueError(f"callback prefix {cls.prefix!r} is declared twice")
        ACTIONS[cls.prefix] = cls

    def encode(self) -> str:
        values = [str(int(v) if isinstance(v, bool) else v) for v in self.__dict__.values()]
        data = ":".join([self.prefix, *values])
        if len(data.encode()) > MAX_CALLBACK_BYTES:
            raise ValueError(f"callback data too long: {data!r}")
        return data

    def valid(self) -> bool:
        """The checks beyond the fields' types (allowed words, draft tokens); parse refuses
        an action that fails them."""
        return True


ACTIONS: dict[str, type[Callback]] = {}  # prefix -> action, filled as features declare them


def is_draft_token(token: str) -> bool:
    """A draft's token as buttons carry it: DRAFT_TOKEN_LENGTH letters or digits."""
    return len(token) == DRAFT_TOKEN_LENGTH and token.isalnum()


def parse(data: str | None) -> Callback:
    """Parse callback data into its action, or raise BadCallback."""
    if not data or len(data.encode()) > MAX_CALLBACK_BYTES:
        raise BadCallback(data)
    prefix, *raw = data.split(":")
    cls = ACTIONS.get(prefix)
    if cls is None:
        raise BadCallback(data)
    fields = dataclasses.fields(cls)
    # A trailing field with a default may be left out (buttons made before it was added).
    required = sum(1 for field in fields if field.default is dataclasses.MISSING)
    if not required <= len(raw) <= len(fields):
        raise BadCallback(data)
    try:
        given = fields[: len(raw)]
        values = [_convert(field, value) for field, value in zip(given, raw, strict=True)]
        action = cls(*values)
    except ValueError as error:
        raise BadCallback(data) from error
    _validate(action)
    return action


def _convert(field: dataclasses.Field[object], value: str) -> object:
    type_name = field.type
    if type_name in (int, "int"):
        # Within the column's range: a forged "mtg:99999999999999999999:1" is just unknown.
        maximum = MAX_KEY if field.name in BIG_FIELDS else MAX_ID
        number = parse_id(value, maximum=maximum, minimum=0)
        if number is None:
            raise ValueError(value)
        return number
    if type_name in (bool, "bool"):
        if value not in ("0", "1"):
            raise ValueError(value)
        return value == "1"
    if isinstance(type_name, type) and issubclass(type_name, enum.Enum):
        return type_name(value)  # a value no member has raises ValueError
    return value


def _validate(action: Callback) -> None:
    if not action.valid():
        raise BadCallback(action.encode())
