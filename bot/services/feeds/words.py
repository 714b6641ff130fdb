"""A feed's problem in plain words for staff, from the catalogue (never the exception text)."""

from __future__ import annotations

from bot.services.feeds.fetch import ErrorKind
from bot.texts import t

_HTTP_KINDS = {401: "denied", 403: "denied", 404: "missing", 410: "missing"}


def problem_text(kind: str | None, status: int | None, lang: str) -> str:
    """What went wrong, e.g. "går inte att nå" or "sidan finns inte (felkod 404)"."""
    try:
        known = ErrorKind(kind or ErrorKind.INTERNAL)
    except ValueError:  # a kind from a newer version of the bot
        known = ErrorKind.INTERNAL
    if known is ErrorKind.HTTP:
        code = status or 0
        variant = _HTTP_KINDS.get(code) or ("server" if code >= 500 else "other")
        return t(f"feeds_problem_http_{variant}", lang, status=code)
    return t(f"feeds_problem_{known.value}", lang)
