"""The form server's address as a QR code on the live screen (`w` on the assessment item), for
the projector: a phone that scans it reaches the laptop's collection page over the room's
network. Drawn with half blocks, dark modules black on white, so a phone's camera reads it off a
terminal or a projected screen."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

QUIET = 2  # modules of white border: scanners need a quiet zone round the code


def qr_text(data: str) -> Text:
    """`data` as a QR code, two modules a character cell (upper and lower half)."""
    import segno  # here: only a collecting screen draws one

    code = segno.make(data, error="m", micro=False)
    size = len(code.matrix) + 2 * QUIET

    def dark(row: int, column: int) -> bool:
        r, c = row - QUIET, column - QUIET
        inside = 0 <= r < len(code.matrix) and 0 <= c < len(code.matrix)
        return inside and bool(code.matrix[r][c])

    glyphs = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
    lines = [
        "".join(glyphs[dark(row, column), dark(row + 1, column)] for column in range(size))
        for row in range(0, size, 2)
    ]
    return Text("\n".join(lines), style="#000000 on #ffffff", no_wrap=True)


class AddressCode(Static):
    """The address's QR code with the address under it; hidden while nothing is served."""

    DEFAULT_CSS = """
    AddressCode { display: none; width: auto; height: auto; margin: 0 1; }
    AddressCode.shown { display: block; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.address: str | None = None

    def show(self, address: str | None) -> None:
        if address == self.address:
            return
        self.address = address
        self.set_class(bool(address), "shown")
        if address:
            self.update(Text.assemble(qr_text(address), "\n", address))
