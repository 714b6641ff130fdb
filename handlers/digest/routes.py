"""The digest's declarations: /digest for staff, the readers' buttons, the edition steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.digest import draft, settings, staff
from handlers.digest.actions import (
    DigestChoice,
    DigestDefault,
    DigestDraft,
    DigestMenu,
    DigestSettings,
)

FEATURE = Feature(
    commands=(command("digest", staff.digest_command, staff=True, menu=100),),
    actions={
        DigestSettings: settings.open_from_digest,
        DigestChoice: settings.choose,
        DigestMenu: staff.menu_action,
        DigestDefault: staff.set_default,
        DigestDraft: draft.draft_action,
    },
    steps=(
        Step((draft.DG_WHEN, draft.DG_NOTE), draft.on_digest_text),
        Step((draft.DG_CONFIRM,), hint="dchat_use_buttons"),
    ),
)
