"""Meetings' declarations: /meetings, /attendees, /newmeeting, the card buttons and steps."""

from __future__ import annotations

from handlers.core.registry import Feature, command
from handlers.core.steps import Step
from handlers.meetings import answers, new, staff, steps, view
from handlers.meetings.actions import MeetingAnswer, MeetingCalendar, MeetingCreate, MeetingStaff

FEATURE = Feature(
    commands=(
        command("meetings", view.meetings_command, menu=20),
        command("newmeeting", new.start_new_meeting, staff=True, menu=60),
        command("attendees", view.attendees_command, staff=True, menu=70),
    ),
    actions={
        MeetingAnswer: answers.answer_meeting,
        MeetingCalendar: answers.send_calendar,
        MeetingStaff: staff.meeting_staff_action,
        MeetingCreate: new.decide_new_meeting,
    },
    steps=(
        Step((*new.ORDER, *staff.STAFF_STEPS), steps.on_meeting_text),
        Step((new.MN_CONFIRM,)),
    ),
)
