"""Meetings: cards, answers, /meetings, /attendees and /newmeeting with the staff controls."""
