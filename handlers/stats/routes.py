"""Stats' declarations: /stats and its exports."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.stats import figures
from handlers.stats.actions import StatsExport

FEATURE = Feature(
    commands=(command("stats", figures.stats_command, staff=True, menu=160),),
    actions={StatsExport: figures.export_pressed},
)
