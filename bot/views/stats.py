"""The /stats summary: the follow-up figures from the organisation profiles, as text."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services import followup
from bot.texts import t
from bot.texts.numbers import grouped
from bot.views.meetings import date_text

MUNICIPALITIES_SHOWN = 10  # the rest are in the CSV
MISSING_SHOWN = 20


def _percent(share: float) -> str:
    return f"{100 * share:.0f}"


def _lines(rows: list[tuple[str, int]], lang: str) -> list[str]:
    return [t("stats_line", lang, label=label, count=grouped(count)) for label, count in rows]


def _capped(rows: list[tuple[str, int]], limit: int, lang: str) -> list[str]:
    lines = _lines(rows[:limit], lang)
    if len(rows) > limit:
        lines.append(t("stats_more", lang, count=len(rows) - limit))
    return lines


def summary(found: followup.FollowUp, lang: str, tz: ZoneInfo, *, now: datetime) -> str:
    """The figures as one message: overview, sub-regions, areas, members, umbrella, places."""
    lines = [
        t("stats_title", lang),
        "",
        t(
            "stats_overview",
            lang,
            organisations=found.organisations,
            profiles=found.profiles,
            share=_percent(found.profile_share),
            missing=len(found.missing),
        ),
    ]
    if found.oldest is not None and found.newest is not None:
        oldest, newest = (date_text(m, lang, tz, now=now) for m in (found.oldest, found.newest))
        if oldest == newest:  # one day, said once
            lines.append(t("stats_dates_one_day", lang, day=oldest))
        else:
            lines.append(t("stats_dates", lang, oldest=oldest, newest=newest))
    lines += ["", t("stats_subregions_header", lang)]
    lines += _lines(
        [(followup.subregion_label(c, lang), n) for c, n in found.by_subregion.items()], lang
    )
    lines += ["", t("stats_areas_header", lang)]
    lines += _lines([(followup.area_label(a, lang), n) for a, n in found.by_area.items()], lang)
    lines += ["", t("stats_members", lang, total=grouped(found.members))]
    lines.append(t("stats_members_note", lang))
    lines += _lines(
        [(followup.area_label(a, lang), n) for a, n in found.members_by_area.items()], lang
    )
    share = _percent(found.umbrella_share)
    lines += [
        "",
        t("stats_umbrella", lang, count=found.umbrella, profiles=found.profiles, share=share),
    ]
    lines += ["", t("stats_municipalities_header", lang)]
    places = list(found.by_municipality.items())
    if places:
        lines += _capped(places, MUNICIPALITIES_SHOWN, lang)
    else:
        lines.append(t("stats_municipalities_none", lang))
    lines.append(t("stats_whole_region", lang, count=found.whole_region))
    if found.missing:
        lines += ["", t("stats_missing_header", lang, count=len(found.missing))]
        lines.append(", ".join(found.missing[:MISSING_SHOWN]))
        if len(found.missing) > MISSING_SHOWN:
            lines.append(t("stats_more", lang, count=len(found.missing) - MISSING_SHOWN))
    return "\n".join(lines)
