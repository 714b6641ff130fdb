"""Settings: defaults, one clear line per bad value, the token never shown."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, Settings, load_settings

SECRET_TOKEN = "123456:SECRET-never-shown"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "DATABASE_URL",
        "SIGNBOT_ADMINS",
        "SIGNBOT_STAFF_CHAT_ID",
        "TELEGRAM_API_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(str(tmp_path))


def test_defaults() -> None:
    settings = load_settings()
    assert settings.database_url == "sqlite:///data/signbot.db"
    assert settings.telegram_bot_token is None and not settings.has_token
    assert settings.admins == ()
    assert settings.timezone == "Europe/Stockholm"


def test_values_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNBOT_ADMINS", "11, 22")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", SECRET_TOKEN)
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/db")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:8081/bot")
    settings = load_settings()
    assert settings.admins == (11, 22)
    assert settings.has_token
    assert SECRET_TOKEN not in repr(settings)


def test_dot_env_file_is_read(tmp_path: object) -> None:
    with open(".env", "w", encoding="utf-8") as env:
        env.write("SIGNBOT_ADMINS=5\n")
    assert load_settings().admins == (5,)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SIGNBOT_ADMINS", "12,abc"),
        ("DATABASE_URL", "mysql://x/y"),
        ("TELEGRAM_API_BASE_URL", "127.0.0.1:8081"),
        ("SIGNBOT_STAFF_CHAT_ID", "staff"),
        ("SIGNBOT_ANSWER_THRESHOLD", "2"),
        ("SIGNBOT_TIMEZONE", "Mars/Olympus"),
        ("TELEGRAM_BOT_TOKEN", "nocolon"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as raised:
        load_settings()
    message = str(raised.value)
    assert name in message and "\n" not in message


def test_a_malformed_token_is_not_repeated_in_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "SECRETSECRETnocolon")
    with pytest.raises(ConfigError) as raised:
        load_settings()
    assert "SECRETSECRET" not in str(raised.value)


def test_settings_can_be_passed_by_tests() -> None:
    settings = Settings.model_validate({"database_url": "sqlite:///x.db", "admins": (1,)})
    assert settings.admins == (1,)


def test_empty_values_mean_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNBOT_STAFF_CHAT_ID", "")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    settings = load_settings()
    assert settings.staff_chat_id is None and settings.telegram_bot_token is None


@pytest.mark.parametrize(
    ("written", "minutes"),
    [("1d,1h", (1440, 60)), ("30m, 2h", (120, 30)), ("off", ()), ("1h,60m", (60,))],
)
def test_meeting_reminders_are_written_as_durations(
    monkeypatch: pytest.MonkeyPatch, written: str, minutes: tuple[int, ...]
) -> None:
    monkeypatch.setenv("SIGNBOT_MEETING_REMINDERS", written)
    assert load_settings().meeting_reminders == minutes


def test_a_malformed_reminder_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNBOT_MEETING_REMINDERS", "1 week")
    with pytest.raises(ConfigError, match="SIGNBOT_MEETING_REMINDERS: expected durations"):
        load_settings()
