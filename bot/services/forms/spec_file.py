"""A form defined in a TOML file by staff: title, intro, audience and its questions."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from bot.errors import DomainError
from bot.models import QuestionKind
from bot.services.delivery import schedule
from bot.services.forms.definitions import FormSpec, QuestionSpec, validate
from bot.texts.clean import clean_json
from bot.timeutil import as_utc

FORM_KEYS = {"title", "intro", "audience", "per_organisation", "closes", "questions"}
QUESTION_KEYS = {"key", "kind", "text", "options", "required", "min", "max", "max_length"}
KINDS = ", ".join(kind.value for kind in QuestionKind)
DAY_END = time(23, 59)  # "closes = 2026-05-31" means to the end of that day
_LINE = re.compile(r"line (\d+)")


def parse(text: str, *, tz: ZoneInfo) -> FormSpec:
    """The FormSpec a TOML text describes (checked); DomainError naming the place otherwise."""
    try:
        data = clean_json(tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        found = _LINE.search(str(error))
        raise DomainError("form_file_syntax", line=found.group(1) if found else "?") from None
    unknown = sorted(set(data) - FORM_KEYS)
    if unknown:
        raise DomainError("form_file_unknown_field", field=unknown[0])
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise DomainError("form_no_questions")
    spec = FormSpec(
        title=_text(data, "title", place="title"),
        intro=_text(data, "intro", place="intro"),
        audience=_text(data, "audience", place="audience") or "all",
        per_organisation=_flag(data, "per_organisation", default=False, place="per_organisation"),
        closes_at=_closes(data.get("closes"), tz=tz),
        questions=tuple(_question(number, q) for number, q in enumerate(questions, start=1)),
    )
    validate(spec)
    return spec


def _text(data: dict[str, Any], key: str, *, place: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise DomainError("form_file_not_text", place=place)
    return value


def _flag(data: dict[str, Any], key: str, *, default: bool, place: str) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise DomainError("form_file_not_flag", place=place)
    return value


def _number(data: dict[str, Any], key: str, *, place: str) -> int | None:
    value = data.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise DomainError("form_file_not_number", place=place)
    return value


def _closes(value: object, *, tz: ZoneInfo) -> datetime | None:
    """A TOML date (its end), local date-time (Stockholm), offset date-time, or such a text."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise DomainError("form_file_closes_invalid") from None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return as_utc(value)
        return schedule.to_utc(value.date(), value.time(), tz)
    if isinstance(value, date):
        return schedule.to_utc(value, DAY_END, tz)
    raise DomainError("form_file_closes_invalid")


def _question(number: int, data: object) -> QuestionSpec:
    if not isinstance(data, dict):
        raise DomainError("form_file_question_invalid", number=number)
    unknown = sorted(set(data) - QUESTION_KEYS)
    if unknown:
        raise DomainError("form_file_question_unknown_field", number=number, field=unknown[0])
    place = f"questions #{number}"
    kind = data.get("kind")
    if kind not in {k.value for k in QuestionKind}:
        raise DomainError("form_file_kind_unknown", number=number, kind=str(kind), kinds=KINDS)
    options = data.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise DomainError("form_file_options_invalid", number=number)
    return QuestionSpec(
        key=_text(data, "key", place=f"{place} key"),
        kind=QuestionKind(kind),
        prompt=_text(data, "text", place=f"{place} text"),
        options=tuple(options),
        required=_flag(data, "required", default=True, place=f"{place} required"),
        min_value=_number(data, "min", place=f"{place} min"),
        max_value=_number(data, "max", place=f"{place} max"),
        max_length=_number(data, "max_length", place=f"{place} max_length"),
    )
