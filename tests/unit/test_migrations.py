"""The migrations build exactly the schema the models describe, on every database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot import migrate
from bot.db import sync_url
from bot.models import Base
from tests.dbutil import sqlite_url


def test_migrated_schema_matches_the_models(db_url: str) -> None:
    engine = create_engine(sync_url(db_url))
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_every_table_says_sqlite_autoincrement() -> None:
    assert [
        name
        for name, table in Base.metadata.tables.items()
        if not table.dialect_options["sqlite"]["autoincrement"]
    ] == []


def test_migrated_sqlite_tables_never_reuse_ids(tmp_path: Path) -> None:
    # Rows written before 0009 keep their ids; afterwards a deleted newest id is not handed out.
    url = sqlite_url(tmp_path / "ids.db")
    command.upgrade(migrate.alembic_config(url), "0008")
    engine = create_engine(sync_url(url))
    try:
        with engine.begin() as connection:
            for number in (1, 2, 3):
                connection.execute(_NEW_FEED, {"url": f"https://example.org/{number}"})
        migrate.upgrade(url)
        with engine.begin() as connection:
            without = connection.scalars(
                text(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE "
                    "'%INTEGER NOT NULL%PRIMARY KEY%' AND sql NOT LIKE '%AUTOINCREMENT%'"
                )
            ).all()
            assert without == []
            assert connection.scalars(text("SELECT id FROM feeds ORDER BY id")).all() == [1, 2, 3]
            connection.execute(text("DELETE FROM feeds WHERE id = 3"))
            connection.execute(_NEW_FEED, {"url": "https://example.org/4"})
            assert connection.scalars(text("SELECT id FROM feeds ORDER BY id")).all() == [1, 2, 4]
        command.downgrade(migrate.alembic_config(url), "0008")
        with engine.connect() as connection:
            assert connection.scalars(text("SELECT id FROM feeds ORDER BY id")).all() == [1, 2, 4]
    finally:
        engine.dispose()


_NEW_FEED = text(
    "INSERT INTO feeds (url, kind, include_words, exclude_words, interval_seconds, next_poll_at,"
    " failures, disabled, created_at) VALUES (:url, 'news', '', '', 3600,"
    " '2026-01-01 00:00:00', 0, 0, '2026-01-01 00:00:00')"
)
