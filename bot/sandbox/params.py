"""Bot API request parameters and errors, decoded the way the Bot API server does it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web


class BotApiError(Exception):
    """An error answered as ``{"ok": false, "error_code": ..., "description": ...}``.

    ``parameters`` is Telegram's ResponseParameters, e.g. ``{"retry_after": 3}`` with a 429.
    """

    def __init__(
        self, error_code: int, description: str, *, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters


def bad_request(reason: str) -> BotApiError:
    """Build Telegram's 400 error, e.g. ``bad_request("chat not found")``."""
    return BotApiError(400, f"Bad Request: {reason}")


@dataclass(frozen=True)
class Upload:
    """A file that arrived as a multipart part."""

    data: bytes
    file_name: str
    mime_type: str


class Params:
    """Typed access to parameters, whichever way they arrived (query, form, multipart, JSON).

    PTB sends form fields: strings as-is and everything else JSON-encoded (so ``chat_id`` is
    ``"42"``, booleans are ``"true"`` and ``reply_markup`` is a JSON string); uploads come as
    multipart parts named after the parameter. Raw JSON bodies carry native values instead.
    """

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def has(self, name: str) -> bool:
        """Return True if the parameter was given (and is not empty)."""
        return self.values.get(name) not in (None, "")

    def text(self, name: str, default: str | None = None) -> str | None:
        """Return a string parameter, or the default when absent."""
        value = self.values.get(name)
        if value is None or isinstance(value, Upload):
            return default
        return value if isinstance(value, str) else json.dumps(value)

    def integer(self, name: str, default: int | None = None) -> int | None:
        """Return an integer parameter; a malformed one is a Bad Request."""
        value = self.values.get(name)
        if value in (None, ""):
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def number(self, name: str, default: float = 0.0) -> float:
        """Return a numeric parameter (PTB may send fractional seconds)."""
        value = self.values.get(name)
        if value in (None, ""):
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise bad_request(f"invalid {name} specified") from None

    def require_int(self, name: str, missing: str) -> int:
        """Return an integer parameter; absent answers Bad Request ``missing``."""
        value = self.integer(name)
        if value is None:
            raise bad_request(missing)
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        """Return a boolean parameter (``true``/``false``/``1``/``0``)."""
        value = self.values.get(name)
        if value in (None, ""):
            return default
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1")
        return bool(value)

    def decoded(self, name: str) -> Any:
        """Return a JSON-valued parameter (reply_markup, entities, ...) decoded, or None."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def upload(self, name: str) -> Upload | None:
        """Return the multipart file sent for ``name``, if any."""
        value = self.values.get(name)
        return value if isinstance(value, Upload) else None

    def loggable(self) -> dict[str, Any]:
        """Return the parameters for the call log: JSON decoded, uploads summarised."""
        logged: dict[str, Any] = {}
        for name, value in self.values.items():
            if isinstance(value, Upload):
                logged[name] = {"upload": value.file_name, "size": len(value.data)}
            elif isinstance(value, str) and value[:1] in ("{", "["):
                try:
                    logged[name] = json.loads(value)
                except json.JSONDecodeError:
                    logged[name] = value
            else:
                logged[name] = value
        return logged


async def read_params(request: web.Request) -> Params:
    """Collect parameters from the query string and a JSON, form or multipart body."""
    values: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            if isinstance(body, dict):
                values.update(body)
        else:
            form = await request.post()
            for name, value in form.items():
                if isinstance(value, web.FileField):
                    values[name] = Upload(
                        data=value.file.read(),
                        file_name=value.filename,
                        mime_type=value.content_type or "application/octet-stream",
                    )
                else:
                    values[name] = value
    return Params(values)
