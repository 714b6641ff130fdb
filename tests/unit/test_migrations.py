"""The migrations build exactly the schema the models describe, on every database."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot.db import sync_url
from bot.migrate import alembic_config
from bot.models import Base


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
