"""Logging that never shows the bot token, not even inside a traceback."""

from __future__ import annotations

import logging

# The least each library logs at: below it they log what passes through them, such as
# requests to the Bot API and their answers (the token, people's messages) or SQL with its
# parameters (questions asked; SQLAlchemy does so already at INFO).
PAYLOAD_LOGGERS = {
    "telegram": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "hpack": logging.INFO,
    "aiohttp": logging.INFO,
    "aiohttp.access": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "aiosqlite": logging.INFO,
    "psycopg": logging.INFO,
    "alembic": logging.INFO,
    "apscheduler": logging.WARNING,
    "asyncio": logging.INFO,
}


class RedactSecrets(logging.Filter):
    """Replace every secret in a record's message and traceback with ***."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [secret for secret in secrets if secret]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        record.msg = self._clean(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        return True


def setup_logging(level: str, *, secrets: list[str]) -> None:
    """Log to stderr; libraries that would log tokens, messages or SQL parameters stay quiet."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # So at SIGNBOT_LOG_LEVEL=DEBUG only the bot's own loggers go below INFO.
    for library, least in PAYLOAD_LOGGERS.items():
        logging.getLogger(library).setLevel(max(least, root.level))
    # On an answer that is not JSON (a proxy's error page) PTB logs the whole page with a
    # traceback, then raises the error to its caller, which reports it in one line.
    logging.getLogger("telegram.request").setLevel(logging.CRITICAL)
    # pypdf's warnings quote the document's bytes; a failed import is reported by the caller.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
