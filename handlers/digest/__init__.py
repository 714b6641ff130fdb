"""The digest: the reader's settings, /digest for staff, editions and previews."""
