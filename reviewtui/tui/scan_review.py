"""The held forms of `ballots scan` (SPEC 10), one at a time: the picture of the doubtful rows
in half blocks, the grades read so far, the doubtful cells to fix with the digit keys.

`ctrl+s` saves the form as any ballot (its held row and picture deleted in the same command),
`o` opens the picture in the system's image viewer, `n`/`p` move through the queue, `delete`
puts a form aside unsaved, `escape` goes back to the ballot screen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from reviewtui.assessment.forms import Cell, Form, Value
from reviewtui.assessment.scan import review
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.tui.keys import localize


class HalfBlocks:
    """A grey picture as rich segments: one character cell shows two pixel rows (▀)."""

    def __init__(self, png: bytes, width: int) -> None:
        self.png = png
        self.width = width

    def __rich_console__(self, console, options):  # type: ignore[no-untyped-def]
        import cv2  # OpenCV decodes the PNG: imported when a picture is shown, never at start-up
        import numpy as np

        image = cv2.imdecode(np.frombuffer(self.png, np.uint8), cv2.IMREAD_GRAYSCALE)
        if image is None:
            return
        width = max(20, min(self.width, options.max_width))
        height = max(2, round(image.shape[0] * width / image.shape[1] / 2) * 2)
        small = cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)
        for y in range(0, height, 2):
            for x in range(width):
                top, bottom = int(small[y, x]), int(small[y + 1, x])
                style = Style(
                    color=f"rgb({top},{top},{top})", bgcolor=f"rgb({bottom},{bottom},{bottom})"
                )
                yield Segment("▀", style)
            yield Segment.line()


class ScanReviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", id="scan.save"),
        Binding("up", "move(-1)", "scan.key.up", show=False, id="scan.up"),
        Binding("down", "move(1)", "scan.key.down", show=False, id="scan.down"),
        Binding("o", "open_picture", "scan.key.open", id="scan.open"),
        Binding("n", "next(1)", "scan.key.next", id="scan.next"),
        Binding("p", "next(-1)", "scan.key.previous", id="scan.previous"),
        Binding("delete", "drop", "scan.key.drop", id="scan.drop"),
        Binding("escape", "app.pop_screen", "key.back", id="scan.back"),
    ]

    def __init__(self, store: Store, entry: int, entered_by: str) -> None:
        super().__init__()
        localize(self)
        self.store = store
        self.entry = entry
        self.entered_by = entered_by
        self.form = Form.of(store.plan)
        self.queue = review.held(store, entry)
        self.index = 0
        self.cursor = 0
        self.fixed: dict[Cell, Value | None] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="scan-head")
        with VerticalScroll():
            yield Static(id="scan-picture")
            yield Static(id="scan-rows")
        yield Static(id="scan-status")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    @property
    def current(self) -> review.Held | None:
        return self.queue[self.index] if 0 <= self.index < len(self.queue) else None

    def doubtful(self) -> list[Cell]:
        item = self.current
        if item is None:
            return []
        cells = []
        for d in item.doubts:
            unit, name = str(d["unit"]), str(d["item"])
            if self.form.item(name) is not None and (unit, name) not in cells:
                cells.append((unit, name))
        return cells

    def show(self) -> None:
        item = self.current
        head = self.query_one("#scan-head", Static)
        if item is None:
            head.update(t("scan.review_empty"))
            self.query_one("#scan-picture", Static).update("")
            self.query_one("#scan-rows", Static).update("")
            return
        head.update(
            Text(
                t(
                    "scan.review_head",
                    serial=item.serial,
                    group=item.group,
                    file=item.file,
                    page=item.page,
                    n=self.index + 1,
                    count=len(self.queue),
                ),
                style="bold",
            )
        )
        png = review.picture(self.store, item.id)
        width = max(40, self.size.width - 4)
        self.query_one("#scan-picture", Static).update(HalfBlocks(png, width) if png else "")
        self.render_rows()

    def render_rows(self) -> None:
        item = self.current
        if item is None:
            return
        lines = []
        why = {(str(d["unit"]), str(d["item"])): str(d["why"]) for d in item.doubts}
        grades = "  ".join(f"{n}={g.grade}" for n, g in enumerate(self.form.scale, start=1))
        lines.append(Text(t("scan.review_keys", grades=grades), style="dim"))
        for n, cell in enumerate(self.doubtful()):
            value = self.fixed.get(cell, item.values.get(cell))
            shown = "—" if value is None else str(value)
            reason = t(f"scan.why.{why.get(cell, 'grid')}")
            marker = "▶ " if n == self.cursor else "  "
            style = "reverse" if n == self.cursor else ""
            lines.append(Text(f"{marker}{cell[0]} / {cell[1]}: {shown}   ({reason})", style=style))
        for d in item.doubts:
            if d["item"] == "opinion":
                lines.append(Text(t("scan.review_opinion", unit=d["unit"]), style="yellow"))
        self.query_one("#scan-rows", Static).update(Text("\n").join(lines))

    def on_key(self, event) -> None:  # type: ignore[no-untyped-def]
        cells = self.doubtful()
        if not cells or not event.character:
            return
        char = event.character
        if char.isdigit():
            number = int(char)
            cell = cells[self.cursor]
            if number == 0:
                self.fixed[cell] = None
            elif number <= len(self.form.scale):
                self.fixed[cell] = self.form.scale[number - 1].grade
            else:
                return
            self.cursor = min(self.cursor + 1, len(cells) - 1)
            self.render_rows()
            event.stop()

    def action_move(self, step: int) -> None:
        cells = self.doubtful()
        if cells:
            self.cursor = max(0, min(len(cells) - 1, self.cursor + step))
            self.render_rows()

    def action_next(self, step: int) -> None:
        if self.queue:
            self.index = (self.index + step) % len(self.queue)
            self.cursor = 0
            self.fixed = {}
            self.show()

    def _say(self, text: str, style: str = "") -> None:
        self.query_one("#scan-status", Static).update(Text(text, style=style))

    def action_save(self) -> None:
        item = self.current
        if item is None:
            return
        unfixed = [c for c in self.doubtful() if c not in self.fixed]
        if unfixed:
            self._say(
                t("scan.review_unfixed", cells="、".join(f"{u}/{i}" for u, i in unfixed)), "red"
            )
            return
        marks: dict[Cell, Value] = dict(item.values)
        for cell, value in self.fixed.items():
            if value is None:
                marks.pop(cell, None)
            else:
                marks[cell] = value
        try:
            saved = review.save(self.store, item, marks, entered_by=self.entered_by)
        except UserError as exc:
            self._say("\n".join(exc.lines), "red")
            return
        self._say(t("scan.review_saved", serial=saved.code), "green")
        self.queue = review.held(self.store, self.entry)
        self.index = min(self.index, max(0, len(self.queue) - 1))
        self.cursor = 0
        self.fixed = {}
        self.show()

    def action_drop(self) -> None:
        item = self.current
        if item is None:
            return
        review.drop(self.store, item)
        self._say(t("scan.review_dropped", serial=item.serial), "yellow")
        self.queue = review.held(self.store, self.entry)
        self.index = min(self.index, max(0, len(self.queue) - 1))
        self.fixed = {}
        self.show()

    def action_open_picture(self) -> None:
        item = self.current
        if item is None:
            return
        png = review.picture(self.store, item.id)
        if not png:
            return
        # A temporary file for the viewer: the picture stays out of the meeting's folder.
        fd, name = tempfile.mkstemp(prefix=f"reviewtui-{item.serial}-", suffix=".png")
        with os.fdopen(fd, "wb") as handle:
            handle.write(png)
        try:
            if sys.platform == "win32":
                os.startfile(name)  # type: ignore[attr-defined]
            else:
                opener = "open" if sys.platform == "darwin" else "xdg-open"
                subprocess.Popen(
                    [opener, name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
        except OSError:
            self._say(t("scan.review_no_viewer", path=Path(name)), "yellow")
            return
        self._say(t("scan.review_opened", path=Path(name)))
