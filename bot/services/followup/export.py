"""The follow-up as CSV: one row per organisation, and the figures as a table.

Profiles describe organisations, not people, so these hold no personal data.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.services.followup.figures import FollowUp
from bot.services.followup.labels import area_label, subregion_label, umbrella_label
from bot.services.spreadsheet import safe_cell
from bot.texts import DEFAULT_LANGUAGE, t
from bot.timeutil import local

ORGANISATION_COLUMNS = (
    "organisation",
    "subregion",
    "umbrella",
    "members",
    "areas",
    "municipalities",
    "profile_date",
)
FIGURE_COLUMNS = ("figure", "group", "value")
JOIN = "; "


def _date(moment: datetime | None, tz: ZoneInfo) -> str:
    return f"{local(moment, tz):%Y-%m-%d}" if moment is not None else ""


def organisations_csv(found: FollowUp, *, tz: ZoneInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    """One row per organisation by name; one without a profile has empty cells and "saknas"."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([t(f"stats_csv_{column}", lang) for column in ORGANISATION_COLUMNS])
    for row in found.rows:
        profile = row.profile
        if profile is None:
            writer.writerow([safe_cell(row.name), "", "", "", "", "", t("stats_csv_missing", lang)])
            continue
        places = list(profile.municipalities)
        if profile.whole_region:
            places.insert(0, t("form_whole_region", lang))
        writer.writerow(
            [
                safe_cell(row.name),
                subregion_label(profile.subregion, lang) if profile.subregion else "",
                umbrella_label(profile.umbrella, lang),
                profile.members,
                JOIN.join(area_label(area, lang) for area in profile.areas),
                JOIN.join(places),
                _date(profile.submitted_at, tz),
            ]
        )
    return output.getvalue()


def figures_csv(found: FollowUp, *, tz: ZoneInfo, lang: str = DEFAULT_LANGUAGE) -> str:
    """Every figure as (figure, group, value); members by area count in each area named."""
    rows: list[tuple[str, str, object]] = [
        ("organisations", "", found.organisations),
        ("profiles", "", found.profiles),
        ("missing", "", len(found.missing)),
        ("oldest", "", _date(found.oldest, tz)),
        ("newest", "", _date(found.newest, tz)),
    ]
    rows += [
        ("subregion", subregion_label(code, lang), count)
        for code, count in found.by_subregion.items()
    ]
    rows += [("area", area_label(area, lang), count) for area, count in found.by_area.items()]
    rows.append(("members", t("stats_csv_total", lang), found.members))
    rows += [
        ("members_area", area_label(area, lang), count)
        for area, count in found.members_by_area.items()
    ]
    rows.append(("umbrella", "", found.umbrella))
    rows.append(("umbrella_share", "", f"{100 * found.umbrella_share:.0f}"))
    rows.append(("municipality", t("form_whole_region", lang), found.whole_region))
    rows += [("municipality", name, count) for name, count in found.by_municipality.items()]
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([t(f"stats_csv_{column}", lang) for column in FIGURE_COLUMNS])
    for figure, group, value in rows:
        writer.writerow([t(f"stats_figure_{figure}", lang), group, value])
    return output.getvalue()
