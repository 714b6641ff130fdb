"""Rendering for the step-by-step /feeds add: interval labels and the preview."""

from __future__ import annotations

from typing import Any

from bot.services.feeds import FeedOptions
from bot.services.feeds.answers import Trial
from bot.services.feeds.words import problem_text
from bot.texts import t


def interval_label(minutes: int, lang: str, *, default: bool = False) -> str:
    """An interval as people say it: "30 min", "1 timme", "4 timmar", "1 dygn"."""
    if minutes % 1440 == 0:
        count, unit = minutes // 1440, "day"
    elif minutes % 60 == 0:
        count, unit = minutes // 60, "hour"
    else:
        count, unit = minutes, "min"
    plural = "s" if count != 1 and unit != "min" else ""
    label = t(f"feeds_interval_{unit}{plural}", lang, n=count)
    return t("feeds_interval_default", lang, label=label) if default else label


def _trial(trial: Trial, filtered: bool, lang: str) -> str:
    if trial.problem is not None:
        problem = problem_text(trial.problem.kind, trial.problem.status, lang)
        return t("feeds_add_trial_failed", lang, problem=problem)
    if filtered:
        return t("feeds_add_trial_filtered", lang, items=trial.items, matching=trial.matching)
    return t("feeds_add_trial_ok", lang, items=trial.items)


def preview_text(data: dict[str, Any], trial: Trial, options: FeedOptions, lang: str) -> str:
    """The feed as it will be added, what a trial fetch found, and what the first fetch does."""
    filtered = bool(data["include"] or data["exclude"])
    return t(
        "feeds_add_preview",
        lang,
        url=data["url"],
        kind=t(f"feeds_kind_{data['kind']}", lang),
        include=data["include"] or "–",
        exclude=data["exclude"] or "–",
        interval=interval_label(data["minutes"], lang),
        trial=_trial(trial, filtered, lang),
        first=t(
            "feeds_add_first_fetch",
            lang,
            first=options.first_fetch_max,
            days=options.first_fetch_days,
            cap=options.max_announced,
        ),
    )
