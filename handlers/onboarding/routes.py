"""Onboarding's declarations: /start, the language and organisation buttons and steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.onboarding import start
from handlers.onboarding.actions import ChooseLanguage, ChooseOrganisation, SkipOrganisation

FEATURE = Feature(
    # In a group /start gets the fallback's pointer to the private chat, not onboarding.
    commands=(command("start", start.start, menu=10),),
    actions={
        ChooseLanguage: start.choose_language,
        ChooseOrganisation: start.choose_organisation,
        SkipOrganisation: start.skip_organisation,
    },
    steps=(
        Step((start.LANGUAGE,), start.on_language_text, remind=start.remind_language),
        Step((start.ORG_SEARCH,), start.search_organisation, remind=start.remind_organisation),
    ),
    newcomer=start.greet_newcomer,
    language_actions=(ChooseLanguage,),
)
