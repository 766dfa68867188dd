"""The QR code of a form's one-time phone form (`print forms --qr`, SPEC 9), as a picture.

segno draws it (pure Python); a PNG at a resolution a laser printer keeps sharp goes into the
form's serial line, the serial printed again under it so a person can tell which form it is.
"""

from __future__ import annotations

import io
from typing import Any

import segno
from docx.shared import Mm, Pt

from reviewtui.office import official as o

QR_SIZE = Mm(24)  # big enough for a phone at arm's length, small enough to keep one page


def qr_png(url: str) -> bytes:
    """The QR code of `url` as PNG bytes (error correction M: a crease or a tick mark on it
    still scans)."""
    buffer = io.BytesIO()
    # A fixed mask: segno's search for the best of eight costs more than the rest of the form,
    # and any mask scans (the search only evens out the dark and light patches).
    code = segno.make(url, error="m", micro=False, mask=0)
    code.save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def add_qr(paragraph: Any, url: str, serial: str) -> None:
    """The QR code at the end of the serial line, the serial beside it."""
    paragraph.add_run("  ")
    o.add_picture(paragraph.add_run(), qr_png(url), QR_SIZE, QR_SIZE)
    label = paragraph.add_run(f" {serial}")
    label.font.size = Pt(9)
