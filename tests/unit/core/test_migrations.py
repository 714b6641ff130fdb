"""The migrations build exactly the schema the models describe, on every database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot import migrate
from bot.db import sync_url
from bot.migrate import alembic_config
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


def test_feed_errors_stored_as_text_become_kinds(tmp_path: Path) -> None:
    """Feeds failing before 0013 show their problem in words; feeds with items count as fetched."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = alembic_config(url)
    command.upgrade(config, "0008")
    engine = create_engine(sync_url(url))
    stamp = "2025-03-10 08:00:00.000000"
    old = [
        (1, "HTTP 503", 1),
        (2, "ConnectError: [Errno -2] Name or service not known", 0),
        (3, "timeout", 0),
        (4, None, 0),
    ]
    try:
        with engine.begin() as connection:
            for number, error, items in old:
                connection.execute(
                    text(
                        "INSERT INTO feeds (id, url, kind, include_words, exclude_words, "
                        "interval_seconds, next_poll_at, failures, disabled, last_error, "
                        "created_at) VALUES (:id, :url, 'news', '', '', 1800, :at, 1, 0, "
                        ":error, :at)"
                    ),
                    {"id": number, "url": f"https://e.org/{number}", "at": stamp, "error": error},
                )
                if items:
                    connection.execute(
                        text(
                            "INSERT INTO feed_items (feed_id, dedup_key, title, summary_html, "
                            "seen_at, announced) VALUES (:id, 'k', 't', '', :at, 0)"
                        ),
                        {"id": number, "at": stamp},
                    )
        command.upgrade(config, "head")
        with engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT error_kind, error_status, last_error, fetched_at IS NOT NULL "
                    "FROM feeds ORDER BY id"
                )
            ).all()
            quiet = connection.execute(text("SELECT quiet FROM feed_items")).scalar_one()
    finally:
        engine.dispose()
    assert [tuple(row) for row in rows] == [
        ("http", 503, "HTTP 503", True),
        ("unreachable", None, "ConnectError: [Errno -2] Name or service not known", False),
        ("timeout", None, "timeout", False),
        (None, None, None, False),
    ]
    assert not quiet


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
