"""Cell-width helpers: Chinese characters take two cells, so measure with `cell_len`."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text


def fit(text: str, width: int, ellipsis: str = "…") -> str:
    """`text` cut to at most `width` cells, ending in `ellipsis` when it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    room = width - cell_len(ellipsis)
    out: list[str] = []
    used = 0
    for char in text:
        size = cell_len(char)
        if used + size > room:
            break
        out.append(char)
        used += size
    return "".join(out) + ellipsis


def pad(text: str, width: int) -> str:
    """`text` fitted to `width` cells, padded with spaces to exactly `width`."""
    fitted = fit(text, width)
    return fitted + " " * (width - cell_len(fitted))


def plain(text: str, style: str = "") -> Text:
    """User text as a `Text`: never read as markup (a comment with "[red]" shows literally)."""
    return Text(text, style=style)
