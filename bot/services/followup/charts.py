"""One PNG of the follow-up: sub-regions, areas, members by area, umbrella bodies and gaps."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from bot.services.followup.figures import FollowUp
from bot.services.followup.labels import area_label, subregion_label
from bot.services.forms.profile import AREAS, SUBREGION_CODES
from bot.texts import DEFAULT_LANGUAGE, t
from bot.texts.numbers import grouped

BAR = "#2f6db5"
UMBRELLA_COLOURS = ("#2f6db5", "#8fb3de", "#c8c8c8")  # umbrella, not, no profile


@dataclass(frozen=True)
class ChartLabels:
    """The chart's words, given by the caller in the reader's language."""

    title: str
    footer: str
    subregions_title: str
    areas_title: str
    members_title: str
    umbrella_title: str
    subregions: dict[str, str]  # code → name
    areas: dict[str, str]
    umbrella: str
    not_umbrella: str
    missing: str


def chart_labels(found: FollowUp, lang: str = DEFAULT_LANGUAGE) -> ChartLabels:
    """The chart's words from the catalogue."""
    return ChartLabels(
        title=t("stats_chart_title", lang),
        footer=t(
            "stats_chart_footer",
            lang,
            profiles=found.profiles,
            organisations=found.organisations,
        ),
        subregions_title=t("stats_chart_subregions", lang),
        areas_title=t("stats_chart_areas", lang),
        members_title=t("stats_chart_members", lang),
        umbrella_title=t("stats_chart_umbrella", lang),
        subregions={code: subregion_label(code, lang) for code in SUBREGION_CODES},
        areas={area: area_label(area, lang) for area in AREAS},
        umbrella=t("stats_chart_umbrella_yes", lang),
        not_umbrella=t("stats_chart_umbrella_no", lang),
        missing=t("stats_chart_missing", lang),
    )


def _plain(text: str) -> str:
    """Text shown as written: matplotlib reads "$...$" as mathematics."""
    return text.replace("$", r"\$")


def _bars(
    axes: Axes,
    title: str,
    rows: list[tuple[str, int]],
    *,
    colours: tuple[str, ...] = (BAR,),
) -> None:
    """Horizontal bars, the first row at the top, each with its value."""
    rows = list(reversed(rows))
    values = [value for _, value in rows]
    names = [_plain("\n".join(textwrap.wrap(name, 24))) or " " for name, _ in rows]
    palette = [colours[(len(rows) - 1 - i) % len(colours)] for i in range(len(rows))]
    bars = axes.barh(range(len(rows)), values, color=palette)
    axes.set_yticks(range(len(rows)), labels=names)
    axes.bar_label(bars, labels=[grouped(value) for value in values], padding=3)
    axes.set_xlim(0, max([*values, 1]) * 1.25)  # room for the value labels
    axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    axes.set_title(_plain(title), loc="left", fontsize="medium")
    axes.spines[["top", "right"]].set_visible(False)


def chart_png(found: FollowUp, *, labels: ChartLabels) -> bytes:
    """Four panels of the follow-up figures as PNG bytes."""
    figure = Figure(figsize=(12, 8.5), dpi=100, layout="constrained")
    FigureCanvasAgg(figure)
    panels = figure.subplots(2, 2)
    _bars(
        panels[0][0],
        labels.subregions_title,
        [(labels.subregions[code], count) for code, count in found.by_subregion.items()],
    )
    _bars(
        panels[0][1],
        labels.areas_title,
        [(labels.areas[area], count) for area, count in found.by_area.items()],
    )
    _bars(
        panels[1][0],
        labels.members_title,
        [(labels.areas[area], count) for area, count in found.members_by_area.items()],
    )
    _bars(
        panels[1][1],
        labels.umbrella_title,
        [
            (labels.umbrella, found.umbrella),
            (labels.not_umbrella, found.profiles - found.umbrella),
            (labels.missing, len(found.missing)),
        ],
        colours=UMBRELLA_COLOURS,
    )
    figure.suptitle(_plain(labels.title), x=0.02, ha="left", fontsize="large")
    figure.supxlabel(_plain(labels.footer), fontsize="small", color="#555555")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
