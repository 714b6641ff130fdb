"""Numbers as people read them."""


def grouped(value: int) -> str:
    """The number with its thousands apart: 126 540 (a no-break space, as Swedish writes it)."""
    return f"{value:,}".replace(",", "\u00a0")
