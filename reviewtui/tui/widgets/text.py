"""Cell-width helpers: Chinese characters take two cells, so measure with `cell_len`.

Stored text is made safe for the terminal here too (`textsafe.shown`): a title holding an
escape sequence (`ESC ] 0 ; … BEL`) is drawn as visible `\x1b`, never sent raw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from reviewtui import segment_kinds
from reviewtui.i18n import t
from reviewtui.textsafe import shown

if TYPE_CHECKING:
    from reviewtui.meeting import Item


def fit(text: str, width: int, ellipsis: str = "…") -> str:
    """`text` made safe to show, cut to at most `width` cells, ending in `ellipsis` if cut."""
    text = shown(text)
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


def plain(text: str, style: str = "") -> Text:
    """User text as a `Text`: never read as markup (a comment with "[red]" shows literally)."""
    return Text(shown(text), style=style)


def phase_name(kind: str, item: Item | None = None) -> str:
    """述职 / 提问 / 回答 / 点评 / 讲话; a break's or the assessment's timer says what it times."""
    if kind == "speech" and item is not None and item.kind in ("break", "assessment"):
        return t(f"live.phase.{item.kind}")
    return segment_kinds.shown(kind)
