"""The minutes as Word documents, set the way Chinese offices set them.

Two layouts of the one minutes model, "minutes" (会议记录) and "column" (专栏), are built in
`docx_layouts`; the fonts, styles, A4 page and page-number footer in `docx_styles`. The database
content's SHA-256 is the last paragraph.
"""

from __future__ import annotations

import io

from docx import Document

from reviewtui.export import common as c
from reviewtui.export.docx_layouts import column_layout, minutes_layout, sha
from reviewtui.export.docx_styles import footer, set_fonts, setup
from reviewtui.minutes import Minutes

__all__ = ["render", "set_fonts"]


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    minutes = c.safe_text(minutes)  # control characters shown, never written raw
    doc = Document()
    setup(doc, minutes)
    footer(doc)
    if layout == "column":
        column_layout(doc, minutes, progress)
    else:
        minutes_layout(doc, minutes, progress)
    sha(doc, minutes)
    buffer = io.BytesIO()
    doc.save(buffer)
    c.tick(progress, 1, 1)
    return buffer.getvalue()
