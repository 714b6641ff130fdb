"""Polls: answering a poll, /newpoll, /results and /export."""
