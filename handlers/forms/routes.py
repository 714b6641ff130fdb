"""Forms' declarations: /forms, /profile, /formadmin, the filling buttons and steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.forms import ask, fill, listing, staff
from handlers.forms.actions import FormOpen, FormPick, FormPlace, FormStaff, FormStep

FEATURE = Feature(
    commands=(
        command("forms", listing.forms_command, menu=40),
        command("profile", listing.profile_command, menu=50),
        command("formadmin", staff.formadmin_command, staff=True, menu=150),
    ),
    actions={
        FormStaff: staff.staff_action,
        FormOpen: fill.open_form,
        FormPick: fill.pick,
        FormPlace: fill.place,
        FormStep: fill.step,
    },
    steps=(
        Step((ask.FORM_ANSWER,), fill.on_form_text),
        Step((ask.FORM_REVIEW,), hint="form_use_buttons"),
    ),
)
