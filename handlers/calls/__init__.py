"""Funding calls: /calls, reminders and /newcall."""
