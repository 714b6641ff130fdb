"""/feeds (staff): RSS/Atom feeds, their list, adding one and the staff notices."""
