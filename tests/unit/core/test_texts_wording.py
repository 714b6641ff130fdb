"""Classes of wording bugs, checked over the whole catalogue: plural by count, a range within
one day, one word for the signatories, times as people write them, example dates ahead."""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.services.delivery import schedule
from bot.texts import CATALOGUE, t
from bot.texts.moments import Moment, WallClock, use_clock
from bot.timeutil import STOCKHOLM
from tests.conftest import FakeClock

ROOT = Path(__file__).resolve().parents[3]
# Parameters that are limits from the code, never 1.
LIMITS = {"limit", "max", "high", "low", "length", "window"}
PLURALS = {
    "sv": "dagar|timmar|minuter|personer|platser|frågor|organisationer|profiler|enkäter|"
    "meddelanden|nyheter|ämnen|månader|sekunder|nomineringar|nya|poster",
    "en": "days|hours|minutes|people|readers|recipients|seats|questions|organisations|profiles|"
    "items|options|months|seconds|messages|areas|nominations|characters|kinds|polls|"
    "announcements|calls|entries",
}
ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


def _names(template: str) -> set[str]:
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


def _render_all(lang: str, value: object) -> dict[str, str]:
    """Every text in lang with every parameter set to value (limits to 7)."""
    return {
        key: t(key, lang, **{name: 7 if name in LIMITS else value for name in _names(template)})
        for key, template in CATALOGUE[lang].items()
        if _names(template)
    }


def _has_singular_text(key: str, table: dict[str, str]) -> bool:
    """A key whose count is never 1 because 1 has a text of its own (mtg_lead_day/_days)."""
    stem = key.removesuffix("s")
    return stem != key and (stem in table or f"{stem}_one" in table)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_count_of_one_takes_the_singular(lang: str) -> None:
    one = re.compile(rf"\b1 ((av|of) 1 |more |new |(more |new )?[a-z]+ )?({PLURALS[lang]})\b")
    table = CATALOGUE[lang]
    wrong = {
        key: text
        for key, text in _render_all(lang, 1).items()
        if one.search(text) and not _has_singular_text(key, table)
    }
    assert wrong == {}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_text_hedges_its_plural(lang: str) -> None:
    hedged = {k: v for k, v in CATALOGUE[lang].items() if re.search(r"\w\((ar|er|or|s)\)", v)}
    assert hedged == {}


def test_the_plural_follows_the_count() -> None:
    assert t("mtg_card_seats", "sv", left=1, capacity=1) == "👥 1 av 1 plats kvar."
    assert t("mtg_card_seats", "sv", left=1, capacity=30) == "👥 1 av 30 platser kvar."
    assert t("mtg_card_seats", "en", left=0, capacity=1) == "👥 0 of 1 seat left."


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_range_within_one_day_names_the_day_once(lang: str) -> None:
    opens = Moment(datetime(2026, 12, 6, 9, 0, tzinfo=UTC))  # 10.00 in Stockholm
    same_day = Moment(datetime(2026, 12, 6, 16, 0, tzinfo=UTC))
    other_day = Moment(datetime(2026, 12, 19, 16, 0, tzinfo=UTC))
    day = "6 december" if lang == "sv" else "6 December"
    for key, template in CATALOGUE[lang].items():
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        if not {"opens", "closes"} <= set(names):
            continue
        params = {name: "x" for name in names}
        text = t(key, lang, **{**params, "opens": opens, "closes": same_day})
        assert text.count(day) == 1 and "17" in text, key
        text = t(key, lang, **{**params, "opens": opens, "closes": other_day})
        assert text.count(day) == 1 and "19 " in text, key


