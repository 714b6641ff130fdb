"""Settings' declarations: /help, /settings, /stop, /cancel and the settings buttons."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.settings import basics, topics
from handlers.settings.actions import AllTopics, SettingsMenu, ToggleTopic

FEATURE = Feature(
    commands=(
        command("help", basics.help_command, menu=60),
        command("settings", basics.settings_command, menu=70),
        command("stop", topics.stop_command, menu=80),
        command("cancel", basics.cancel, menu=90),
    ),
    actions={
        SettingsMenu: basics.settings_choice,
        ToggleTopic: topics.toggle_topic,
        AllTopics: topics.all_topics,
    },
)
