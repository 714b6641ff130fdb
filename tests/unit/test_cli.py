"""The `signbot` command from a shell's point of view: output, exit codes, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "SIGNBOT_ADMINS",
        "SIGNBOT_STAFF_CHAT_ID",
        "SIGNBOT_BOT_USERNAME",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    return tmp_path


def test_org_import_reports_every_bad_row_and_imports_nothing(tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_text(
        "namn;delregion;paraply\nBra förening;Fyrbodal;ja\nDålig förening;Mars;kanske\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["orgs", "import", str(register)])
    assert result.exit_code == 1
    assert "row 3" in result.output and "Mars" in result.output and "kanske" in result.output
    assert "register is empty" in runner.invoke(app, ["orgs", "list"]).output


def test_invite_prints_the_t_me_link_with_the_configured_username(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "register.csv"
    register.write_text("name,subregion\nPRO Skaraborg,Skaraborg\n", encoding="utf-8")
    runner.invoke(app, ["orgs", "import", str(register)])
    monkeypatch.setenv("SIGNBOT_BOT_USERNAME", "@vgr_overenskommelsen_bot")
    invited = runner.invoke(app, ["orgs", "invite", "PRO Skaraborg"])
    assert invited.exit_code == 0 and invited.stderr == ""
    link, details = invited.stdout.strip().splitlines()
    code = details.split("Code: ")[1]
    assert link == f"https://t.me/vgr_overenskommelsen_bot?start={code}"


def test_org_import_invite_and_revoke(tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_text("name,subregion\nPRO Skaraborg,Skaraborg\n", encoding="utf-8")
    assert "1 created" in runner.invoke(app, ["orgs", "import", str(register)]).output
    invited = runner.invoke(app, ["orgs", "invite", "PRO Skaraborg", "--days", "7"])
    assert invited.exit_code == 0
    code = invited.stdout.split("Code: ")[1].strip()
    # No token and no SIGNBOT_BOT_USERNAME: no link can be made, and the shell says why.
    assert "t.me" not in invited.stdout and "SIGNBOT_BOT_USERNAME" in invited.stderr
    assert code in runner.invoke(app, ["orgs", "invites"]).output
    assert "Revoked" in runner.invoke(app, ["orgs", "revoke", code]).output
    missing = runner.invoke(app, ["orgs", "invite", "Finns inte"])
    assert missing.exit_code == 2 and "not in the register" in missing.output


def test_ask_json_prints_one_object_per_question() -> None:
    result = runner.invoke(
        app,
        [
            "ask",
            "--json",
            "Hur många underskrivare har överenskommelsen?",
            "Hur bakar man surdegsbröd?",
        ],
    )
    assert result.exit_code == 0
    known, unknown = (json.loads(line) for line in result.output.strip().splitlines())
    assert known["answered"] is True and "125" in known["answer"] and known["source"]
    assert set(known) == {"question", "answered", "score", "answer", "source"}
    assert unknown["answered"] is False and unknown["answer"] is None


def test_kb_import_skips_a_bad_file_and_keeps_the_good_one(tmp_path: Path) -> None:
    good = tmp_path / "stadgar.md"
    good.write_text(
        "# Stadgar\n\n## Årsmöte\n\nÅrsmötet hålls i mars varje år.\n", encoding="utf-8"
    )
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"not a pdf")
    result = runner.invoke(app, ["kb", "import", str(bad), str(good)])
    assert result.exit_code == 1
    assert "skipped trasig.pdf" in result.output and "imported stadgar.md" in result.output
    assert "Stadgar" in runner.invoke(app, ["kb", "list"]).output
    answer = runner.invoke(app, ["ask", "När hålls årsmötet?"])
    assert "mars" in answer.output


def test_staff_add_and_a_bad_setting_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "now admin" in runner.invoke(app, ["staff", "add", "4242", "--admin"]).output
    assert "4242  admin" in runner.invoke(app, ["staff", "list"]).output
    monkeypatch.setenv("DATABASE_URL", "mysql://nope")
    result = runner.invoke(app, ["staff", "list"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Invalid setting DATABASE_URL: expected sqlite:///path/bot.db or postgresql://user@host/db"
    ]
