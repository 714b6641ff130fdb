"""Import the register of signatories from a CSV file: all rows or none."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Organisation, SubRegion
from bot.services.organisations import fold, list_all
from bot.texts.clean import clean_text

COLUMNS = {
    "name": ("name", "namn"),
    "org_number": ("org_number", "organisationsnummer", "orgnr"),
    "subregion": ("subregion", "delregion"),
    "umbrella": ("umbrella", "paraply", "paraplyorganisation"),
    "signed_on": ("signed_on", "undertecknad", "datum"),
}
_HEADER_ALIASES = {alias: field for field, aliases in COLUMNS.items() for alias in aliases}
_SUBREGIONS = {fold(region.value): region for region in SubRegion} | {
    "goteborg": SubRegion.GOTEBORGSREGIONEN,
    "gr": SubRegion.GOTEBORGSREGIONEN,
}
# Swedish Excel writes booleans as SANT/FALSKT.
_YES = {"ja", "yes", "true", "1", "x", "sant"}
_NO = {"nej", "no", "false", "0", "", "falskt"}
_ORG_NUMBER = re.compile(r"(\d{6})-?(\d{4})")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NAME_MAX = 200
UNCLOSED_QUOTE = 'a value opens a quote (") that is never closed on its line'


@dataclass(frozen=True)
class ImportReport:
    """What an import did: organisations created, changed and found already up to date."""

    created: int
    updated: int
    unchanged: int = 0


class OrgImportError(Exception):
    """The file has errors; nothing was imported. Each error names its row and column."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class _Row:
    line: int
    values: dict[str, Any]


