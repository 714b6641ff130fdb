"""Nominations' declarations: /nominate, /nominations, their buttons and steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.nominations import form, staff
from handlers.nominations.actions import NominationForm, NominationStaff

FEATURE = Feature(
    commands=(
        command("nominate", form.nominate_command),
        command("nominations", staff.nominations_command, staff=True, menu=140),
    ),
    actions={NominationForm: form.form_action, NominationStaff: staff.staff_action},
    steps=(
        Step(form.ORDER, form.on_nomination_text),
        Step((form.NF_REVIEW,), hint="nomination_use_buttons"),
    ),
)
