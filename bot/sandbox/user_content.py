"""What a user composes in the control API: formatted text, a photo with a caption."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.html_entities import normalize_url, utf16_len
from bot.sandbox.methods_media import image_size
from bot.sandbox.records import JSON, StoredFile

_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
# What a Telegram app lets a person format; bot_command is added by Telegram itself.
USER_ENTITY_TYPES = frozenset(
    {
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "code",
        "pre",
        "text_link",
        "blockquote",
        "expandable_blockquote",
    }
)


class ContentError(ValueError):
    """Content Telegram's apps could not send; the message says what is wrong."""


def command_entities(text: str) -> list[JSON]:
    """Return the bot_command entities Telegram would attach to a user's text."""
    return [
        {"type": "bot_command", "offset": utf16_len(text[: m.start()]), "length": utf16_len(m[0])}
        for m in _COMMAND.finditer(text)
    ]


def _entity(raw: Any, text_length: int, name: str) -> JSON:
    if not isinstance(raw, dict):
        raise ContentError(f"each of {name} must be an object")
    kind = raw.get("type")
    if kind not in USER_ENTITY_TYPES:
        allowed = ", ".join(sorted(USER_ENTITY_TYPES))
        raise ContentError(f"{name}: type {kind!r} is not one a user can format ({allowed})")
    offset, length = raw.get("offset"), raw.get("length")
    if not (isinstance(offset, int) and isinstance(length, int)) or offset < 0 or length < 1:
        raise ContentError(f"{name}: offset and length must be integers, length at least 1")
    if offset + length > text_length:
        raise ContentError(f"{name}: {kind} at {offset}+{length} ends after the text")
    entity: JSON = {"type": kind, "offset": offset, "length": length}
    if kind == "text_link":
        url = normalize_url(str(raw.get("url", "")))
        if url is None:
            raise ContentError(f"{name}: text_link needs a valid url, not {raw.get('url')!r}")
        entity["url"] = url
    if kind == "pre" and isinstance(raw.get("language"), str) and raw["language"]:
        entity["language"] = raw["language"]
    return entity


def formatted(text: Any, raw_entities: Any, *, name: str) -> tuple[str, list[JSON]]:
    """Validate a user's text and formatting; add the bot_command entities Telegram adds.

    The length is not limited: tests send what an app would have split, to see the bot cope.
    """
    if not isinstance(text, str):
        raise ContentError(f"{name} must be a string")
    if raw_entities is None:
        raw_entities = []
    entities_name = "entities" if name == "text" else "caption_entities"
    if not isinstance(raw_entities, list):
        raise ContentError(f"{entities_name} must be a list")
    length = utf16_len(text)
    entities = [_entity(raw, length, entities_name) for raw in raw_entities]
    entities += command_entities(text)
    # Telegram lists entities by offset, an enclosing entity before the ones inside it.
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return text, entities


def photo_sizes(stored: StoredFile) -> list[JSON]:
    """Return the PhotoSize list of an uploaded image, as a user's photo message carries it."""
    size = image_size(stored.data)
    if size is None:
        raise ContentError(f"{stored.file_name} is not a PNG, GIF or JPEG image")
    return [
        {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "width": size[0],
            "height": size[1],
            "file_size": len(stored.data),
        }
    ]
