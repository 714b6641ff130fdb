"""Nominations: /nominate for contacts and /nominations for staff."""
