"""The projector: a read-only second screen that follows the live meeting.

It never writes. It opens the database read-only (`Store.open_reader`), never takes the writer's
lock, and follows the live `run` cheaply: each tick asks `PRAGMA data_version` (one tiny query)
and re-reads the meeting only when another connection has committed. Time is derived, never
counted: what the screen shows is computed from the segment's timestamps and `clock.now()`, and
the screen is redrawn only when what it shows changes (once a second while a timer runs). The
tick is timed to land just after the shown second turns, and is never longer than `POLL`.

If the database disappears or a read fails (the writer killed mid-restart, the file replaced),
the last state stays on screen with a small "reconnecting" mark and the reader is reopened on
the next tick; a running timer keeps counting meanwhile, because it is derived from the clock.

The remaining time is drawn in a block font scaled to fill the space it has (`big_lines`);
on a terminal too small for even the smallest scale it falls back to plain text.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.console import RenderableType
from rich.segment import Segment as Cells
from rich.text import Text
from textual.app import App, ComposeResult, RenderResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from reviewtui import clock
from reviewtui.bigfont import (
    FONT,
    FONT_HEIGHT,
    GAP,
    big_lines,
    choose_scale,
    countdown_template,
    glyph_rows,
    pixel_width,
)
from reviewtui.i18n import t
from reviewtui.meeting.projector import (
    POLL,
    State,
    View,
    build_view,
    describe,
    next_delay,
    phase,
    read_state,
)
from reviewtui.meeting.reveal_board import Paging, build_board, start_paging, turned
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.reveal_board import RevealBoard, rows_per_page
from reviewtui.tui.stopping import Stoppable, run_bounded

BUSY_TIMEOUT_MS = 100  # a reader must never freeze the screen waiting for a lock


class Face(Widget):
    """The big area: the time in the block font, as large as fits, or a short message.

    The digits are drawn line by line (Textual's line API) and, when only some of them change
    (3:48 to 3:47), only the changed cells are refreshed: a second costs a few hundred cells,
    not the whole screen.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.time: str | None = None
        self.template = ""
        self.message: tuple[str, ...] = ()
        self.scale: tuple[int, int] | None = None  # the scale drawn last (None: plain text)
        self._art: tuple[tuple[object, ...], Art | None] | None = None

    def show(self, time: str | None, template: str, message: tuple[str, ...]) -> None:
        if (time, template, message) == (self.time, self.template, self.message):
            return
        old = self._digits() if self.time is not None else None
        self.time, self.template, self.message = time, template, message
        new = self._digits() if time is not None else None
        region = changed_region(old, new)
        if region is None:
            self.refresh()
        elif region.area:
            self.refresh(region)

    def _digits(self) -> Art | None:
        """The time in the block font, placed in the current size; None if it does not fit."""
        width, height = self.content_size
        key = (self.time, self.template, width, height)
        if self._art is not None and self._art[0] == key:
            return self._art[1]
        art: Art | None = None
        pixels = max(pixel_width(self.time or ""), pixel_width(self.template))
        self.scale = choose_scale(pixels, width, height)
        if self.time and self.scale is not None:
            lines = big_lines(self.time, *self.scale)
            top, left = (height - len(lines)) // 2, (width - len(lines[0])) // 2
            art = Art(self.time, self.scale, lines, top, left)
        self._art = (key, art)
        return art

    def render_line(self, y: int) -> Strip:
        art = self._digits() if self.time is not None else None
        if art is None:
            return super().render_line(y)  # a message, or plain text on a tiny terminal
        width = self.content_size.width
        style = self.visual_style.rich_style
        row = y - art.top
        if not 0 <= row < len(art.lines):
            return Strip.blank(width, style)
        line = art.lines[row]
        right = width - art.left - len(line)
        segments = [Cells(" " * art.left, style), Cells(line, style)]
        return Strip([*segments, Cells(" " * right, style)], width)

    def render(self) -> RenderResult:
        if self.time is not None:
            return Text(self.time, style="bold")
        heading, main, detail = (*self.message, "", "", "")[:3]
        text = Text()
        if heading:
            text.append(heading + "\n\n", style="dim")
        text.append(main, style="bold")
        if detail:
            text.append("\n\n" + detail)
        return text


@dataclass(frozen=True)
class Art:
    """The time in the block font and where its top-left corner sits in the widget."""

    text: str
    scale: tuple[int, int]
    lines: list[str]
    top: int
    left: int


def changed_region(old: Art | None, new: Art | None) -> Region | None:
    """The cells that differ between two drawings in the same place (None: redraw it all).

    Compared glyph by glyph, so a second that changes one digit costs that digit's cells.
    """
    if (
        old is None
        or new is None
        or (old.scale, old.top, old.left) != (new.scale, new.top, new.left)
    ):
        return None
    widths = [len(FONT[ch][0]) for ch in new.text]
    if [len(FONT[ch][0]) for ch in old.text] != widths:
        return None
    sx, sy = new.scale
    x0 = y0 = 1 << 30
    x1 = y1 = -1
    x = new.left
    for a, b, width in zip(old.text, new.text, widths, strict=True):
        if a != b:
            before, after = glyph_rows(a, sx, sy), glyph_rows(b, sx, sy)
            rows = [r for r, (p, q) in enumerate(zip(before, after, strict=True)) if p != q]
            if rows:
                x0, x1 = min(x0, x), max(x1, x + width * sx - 1)
                y0, y1 = min(y0, new.top + rows[0]), max(y1, new.top + rows[-1])
        x += (width + GAP) * sx
    if x1 < 0:
        return Region(0, 0, 0, 0)
    return Region(x0, y0, x1 - x0 + 1, y1 - y0 + 1)


class ProjectorApp(Stoppable, App[None]):
    """The second-screen view of one meeting database. Nothing is typed here: a way out
    (`q`, SIGTERM, SIGHUP, a closed console) just ends it, within a bounded time."""

    CSS_PATH = "projector.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [  # noqa: RUF012 - Textual's idiom
        # its tooltip is the catalog's tip.projector.quit
        Binding("q", "quit", t("help.key.quit"), id="projector.quit"),
        # Paging through revealed results (当场公布); they also turn on their own.
        Binding("right,pagedown,space", "page(1)", t("projector.key.next_page"), show=False),
        Binding("left,pageup", "page(-1)", t("projector.key.previous_page"), show=False),
    ]

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.title = t("projector.app_title")
        self.store: Store | None = None
        self.state: State | None = None
        self.view: View | None = None
        self.reconnecting = False
        self.problem: str | None = None
        self._version: int | None = None
        self._inode: int | None = None
        self.paging: Paging | None = None  # of the revealed results, while they are shown
        self._paging_of: int | None = None  # the reveal it pages

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="title", markup=False)
            yield Static(id="mark", markup=False)
        yield Static(id="item", markup=False)
        yield Static(id="who", markup=False)
        yield Face(id="face")
        yield Static(id="status", markup=False)
        yield Static(id="next", markup=False)
        yield RevealBoard(id="board")

    def on_mount(self) -> None:
        self.watch_way_out()
        self.tick()

    def stop_asked(self) -> None:
        if self.way_out is not None:
            self.way_out.saved()  # nothing typed to save
        self.exit()

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.bound_exit()
        super().exit(result, return_code, message)

    def on_unmount(self) -> None:
        self._close()

    # -- following the database ------------------------------------------------------------------

    def tick(self) -> None:
        """Look at the database, redraw if the shown second changed, and plan the next tick."""
        self.refresh_view()
        self.set_timer(next_delay(self.state, clock.now()), self.tick, name="projector-tick")

    def refresh_view(self) -> None:
        self.poll()
        now = clock.now()
        self.show(
            build_view(
                self.state,
                now,
                db=self.db_path,
                reconnecting=self.reconnecting,
                problem=self.problem,
            )
        )
        self.show_reveal(now)

    # -- revealed results (当场公布) ---------------------------------------------------------------

    def show_reveal(self, now: datetime) -> None:
        """The revealed ranking instead of the timer while results are revealed."""
        reveal = self.state.reveal if self.state else None
        self.screen.set_class(reveal is not None, "-reveal")
        if reveal is None:
            self.paging = self._paging_of = None
            return
        if self.paging is None or self._paging_of != reveal.id:
            self.paging, self._paging_of = start_paging(reveal), reveal.id
        per_page = rows_per_page(self.screen.size.height)
        self.query_one(RevealBoard).show(build_board(reveal, now, per_page, self.paging))

    def action_page(self, step: int) -> None:
        board = self.query_one(RevealBoard).board
        if self.paging is None or board is None:
            return
        self.paging = turned(self.paging, clock.now(), board.pages, step)
        self.show_reveal(clock.now())

    def poll(self) -> bool:
        """Re-read the meeting if the database changed; True if it was read. Never raises."""
        try:
            inode = os.stat(self.db_path).st_ino
        except OSError:
            self._lost(None)
            return False
        try:
            if self.store is None or inode != self._inode:
                self._close()
                self.store = Store.open_reader(self.db_path)
                self.store.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._inode = inode
                self._version = None
            version = self.store.data_version()
            if version == self._version and self.state is not None:
                self.reconnecting = False
                return False
            self.state = read_state(self.store)
            self._version = version
        except Exception as exc:  # the writer mid-restart, a file being replaced, ...
            self._lost(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return False
        self.reconnecting = False
        self.problem = None
        return True

    def _lost(self, problem: str | None) -> None:
        self._close()
        self.reconnecting = True
        self.problem = problem

    def _close(self) -> None:
        if self.store is not None:
            with contextlib.suppress(Exception):  # a broken connection may fail to close
                self.store.close()
            self.store = None

    # -- drawing ---------------------------------------------------------------------------------

    def show(self, view: View) -> None:
        previous = self.view
        if view == previous:
            return
        self.view = view

        def changed(*names: str) -> bool:
            return previous is None or any(getattr(previous, n) != getattr(view, n) for n in names)

        if changed("title"):
            self.query_one("#title", Static).update(Text(shown(view.title)))
        if changed("mark"):
            self.query_one("#mark", Static).update(Text(shown(view.mark)))
        if changed("item", "topic"):
            item = Text(shown(view.item), style="bold")
            if view.topic:
                item.append(f"  {shown(view.topic)}", style="not bold")
            self.query_one("#item", Static).update(item)
        if changed("who"):
            self.query_one("#who", Static).update(Text(shown(view.who)))
        if changed("status"):
            self.query_one("#status", Static).update(Text(shown(view.status)))
        if changed("next"):
            self.query_one("#next", Static).update(Text(shown(view.next)))
        if changed("mood", "reconnecting"):
            for mood in ("run", "warn", "over", "paused", "idle", "message"):
                self.screen.set_class(view.mood == mood, f"-{mood}")
            self.screen.set_class(view.reconnecting, "-reconnecting")
        self.query_one(Face).show(view.time, view.template, tuple(map(shown, view.message)))


def run_projector(db_path: str | Path) -> None:
    run_bounded(ProjectorApp(db_path))


__all__ = [  # the read model and the font live in the core; imported from here too
    "FONT",
    "FONT_HEIGHT",
    "GAP",
    "POLL",
    "Face",
    "ProjectorApp",
    "State",
    "View",
    "big_lines",
    "build_view",
    "choose_scale",
    "countdown_template",
    "describe",
    "glyph_rows",
    "next_delay",
    "phase",
    "pixel_width",
    "read_state",
    "run_projector",
]
