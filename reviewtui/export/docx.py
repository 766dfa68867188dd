"""The minutes as Word documents, in the official layout (GB/T 9704-2012).

Two layouts of the one minutes model, "minutes" (会议记录) and "column" (专栏), are built in
`docx_layouts`, on the official page of `reviewtui.office.official` (`docx_styles`). The database
content's SHA-256 is always in the document's properties (`identifier`, `comments`); a visible
last line carries it only when asked for (`digest`), and never in the column.
"""

from __future__ import annotations

import io

from reviewtui.export import common as c
from reviewtui.export.docx_layouts import column_layout, minutes_layout, sha
from reviewtui.export.docx_styles import new_minutes_document, set_fonts
from reviewtui.minutes import Minutes

__all__ = ["render", "set_fonts"]


def render(
    minutes: Minutes,
    *,
    layout: str = "minutes",
    progress: c.ProgressFn | None = None,
    digest: bool = False,
) -> bytes:
    minutes = c.safe_text(minutes)  # control characters shown, never written raw
    doc = new_minutes_document(minutes, layout=layout)
    if layout == "column":
        column_layout(doc, minutes, progress)
    else:
        minutes_layout(doc, minutes, progress)
        if digest:
            sha(doc, minutes)
    buffer = io.BytesIO()
    doc.save(buffer)
    c.tick(progress, 1, 1)
    return buffer.getvalue()
