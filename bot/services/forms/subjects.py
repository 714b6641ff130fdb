"""Campaign subjects of forms, rendered per recipient by the chat side."""

CARD = "form"  # "form:<id>": the invitation to fill in the form
REMINDER = "form_reminder"  # "form_reminder:<id>": to those who have not answered yet
KINDS = (CARD, REMINDER)


def card(form_id: int) -> str:
    return f"{CARD}:{form_id}"


def reminder(form_id: int) -> str:
    return f"{REMINDER}:{form_id}"
