"""The marks a reader needs on a printed 测评表 (SPEC 10), drawn into the docx.

Pictures anchored to the page, not to the text: the corner squares and the serial's code sit
at the same place of the sheet whatever Word or LibreOffice does with the lines, and they take
no room from the form (no wrapping, in the margins). See `reviewtui.assessment.form_code`.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import Any

import segno
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from reviewtui.assessment import form_code as fc
from reviewtui.office import official as o
from reviewtui.plan import Plan


def _black_png(side: int = 8) -> bytes:
    """A solid black square, as a PNG (grey, 8 bit)."""
    raw = b"".join(b"\x00" + b"\x00" * side for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


_SQUARE = _black_png()


def serial_code_png(plan: Plan, serial: str) -> bytes:
    buffer = io.BytesIO()
    code = segno.make(fc.payload(plan, serial), error="m", micro=False, mask=0)  # see qr_print
    code.save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def add_marks(paragraph: Any, plan: Plan, serial: str) -> None:
    """The four corner squares and the serial's code, anchored to the page of `paragraph`."""
    for x, y in fc.fiducial_origins():
        _anchored(paragraph, _SQUARE, x, y, fc.FIDUCIAL)
    _anchored(paragraph, serial_code_png(plan, serial), fc.CODE_X, fc.CODE_Y, fc.CODE_SIZE)


def _anchored(paragraph: Any, png: bytes, x: float, y: float, size: float) -> None:
    """A picture placed at (x, y) mm of the page, in front of the text, wrapping nothing."""
    run = paragraph.add_run()
    inline = o.add_picture(run, png, Mm(size), Mm(size))  # ids numbered once per document
    extent = inline.find("{*}extent")
    doc_pr = inline.find("{*}docPr")
    frame = inline.find("{*}cNvGraphicFramePr")
    graphic = inline.find("{*}graphic")
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp")} distT="0" distB="0" distL="0" distR="0" simplePos="0"'
        ' relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1"'
        ' allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{int(Mm(x))}</wp:posOffset>'
        "</wp:positionH>"
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{int(Mm(y))}</wp:posOffset>'
        "</wp:positionV>"
        "</wp:anchor>"
    )
    anchor.append(extent)
    anchor.append(parse_xml(f'<wp:effectExtent {nsdecls("wp")} l="0" t="0" r="0" b="0"/>'))
    anchor.append(parse_xml(f"<wp:wrapNone {nsdecls('wp')}/>"))
    for part in (doc_pr, frame, graphic):
        if part is not None:
            anchor.append(part)
    inline.getparent().replace(inline, anchor)