def test_the_signatories_are_called_underskrivare_everywhere() -> None:
    texts = [(f"catalogue:{key}", value) for key, value in CATALOGUE["sv"].items()]
    # The synonym groups list the words people type, "undertecknare" among them, on purpose.
    texts += [
        (str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))
        for path in (ROOT / "bot" / "knowledge_base").glob("*")
        if path.is_file() and path.name != "synonyms.txt"
    ]
    wrong = [
        name for name, text in texts if re.search(r"undertecknar|undertecknande org", text, re.I)
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_times_in_texts_have_no_iso_date_and_no_time_zone_name(lang: str) -> None:
    winter = Moment(datetime(2026, 12, 15, 12, 0, tzinfo=UTC))
    rendered = _render_all(lang, winter)
    for key, text in rendered.items():
        assert not re.search(r"\bCES?T\b", text), key
        if "{ex_" not in CATALOGUE[lang][key]:  # example dates show what may be typed
            assert not ISO_DATE.search(text), key
    assert "15 december kl. 13.00" in t("schedule_past", "sv", time=winter)
    summer = Moment(datetime(2027, 6, 1, 7, 30, tzinfo=UTC))
    assert t("schedule_past", "en", time=summer).startswith("1 June 2027 at 09:30 ")
    # What the shell prints for a time is shown in words in a text.
    shown = schedule.show(datetime(2026, 12, 15, 12, 0, tzinfo=UTC), STOCKHOLM)
    assert f"{shown}" == "2026-12-15 13:00 CET"
    assert t("schedule_past", "sv", time=shown).startswith("15 december kl. 13.00 ")
    skipped = WallClock(date(2027, 3, 28), time(2, 30))  # the hour the clocks skip
    assert t("schedule_time_skipped", "sv", time=skipped).startswith("28 mars 2027 kl. 02.30 ")


def _dates_in(text: str, today: date, lang: str) -> list[date]:
    found = [date.fromisoformat(match) for match in ISO_DATE.findall(text)]
    for day, month in re.findall(r"(?<![\d/-])(\d{1,2})/(\d{1,2})(?![\d/])", text):
        found.append(_next(today, int(month), int(day)))
    months = t("mtg_months", lang).split(",")
    for day, month in re.findall(rf"\b(\d{{1,2}}) ({'|'.join(months)})\b", text):
        found.append(_next(today, months.index(month) + 1, int(day)))
    return found


def _next(today: date, month: int, day: int) -> date:
    """How a day without a year is read: its next occurrence from today."""
    candidate = date(today.year, month, day)
    return candidate if candidate >= today else date(today.year + 1, month, day)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 12, 6, 12, tzinfo=UTC),
        datetime(2026, 12, 28, 22, 30, tzinfo=UTC),  # already 29 December in Stockholm
        datetime(2028, 2, 25, 12, tzinfo=UTC),  # a leap year
        datetime(2031, 7, 1, 12, tzinfo=UTC),
    ],
)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_example_dates_in_prompts_are_never_in_the_past(now: datetime, lang: str) -> None:
    use_clock(FakeClock(now), STOCKHOLM)
    today = now.astimezone(STOCKHOLM).date()
    prompts = {key: tpl for key, tpl in CATALOGUE[lang].items() if "{ex_" in tpl}
    assert len(prompts) >= 10
    for key, template in prompts.items():
        text = t(
            key, lang, **{name: "x" for name in _names(template) if not name.startswith("ex_")}
        )
        dates = _dates_in(text, today, lang)
        assert dates, key
        assert all(today < day <= today + timedelta(days=60) for day in dates), (key, text)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_text_writes_a_date_of_its_own(lang: str) -> None:
    # A literal date goes stale; prompts use the {ex_*} example dates instead.
    dated = {
        key: text
        for key, text in CATALOGUE[lang].items()
        if ISO_DATE.search(text) or re.search(r"(?<![\d/<])\d{1,2}/\d{1,2}(?![\d/])", text)
    }
    assert dated == {}


def test_quotes_are_the_languages_own() -> None:
    """Swedish quotes ”…” in Swedish texts, “…” in English ones: never guillemets «…»."""
    swedish = {key: text for key, text in CATALOGUE["sv"].items() if re.search("[«»“]", text)}
    english = {key: text for key, text in CATALOGUE["en"].items() if re.search("[«»]", text)}
    assert (swedish, english) == ({}, {})


def test_swedish_takes_the_object_form_after_a_preposition() -> None:
    """ "till dem som har plats", never "till de som": also where a label follows "till"."""
    wrong = re.compile(r"\b(till|på|för|med|åt|av|om|hos|från|Till:</b>) de som\b")
    table = CATALOGUE["sv"]
    audiences = [t(key, "sv", value="Mötet") for key in table if key.startswith("audience_label")]
    texts = [*_render_all("sv", "x").values()]
    texts += [t("broadcast_confirm_time", "sv", time="x", audience=label) for label in audiences]
    assert [text for text in texts if wrong.search(text)] == []


@pytest.mark.parametrize(("n", "sv", "en"), [(1, "1 timme", "1 hour"), (3, "3 timmar", "3 hours")])
def test_units_are_written_out_and_follow_the_count(n: int, sv: str, en: str) -> None:
    assert (t("meeting_before_hours", "sv", n=n), t("meeting_before_hours", "en", n=n)) == (sv, en)
    assert t("meeting_before_days", "en", n=n) == en.replace("hour", "day")
    assert [key for key, text in CATALOGUE["sv"].items() if re.search(r"\btim\b", text)] == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_emoji_reads_as_a_foreign_script(lang: str) -> None:
    """Enclosed ideographs (🈵 means "full" in Japanese) say nothing to a Swedish reader."""
    foreign = re.compile("[\U0001f200-\U0001f2ff]")
    assert [key for key, text in CATALOGUE[lang].items() if foreign.search(text)] == []


@pytest.mark.parametrize(
    ("lang", "quoted"), [("sv", "”inte en adress alls”"), ("en", "“not a url”")]
)
def test_a_refused_address_is_quoted(lang: str, quoted: str) -> None:
    assert quoted in t("feeds_bad_url", lang, url=quoted[1:-1])


def test_the_language_confirmation_is_truthful_about_the_knowledge_base() -> None:
    assert t("language_set", "sv").startswith("Nu pratar vi svenska.")
    english = t("language_set", "en")
    assert "itself is in Swedish" not in english and "only in Swedish" in english
