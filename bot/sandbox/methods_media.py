"""Bot API methods for files: sendDocument, sendPhoto and getFile."""

from __future__ import annotations

import struct

from bot.sandbox.compose import MAX_CAPTION, format_text, new_bot_message, require_chat
from bot.sandbox.params import bad_request
from bot.sandbox.records import JSON, SandboxChat, StoredFile
from bot.sandbox.render import message_json
from bot.sandbox.state import Call, Handler


def _input_file(call: Call, name: str, kind: str) -> StoredFile:
    """Store an uploaded file, or look up a file_id sent before."""
    upload = call.params.upload(name)
    if upload is not None:
        if not upload.data:
            raise bad_request("file must be non-empty")
        return call.state.add_file(
            upload.data, file_name=upload.file_name, mime_type=upload.mime_type, kind=kind
        )
    reference = call.params.text(name)
    if not reference:
        raise bad_request(f"there is no {name} in the request")
    if reference.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content")  # the sandbox is offline
    stored = call.state.files.get(reference)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    return stored


def image_size(data: bytes) -> tuple[int, int] | None:
    """Return (width, height) of a PNG, GIF or JPEG image, or None if it is none of those."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        width, height = struct.unpack("<HH", data[6:10])
        return int(width), int(height)
    if data.startswith(b"\xff\xd8"):
        pos = 2
        while pos + 9 <= len(data) and data[pos] == 0xFF:
            marker, length = data[pos + 1], int.from_bytes(data[pos + 2 : pos + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):  # start of frame
                height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
                return int(width), int(height)
            pos += 2 + length
    return None


async def _send_file(call: Call, chat: SandboxChat, extra: JSON) -> JSON:
    formatted, source = format_text(
        call, text_param="caption", entities_param="caption_entities", limit=MAX_CAPTION
    )
    message = new_bot_message(call, chat)
    message.extra = extra
    message.html = source
    if formatted.text:
        message.caption, message.caption_entities = formatted.text, formatted.entities
    return message_json(call.state, message)


async def send_document(call: Call) -> JSON:
    """sendDocument."""
    chat = require_chat(call)
    stored = _input_file(call, "document", "documents")
    return await _send_file(call, chat, {"document": stored.to_json()})


async def send_photo(call: Call) -> JSON:
    """sendPhoto: one PhotoSize, with the image's real dimensions."""
    chat = require_chat(call)
    stored = _input_file(call, "photo", "photos")
    size = image_size(stored.data)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    photo = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "width": size[0],
        "height": size[1],
        "file_size": len(stored.data),
    }
    return await _send_file(call, chat, {"photo": [photo]})


async def get_file(call: Call) -> JSON:
    """getFile: the file_path is served under /file/bot<token>/."""
    stored = call.state.files.get(call.params.text("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": len(stored.data),
        "file_path": f"{stored.kind}/{stored.file_id}",
    }


METHODS: dict[str, Handler] = {
    "senddocument": send_document,
    "sendphoto": send_photo,
    "getfile": get_file,
}
