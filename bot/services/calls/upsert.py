"""INSERT ... ON CONFLICT DO NOTHING for the database in use, so a race loses quietly."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.models import Base


async def insert_once(
    session: AsyncSession, model: type[Base], values: dict[str, Any], *, unique: list[str]
) -> int | None:
    """Insert a row unless one with the same unique columns exists; its id, or None (flushed)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=unique)
        .returning(model.__table__.c.id)
    )
    await session.flush()
    inserted: int | None = await session.scalar(statement)
    return inserted
