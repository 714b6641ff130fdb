"""Cells of CSV exports that spreadsheet programs open safely."""

# A cell starting with one of these is a formula to a spreadsheet; a name typed in Telegram
# must stay text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """The text, with a leading apostrophe if a spreadsheet would run it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value
