"""/help, /settings, /cancel and /stop: what a member sees and receives."""
