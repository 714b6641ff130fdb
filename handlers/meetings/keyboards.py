"""The buttons under a meeting card, as the delivery engine's ``Button`` rows.

The same rows go out through the engine (pushes) and as a direct reply
(``delivery_sender.keyboard``), so a card looks the same wherever it is shown.
"""

from __future__ import annotations

from bot.models import AttendanceStatus
from bot.services.delivery import Button, Buttons
from bot.services.meetings import MyStatus
from bot.texts import t
from bot.views.meetings import NO_STATUS, Facts
from handlers.meetings.actions import MeetingAnswer, MeetingCalendar, MeetingStaff


def card_buttons(meeting_id: int, lang: str, status: MyStatus = NO_STATUS) -> Buttons:
    """ "Jag kommer" / "Kan inte" (the chosen one marked) and "Lägg i kalender"."""
    going_key = "mtg_button_going"
    if status.status == AttendanceStatus.GOING:
        going_key = "mtg_button_going_chosen"
    elif status.status == AttendanceStatus.WAITING:
        going_key = "mtg_button_waiting_chosen"
    declined = status.status == AttendanceStatus.DECLINED
    not_going_key = "mtg_button_not_going_chosen" if declined else "mtg_button_not_going"
    return (
        (
            Button(t(going_key, lang), callback=MeetingAnswer(meeting_id, True).encode()),
            Button(t(not_going_key, lang), callback=MeetingAnswer(meeting_id, False).encode()),
        ),
        (Button(t("mtg_button_calendar", lang), callback=MeetingCalendar(meeting_id).encode()),),
    )


def _staff(meeting_id: int, action: str, key: str, lang: str) -> Button:
    return Button(t(key, lang), callback=MeetingStaff(meeting_id, action).encode())


def staff_buttons(facts: Facts, lang: str) -> Buttons:
    """Deltagare (CSV), Ändra, Flytta, Ställ in, and Annonsera while not announced."""
    number = facts.meeting_id
    assert number is not None
    rows: list[tuple[Button, ...]] = [(_staff(number, "csv", "mtg_button_csv", lang),)]
    if facts.cancelled:
        return tuple(rows)
    rows.append(
        (
            _staff(number, "edit", "mtg_button_edit", lang),
            _staff(number, "move", "mtg_button_move", lang),
            _staff(number, "cancel", "mtg_button_cancel", lang),
        )
    )
    if not facts.announced:
        rows.append((_staff(number, "announce", "mtg_button_announce", lang),))
    return tuple(rows)


def confirm_cancel_buttons(meeting_id: int, lang: str) -> Buttons:
    """The second press that cancels a meeting, or keeps it."""
    return (
        (
            _staff(meeting_id, "confirm", "mtg_button_confirm_cancel", lang),
            _staff(meeting_id, "keep", "mtg_button_keep", lang),
        ),
    )


EDIT_FIELDS = ("place", "link", "description", "capacity", "deadline")


def edit_buttons(meeting_id: int, lang: str) -> Buttons:
    """One button per field staff may change."""
    return tuple(
        (_staff(meeting_id, field, f"mtg_button_field_{field}", lang),) for field in EDIT_FIELDS
    )