def luhn_valid(digits: str) -> bool:
    """Whether the last digit is the Luhn check digit of the others (Swedish org numbers)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise ValueError("the name is missing")
    if len(name) > NAME_MAX:
        raise ValueError(f"the name is longer than {NAME_MAX} characters")
    return name


def _org_number(raw: str) -> str | None:
    compact = "".join(raw.split())
    if not compact:
        return None
    match = _ORG_NUMBER.fullmatch(compact)
    if match is None:
        raise ValueError(f"'{raw}' is not an organisation number (expected NNNNNN-NNNN)")
    if not luhn_valid(match[1] + match[2]):
        raise ValueError(f"'{raw}' has a wrong check digit (the last digit); check for a typo")
    return f"{match[1]}-{match[2]}"


def _subregion(raw: str) -> SubRegion | None:
    key = re.sub(r"[\s-]", "", fold(raw))
    if not key:
        return None
    if key not in _SUBREGIONS:
        expected = ", ".join(region.value for region in SubRegion)
        raise ValueError(f"'{raw}' is not a sub-region (expected one of {expected})")
    return _SUBREGIONS[key]


def _umbrella(raw: str) -> bool:
    key = fold(raw).strip()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"'{raw}' is not yes or no (write ja/nej, yes/no, 1/0, x or leave empty)")


def _signed_on(raw: str) -> date | None:
    value = raw.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}", value):
        raise ValueError(f"'{value}' is only a year; write the whole date as YYYY-MM-DD")
    if not _ISO_DATE.fullmatch(value):
        raise ValueError(f"'{value}' is not a date (expected YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a valid date") from None


_PARSERS = {
    "name": _name,
    "org_number": _org_number,
    "subregion": _subregion,
    "umbrella": _umbrella,
    "signed_on": _signed_on,
}


def _header(cells: list[str]) -> tuple[list[str], list[str]]:
    """The field of each column, and errors for unknown, repeated or missing columns."""
    fields: list[str] = []
    errors: list[str] = []
    for cell in cells:
        key = re.sub(r"[\s.-]+", "_", fold(cell).strip()).strip("_")
        field = _HEADER_ALIASES.get(key, "")
        if not field:
            accepted = ", ".join(_HEADER_ALIASES)
            errors.append(f"row 1: unknown column '{cell.strip()}' (accepted: {accepted})")
        elif field in fields:
            errors.append(f"row 1: column '{cell.strip()}' repeats the {field} column")
        fields.append(field)
    if "name" not in fields:
        errors.append("row 1: the header has no name column (name or namn)")
    return fields, errors


def parse(text: str) -> list[_Row]:
    """The validated rows of a CSV file (only the columns it has), or OrgImportError."""
    text = clean_text(text.removeprefix("\ufeff"))
    # One register row per line: a quote left open must not swallow the rows after it.
    lines = list(io.StringIO(text, newline=""))
    if not any(line.strip() for line in lines):
        raise OrgImportError(["the file is empty"])
    # Excel in Sweden writes ";" (the comma is the decimal separator); others write ",".
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    header = _cells(lines[0], delimiter)
    if header is None:
        raise OrgImportError([f"row 1: {UNCLOSED_QUOTE}"])
    fields, errors = _header(header)
    if errors:
        raise OrgImportError(errors)
    labels = {field: cell.strip() for field, cell in zip(fields, header, strict=True)}
    rows: list[_Row] = []
    for line, text_line in enumerate(lines[1:], start=2):
        cells = _cells(text_line, delimiter)
        if cells is None:
            errors.append(f"row {line}: {UNCLOSED_QUOTE}")
            continue
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(fields) :]):
            errors.append(
                f"row {line}: {len(cells)} values but the header has {len(fields)} columns "
                f"(is there a '{delimiter}' inside a name? put such names in quotes)"
            )
            continue
        values: dict[str, Any] = {}
        for field, cell in zip(fields, cells + [""] * (len(fields) - len(cells)), strict=False):
            try:
                values[field] = _PARSERS[field](cell)
            except ValueError as problem:
                errors.append(f"row {line}, column '{labels[field]}': {problem}")
        if len(values) == len(fields):
            rows.append(_Row(line, values))
    errors += _duplicates(rows, labels)
    if errors:
        raise OrgImportError(errors)
    if not rows:
        raise OrgImportError(["the file has a header but no organisations"])
    return rows


def _cells(line: str, delimiter: str) -> list[str] | None:
    """The cells of one line, or None when a quoted value is never closed."""
    line = line.rstrip("\r\n")
    try:
        next(csv.reader([line], delimiter=delimiter, strict=True), None)
    except csv.Error as error:
        if "unexpected end of data" in str(error):
            return None
    return next(csv.reader([line], delimiter=delimiter), [])


def _duplicates(rows: list[_Row], labels: dict[str, str]) -> list[str]:
    errors: list[str] = []
    for field in ("name", "org_number"):
        seen: dict[str, int] = {}
        for row in rows:
            value = row.values.get(field)
            if value is None:
                continue
            first = seen.setdefault(value.casefold(), row.line)
            if first != row.line:
                errors.append(
                    f"row {row.line}, column '{labels[field]}': '{value}' is also on row {first}"
                )
    return errors


async def import_csv(session: AsyncSession, text: str) -> ImportReport:
    """Create or update organisations from the register; on any error change nothing."""
    rows = parse(text)
    existing = await list_all(session)
    by_number = {org.org_number: org for org in existing if org.org_number}
    by_name = {org.name.casefold(): org for org in existing}
    errors: list[str] = []
    claimed: dict[int, int] = {}
    plan: list[tuple[_Row, Organisation | None]] = []
    for row in rows:
        name, number = row.values["name"], row.values.get("org_number")
        target = by_number.get(number) if number else None
        target = target or by_name.get(name.casefold())
        namesake = by_name.get(name.casefold())
        if target is not None and namesake not in (None, target):
            errors.append(
                f"row {row.line}: org number {number} belongs to '{target.name}', but the name "
                f"'{name}' belongs to another organisation in the register"
            )
        elif target is not None and target.id in claimed:
            errors.append(
                f"row {row.line}: '{target.name}' is already updated by row {claimed[target.id]}"
            )
        if target is not None:
            claimed[target.id] = row.line
        plan.append((row, target))
    if errors:
        raise OrgImportError(errors)
    created = updated = unchanged = 0
    for row, target in plan:
        # Columns missing from the file keep their values; an empty cell clears one.
        if target is None:
            session.add(Organisation(**row.values))
            created += 1
        elif any(getattr(target, field) != value for field, value in row.values.items()):
            for field, value in row.values.items():
                setattr(target, field, value)
            updated += 1
        else:
            unchanged += 1
    await session.flush()
    return ImportReport(created=created, updated=updated, unchanged=unchanged)
