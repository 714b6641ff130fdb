"""The declarative base, its naming convention, UTC timestamps and enum columns."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, MetaData, TypeDecorator
from sqlalchemy.orm import DeclarativeBase

from bot.timeutil import as_utc


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Without AUTOINCREMENT, SQLite hands the id of the newest row, once deleted, to the
        # next one: an old "Ta bort" button or audit entry then names a different thing.
        # PostgreSQL's sequences never reuse ids.
        table = getattr(cls, "__table__", None)
        if table is not None:
            table.dialect_kwargs["sqlite_autoincrement"] = True


def enum_column(cls: type[enum.Enum]) -> Enum:
    """The column type for an enum: its values, in a string column of 20 characters."""
    # Stored as plain strings (no native enum type) so migrations stay simple on both databases.
    return Enum(cls, native_enum=False, length=20, values_callable=lambda e: [m.value for m in e])
