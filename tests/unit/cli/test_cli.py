"""The `signbot` command from a shell's point of view: output, exit codes, one-line errors."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.entrypoints.cli import app
from bot.sandbox import start_sandbox
from bot.sandbox.state import BOT_USERNAME
from tests.fake_llm import fake_llm_in_thread

runner = CliRunner()


@pytest.fixture(autouse=True)
def fresh_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in (
        "TELEGRAM_BOT_TOKEN",
        "SIGNBOT_ADMINS",
        "SIGNBOT_STAFF_CHAT_ID",
        "SIGNBOT_LLM_URL",
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
    # The last line says what to do about it.
    assert (
        result.stderr.strip().splitlines()[-1].startswith(f"Fix the rows named above in {register}")
    )
    assert f"signbot orgs import {register}" in result.stderr
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


async def test_invite_asks_the_sandbox_for_the_username_without_a_token(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "register.csv"
    register.write_text("name\nRöda Korset Göteborg\nRöda Korset Borås\n", encoding="utf-8")
    await asyncio.to_thread(runner.invoke, app, ["orgs", "import", str(register)])
    sandbox = await start_sandbox()
    try:
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", sandbox.base_url)
        monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
        # Any case finds the organisation, and the link carries the username getMe gave.
        invited = await asyncio.to_thread(
            runner.invoke, app, ["orgs", "invite", "röda korset göteborg"]
        )
    finally:
        await sandbox.stop()
    assert invited.exit_code == 0 and invited.stderr == "", invited.output
    assert invited.stdout.startswith(f"https://t.me/{BOT_USERNAME}?start=")
    assert "For Röda Korset Göteborg;" in invited.stdout


def test_invite_finds_an_organisation_by_a_part_of_its_name_unless_several_have_it(
    tmp_path: Path,
) -> None:
    register = tmp_path / "register.csv"
    register.write_text("name\nRöda Korset Göteborg\nRöda Korset Borås\n", encoding="utf-8")
    runner.invoke(app, ["orgs", "import", str(register)])
    one = runner.invoke(app, ["orgs", "invite", "korset borås"])
    assert one.exit_code == 0 and "For Röda Korset Borås;" in one.stdout
    several = runner.invoke(app, ["orgs", "invite", "röda korset"])
    assert several.exit_code == 2 and "matches 2 organisations" in several.stderr
    assert "  Röda Korset Borås\n  Röda Korset Göteborg" in several.stderr


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
    assert set(known) == {"question", "answered", "score", "answer", "source", "note"}
    assert unknown["answered"] is False and unknown["answer"] is None


def test_ask_names_the_live_data_intent_instead_of_a_passage() -> None:
    result = runner.invoke(app, ["ask", "När är nästa dialogmöte?", "Vilka utlysningar är öppna?"])
    assert result.exit_code == 0
    assert "recognised intent next_meeting" in result.output
    assert "recognised intent open_calls" in result.output
    assert "live data" in result.output and "Källa" not in result.output
    as_json = runner.invoke(app, ["ask", "--json", "What have I signed up for?"])
    record = json.loads(as_json.output)
    assert record["intent"] == "my_signups" and record["source"] == "live data"


def test_ask_shows_the_topics_offered_and_the_word_for_small_talk() -> None:
    result = runner.invoke(app, ["ask", "vad satsar ni på utbildning och sånt", "tack!"])
    assert result.exit_code == 0
    assert 'not sure: "Menade du …?" offers' in result.output
    assert "offers a member of staff" not in result.output
    assert "(small talk, thanks) Varsågod!" in result.output
    record = json.loads(runner.invoke(app, ["ask", "--json", "👍"]).output)
    assert record["small_talk"] == "acknowledged" and record["answered"] is False


def test_kb_eval_scores_a_devset_and_reports_bad_lines(tmp_path: Path) -> None:
    devset = tmp_path / "dev.tsv"
    devset.write_text(
        "question\texpected\tkind\n"
        "Hur många underskrivare har överenskommelsen?\t125\tdirect\n"
        "Hur många underskrivare har överenskommelsen?\t4711\tdirect\n"
        "no tabs here\n"
        "Hur bakar man surdegsbröd?\t-\trefuse_chat\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["kb", "eval", str(devset), "--misses", "5"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "line 4: skipped, expected 3 tab-separated columns " + (
        "(question, expected, kind), found 1"
    )
    assert "direct          1      2   50.0       0" in lines
    assert "refuse_chat     1      1  100.0       0" in lines
    assert "overall         2      3   66.7       0" in lines
    assert "- line 3 [direct] wrong answer: Hur många underskrivare har överenskommelsen?" in lines
    assert any(line.startswith("    answered: ") and "125" in line for line in lines)
    report = json.loads(runner.invoke(app, ["kb", "eval", str(devset), "--json"]).output)
    assert report["overall"] == {
        "kind": "overall",
        "hits": 2,
        "total": 3,
        "percent": 66.7,
        "offers": 0,
    }
    assert report["misses"][0]["verdict"] == "wrong_answer" and report["misses"][0]["source"]
    assert report["bad_lines"][0]["line"] == 4


def test_ask_and_eval_in_english_answer_as_an_english_reader_gets_it(tmp_path: Path) -> None:
    english = runner.invoke(app, ["ask", "--lang", "en", "IOP-utbildningar 2024?"])
    assert english.exit_code == 0
    assert "Around 30 civil servants" in english.output
    assert "(IOP and reserved procurement – IOP training in 2024; score" in english.output
    swedish = runner.invoke(app, ["ask", "IOP-utbildningar 2024?"])
    assert "30-tal" in swedish.output and "Around 30" not in swedish.output
    assert "Unknown language 'de'" in runner.invoke(app, ["ask", "--lang", "de", "IOP?"]).output

    devset = tmp_path / "dev.tsv"
    devset.write_text(
        "question\texpected\tkind\n"
        "IOP-utbildningar 2024?\t30-tal | around 30\tkeyword\n"
        "IOP-utbildningar 2024?\tevery spring\tkeyword\n",
        encoding="utf-8",
    )
    as_swedish = json.loads(runner.invoke(app, ["kb", "eval", str(devset), "--json"]).output)
    as_english = runner.invoke(app, ["kb", "eval", str(devset), "--json", "--lang", "en"])
    assert as_swedish["overall"]["hits"] == 1
    assert json.loads(as_english.output)["overall"]["hits"] == 2


def test_ask_in_english_notes_an_imported_swedish_source(tmp_path: Path) -> None:
    statutes = tmp_path / "stadgar.md"
    statutes.write_text("# Stadgar\n\n## Årsmöte\n\nÅrsmötet hålls i mars.\n", "utf-8")
    assert runner.invoke(app, ["kb", "import", str(statutes)]).exit_code == 0
    result = runner.invoke(app, ["ask", "--lang", "en", "--json", "Årsmötet?"])
    record = json.loads(result.output)
    assert record["note"] == "ℹ️ This source is only available in Swedish."
    assert record["answer"] == "Årsmötet hålls i mars." and record["source"] == "Stadgar – Årsmöte"
    plain = runner.invoke(app, ["ask", "--lang", "en", "Årsmötet?"]).output
    assert "A: ℹ️ This source is only available in Swedish.\n   Årsmötet hålls i mars." in plain


def test_kb_eval_without_questions_is_one_clear_failure(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["kb", "eval", str(tmp_path / "nope.tsv")])
    assert missing.exit_code == 2
    assert missing.output.strip() == f"Cannot read {tmp_path / 'nope.tsv'}: FileNotFoundError"
    empty = tmp_path / "empty.tsv"
    empty.write_text("question\texpected\tkind\nFråga\t\tdirect\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "eval", str(empty)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "line 2: skipped, the expected column is empty (use - for a question the bot must decline)",
        f"No questions to ask in {empty}.",
    ]


def test_kb_synonyms_lists_groups_and_an_added_group_answers_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "own" / "synonyms.txt"
    monkeypatch.setenv("SIGNBOT_SYNONYMS_FILE", str(own))
    listed = runner.invoke(app, ["kb", "synonyms"])
    assert listed.exit_code == 0
    assert "jobba, arbeta, jobbar, arbetar" in listed.output
    assert f"# operator: {own} (0 groups)\n(none)" in listed.output
    statutes = tmp_path / "stadgar.md"
    statutes.write_text("# Stadgar\n\n## Årsmöte\n\nÅrsmötet hålls i mars.\n", "utf-8")
    assert runner.invoke(app, ["kb", "import", str(statutes)]).exit_code == 0
    question = ["ask", "--json", "När är stämman?"]
    assert json.loads(runner.invoke(app, question).output)["answered"] is False
    added = runner.invoke(app, ["kb", "synonyms", "--add", "Årsmöte, stämma,"])
    assert added.exit_code == 0 and f"Added to {own}: årsmöte, stämma" in added.output
    assert own.read_text(encoding="utf-8") == "årsmöte, stämma\n"
    relisted = runner.invoke(app, ["kb", "synonyms"]).output
    assert relisted.endswith(f"# operator: {own} (1 groups)\nårsmöte, stämma\n")
    record = json.loads(runner.invoke(app, question).output)
    assert record["answered"] is True and record["answer"] == "Årsmötet hålls i mars."
    bad = runner.invoke(app, ["kb", "synonyms", "--add", "ensam"])
    assert bad.exit_code == 2
    assert bad.output.strip() == (
        "Cannot add the group: a group needs at least two words, separated by commas"
    )


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


def test_ask_phrases_with_a_configured_endpoint_unless_no_llm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = "Hur många underskrivare har överenskommelsen?"
    plain = runner.invoke(app, ["ask", "--json", question])
    with fake_llm_in_thread(Swedish="Överenskommelsen har 125 underskrivare.") as fake:
        monkeypatch.setenv("SIGNBOT_LLM_URL", fake.url)
        monkeypatch.setenv("SIGNBOT_LLM_MODEL", "llama3.1:8b")
        phrased = runner.invoke(app, ["ask", "--json", question])
        readable = runner.invoke(app, ["ask", question])
        unphrased = runner.invoke(app, ["ask", "--json", "--no-llm", question])
    assert len(fake.requests) == 2  # --no-llm sends nothing
    record = json.loads(phrased.output)
    assert record["phrased"] is True
    assert record["answer"] == "Överenskommelsen har 125 underskrivare."
    assert record["source"] == json.loads(plain.output)["source"]
    assert "✨ Sammanfattat automatiskt från källan" in readable.output
    assert "<i>" not in readable.output
    assert unphrased.output == plain.output


@pytest.mark.parametrize(
    "command",
    [
        ["calls", "add"],
        ["digest", "send"],
        ["meetings", "add"],
        ["meetings", "move"],
        ["nominations", "open"],
        ["polls", "add"],
    ],
)
def test_example_dates_in_help_are_ahead_of_today(command: list[str]) -> None:
    shown = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "400"}).output
    days = [date.fromisoformat(day) for day in re.findall(r"\b\d{4}-\d\d-\d\d\b", shown)]
    assert days and all(day > date.today() for day in days), shown


def test_the_shell_writes_times_as_iso_with_the_zone(tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_text("name\nPRO Skaraborg\n", encoding="utf-8")
    runner.invoke(app, ["orgs", "import", str(register)])
    invited = runner.invoke(app, ["orgs", "invite", "PRO Skaraborg"])
    assert re.search(r"valid until \d{4}-\d\d-\d\d \d\d:\d\d CES?T\. Code: ", invited.stdout)


def test_kb_eval_reads_relative_time_on_the_day_the_devset_assumes(tmp_path: Path) -> None:
    devset = tmp_path / "dev.tsv"
    devset.write_text(
        "# today: 2025-03-01\nquestion\texpected\tkind\n"
        "Hur många nya underskrivare tillkom förra året?\tsex nya\tdirect\n",
        encoding="utf-8",
    )
    as_assumed = json.loads(runner.invoke(app, ["kb", "eval", str(devset), "--json"]).output)
    assert as_assumed["overall"]["hits"] == 1  # "förra året" is 2024
    given = runner.invoke(app, ["kb", "eval", str(devset), "--json", "--today", "2025-06-01"])
    assert given.exit_code == 0 and json.loads(given.output)["overall"]["hits"] == 1
    wrong = runner.invoke(app, ["kb", "eval", str(devset), "--today", "mars"])
    assert wrong.exit_code == 2 and wrong.output.strip() == (
        "--today 'mars' is not a date like 2025-11-20."
    )
