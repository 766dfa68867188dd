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
import math
import os
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path

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
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting, Segment
from reviewtui.store import Store

POLL = 0.5  # seconds: the longest wait between two looks at the database
BUSY_TIMEOUT_MS = 100  # a reader must never freeze the screen waiting for a lock

# ------------------------------------------------------------------------------------------------
# The block font: 5x7 pixels per digit (seven-segment style: clean at any scale), drawn with
# half blocks so one terminal row holds two pixel rows (a cell is about twice as tall as wide).

FONT_HEIGHT = 7
GAP = 1  # pixels between glyphs
FONT: dict[str, tuple[str, ...]] = {
    "0": ("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"),
    "1": ("....#", "....#", "....#", "....#", "....#", "....#", "....#"),
    "2": ("#####", "....#", "....#", "#####", "#....", "#....", "#####"),
    "3": ("#####", "....#", "....#", "#####", "....#", "....#", "#####"),
    "4": ("#...#", "#...#", "#...#", "#####", "....#", "....#", "....#"),
    "5": ("#####", "#....", "#....", "#####", "....#", "....#", "#####"),
    "6": ("#####", "#....", "#....", "#####", "#...#", "#...#", "#####"),
    "7": ("#####", "....#", "....#", "....#", "....#", "....#", "....#"),
    "8": ("#####", "#...#", "#...#", "#####", "#...#", "#...#", "#####"),
    "9": ("#####", "#...#", "#...#", "#####", "....#", "....#", "#####"),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "-": ("...", "...", "...", "###", "...", "...", "..."),
}
_HALF = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def pixel_width(text: str) -> int:
    """Width of `text` in font pixels (0 if the font cannot draw it)."""
    if not text or any(ch not in FONT for ch in text):
        return 0
    return sum(len(FONT[ch][0]) for ch in text) + GAP * (len(text) - 1)


def choose_scale(pixels: int, width: int, height: int) -> tuple[int, int] | None:
    """The largest (columns, half-rows) per pixel that fits `pixels` wide in width x height.

    Pixels stay roughly square (a half row is about as tall as a column is wide): the vertical
    scale is kept between 3/4 and 3/2 of the horizontal one. None if even 1x1 does not fit.
    """
    if pixels <= 0 or width <= 0 or height <= 0:
        return None
    fit_y = (2 * height) // FONT_HEIGHT
    for sx in range(width // pixels, 0, -1):
        low = max(1, math.ceil(sx * 3 / 4))
        high = max(low, sx * 3 // 2)
        if fit_y >= low:
            return sx, min(fit_y, high)
    return None


@lru_cache(maxsize=64)
def glyph_rows(ch: str, sx: int, sy: int) -> tuple[str, ...]:
    """One glyph in half blocks, each pixel `sx` columns wide and `sy` half-rows tall."""
    rows = ["".join(px * sx for px in row) for row in FONT[ch] for _ in range(sy)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    return tuple(
        "".join(_HALF[a == "#", b == "#"] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[0::2], rows[1::2], strict=True)
    )


def big_lines(text: str, sx: int, sy: int) -> list[str]:
    """`text` in the block font, each pixel `sx` columns wide and `sy` half-rows tall."""
    gap = " " * (GAP * sx)
    glyphs = [glyph_rows(ch, sx, sy) for ch in text]
    return [gap.join(glyph[r] for glyph in glyphs) for r in range(len(glyphs[0]))]


def countdown_template(planned: float) -> str:
    """The widest text a countdown of `planned` seconds shows in its first ten minutes over:
    sizing the digits for it keeps them from jumping when the time runs out."""
    start = clock.format_countdown(planned)
    return max(start, "-0:00", key=pixel_width)


# ------------------------------------------------------------------------------------------------
# What the database says (read only when it changed) and what the screen shows (derived)


@dataclass(frozen=True)
class State:
    """One consistent read of the meeting."""

    title: str
    date: str
    venue: str | None
    start: str | None
    warn: float
    current: Item | None
    topic: str | None  # the current unit's headline
    ready: float | None  # planned seconds of the current item's first segment
    running: Segment | None
    last: Segment | None  # the latest segment of the current item
    following: Item | None  # the next timed item (the first one before the meeting starts)
    begun: bool
    first_start: datetime | None
    last_end: datetime | None


def read_state(store: Store) -> State:
    """Everything the projector shows, in one read transaction (a consistent snapshot)."""
    conn = store.conn
    conn.execute("BEGIN")
    try:
        meeting = Meeting(store)
        plan = store.plan
        items = meeting.items()
        current = meeting.current_item()
        running = meeting.running()
        segments = meeting.segments(current.id) if current else []
        span = store.row("SELECT min(started_at) AS first, max(ended_at) AS last FROM segments")
    finally:
        conn.execute("END")
    unit = plan.unit(current.unit) if current and current.unit else None
    ready = current.planned if current else None
    if current and current.kind == "unit":
        ready = plan.report_seconds(unit) if unit else None
    timed = [i for i in items if i.timed]
    following = next((i for i in timed if current is None or i.pos > current.pos), None)
    span = span or {}
    return State(
        title=plan.meeting.title,
        date=plan.meeting.date,
        venue=plan.meeting.venue,
        start=plan.meeting.start,
        warn=plan.timing.warn,
        current=current,
        topic=unit.topic if unit else None,
        ready=ready if current and current.timed else None,
        running=running,
        last=segments[-1] if segments else None,
        following=following,
        begun=any(i.status != "pending" for i in items),
        first_start=clock.parse_iso(span["first"]) if span.get("first") else None,
        last_end=clock.parse_iso(span["last"]) if span.get("last") else None,
    )


@dataclass(frozen=True)
class View:
    """Exactly what is on screen; the screen is touched only when this changes."""

    title: str
    mark: str  # top right: the reconnecting mark and the wall clock
    reconnecting: bool
    item: str
    topic: str
    who: str
    time: str | None  # the big digits, or None for a message
    template: str  # sizes the digits (see countdown_template)
    message: tuple[str, ...]  # big-area lines when there is no time: heading, main, detail
    mood: str  # "run" | "warn" | "over" | "paused" | "idle" | "message"
    status: str
    next: str


def describe(item: Item) -> str:
    if item.kind in ("unit", "speech") and item.speaker:
        return f"{item.title} · {item.speaker}"
    return item.title


def phase(kind: str) -> str:
    return t(f"kind.{kind}")


def build_view(
    state: State | None,
    now: datetime,
    *,
    db: Path,
    reconnecting: bool = False,
    problem: str | None = None,
) -> View:
    """The screen for `state` at `now`: a pure function, so every state is easy to test."""
    mark = now.strftime("%H:%M")
    if reconnecting and state is not None:
        mark = f"{t('projector.reconnecting')}  {mark}"
    blank = View(
        title="",
        mark=mark,
        reconnecting=reconnecting,
        item="",
        topic="",
        who="",
        time=None,
        template="",
        message=(),
        mood="message",
        status="",
        next="",
    )
    if state is None:
        hint = t("projector.unreadable", reason=problem) if problem else ""
        hint = hint or t("projector.waiting_hint", db=db.name)
        return replace(blank, title=str(db.name), message=("", t("projector.waiting"), hint))
    view = replace(blank, title=state.title)
    current = state.current
    nxt = t("projector.next", item=describe(state.following)) if state.following else ""
    if current is None and not state.begun:
        when = t("projector.planned_start", time=state.start) if state.start else ""
        place = " · ".join(x for x in (state.date, state.venue) if x)
        first = t("projector.first", item=describe(state.following)) if state.following else ""
        return replace(view, item=place, message=("", t("projector.not_started"), when), next=first)
    if current is None:
        took = ""
        if state.first_start and state.last_end:
            seconds = (state.last_end - state.first_start).total_seconds()
            took = t("projector.duration", time=clock.format_duration(seconds))
        return replace(
            view,
            item=state.date,
            message=("", t("projector.closed"), t("projector.thanks")),
            status=took,
        )
    view = replace(view, item=current.title, topic=state.topic or "", next=nxt)
    running = state.running
    if running is not None:
        who = phase(running.kind)
        if running.speaker:
            who = f"{who} · {running.speaker}"
        if current.kind in ("assessment", "break"):
            who = ""  # the item line says what this is; "Speech" would mislead
        notice = t("projector.assessment") if current.kind == "assessment" else ""
        remaining = running.remaining(now)
        if remaining is None:
            shown = clock.format_duration(running.elapsed(now))
            mood = "paused" if running.paused else "run"
            status = t("projector.paused") if running.paused else t("projector.elapsed")
            return replace(
                view,
                who=who,
                time=shown,
                template=shown,
                mood=mood,
                status=notice or status,
            )
        shown = clock.format_countdown(remaining)
        if running.paused:
            mood, status = "paused", t("projector.paused")
        elif remaining <= 0:
            mood, status = "over", t("projector.overtime")
        elif remaining <= state.warn:
            mood, status = "warn", t("projector.warn")
        else:
            mood, status = "run", notice or t("projector.remaining")
        return replace(
            view,
            who=who,
            time=shown,
            template=countdown_template(running.planned or 0),
            mood=mood,
            status=status,
        )
    if current.kind == "assessment":
        return replace(
            view, message=("", t("projector.assessment"), t("projector.assessment_hint"))
        )
    if current.kind == "break":
        return replace(view, message=("", current.title, ""))
    if not current.timed:
        return replace(view, who=current.speaker or "", message=("", t("projector.written"), ""))
    last = state.last
    if last is None:
        # Opened, nothing started yet: the speaker sees the time they will have.
        kind = "report" if current.kind == "unit" else "speech"
        who = phase(kind) + (f" · {current.speaker}" if current.speaker else "")
        if state.ready is None:
            return replace(view, who=who, message=("", t("projector.ready"), ""))
        shown = clock.format_duration(state.ready)
        return replace(
            view,
            who=who,
            time=shown,
            template=countdown_template(state.ready),
            mood="idle",
            status=t("projector.ready"),
        )
    # Between segments: what just ended, and what comes next.
    spoke = last.elapsed(now)
    done = t("projector.segment_done", phase=phase(last.kind), time=clock.format_duration(spoke))
    if last.planned is not None and spoke > last.planned:
        done += t("projector.segment_over", time=clock.format_duration(spoke - last.planned))
    if state.following:
        message: tuple[str, ...] = (
            t("projector.next_heading"),
            state.following.title,
            (state.following.speaker or "") if state.following.kind != "assessment" else "",
        )
    else:
        message = ("", t("projector.no_next"), "")
    return replace(view, who=current.speaker or "", message=message, status=done, next="")


def next_delay(state: State | None, now: datetime) -> float:
    """Seconds until the shown time next changes (just after it), never more than POLL."""
    running = state.running if state else None
    if running is None or running.paused:
        return POLL
    remaining = running.remaining(now)
    if remaining is None:
        elapsed = running.elapsed(now)
        until = 1.0 - (elapsed - math.floor(elapsed))
    else:
        until = remaining - math.floor(remaining) or 1.0
    return min(POLL, max(0.02, until + 0.02))


# ------------------------------------------------------------------------------------------------
# Widgets


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


class ProjectorApp(App[None]):
    """The second-screen view of one meeting database."""

    CSS_PATH = "projector.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [  # noqa: RUF012 - Textual's idiom
        Binding("q", "quit", t("projector.quit"), tooltip=t("projector.quit"), id="projector.quit"),
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

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="title", markup=False)
            yield Static(id="mark", markup=False)
        yield Static(id="item", markup=False)
        yield Static(id="who", markup=False)
        yield Face(id="face")
        yield Static(id="status", markup=False)
        yield Static(id="next", markup=False)

    def on_mount(self) -> None:
        self.tick()

    def on_unmount(self) -> None:
        self._close()

    # -- following the database ------------------------------------------------------------------

    def tick(self) -> None:
        """Look at the database, redraw if the shown second changed, and plan the next tick."""
        self.refresh_view()
        self.set_timer(next_delay(self.state, clock.now()), self.tick, name="projector-tick")

    def refresh_view(self) -> None:
        self.poll()
        self.show(
            build_view(
                self.state,
                clock.now(),
                db=self.db_path,
                reconnecting=self.reconnecting,
                problem=self.problem,
            )
        )

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
            self.query_one("#title", Static).update(Text(view.title))
        if changed("mark"):
            self.query_one("#mark", Static).update(Text(view.mark))
        if changed("item", "topic"):
            item = Text(view.item, style="bold")
            if view.topic:
                item.append(f"  {view.topic}", style="not bold")
            self.query_one("#item", Static).update(item)
        if changed("who"):
            self.query_one("#who", Static).update(Text(view.who))
        if changed("status"):
            self.query_one("#status", Static).update(Text(view.status))
        if changed("next"):
            self.query_one("#next", Static).update(Text(view.next))
        if changed("mood", "reconnecting"):
            for mood in ("run", "warn", "over", "paused", "idle", "message"):
                self.screen.set_class(view.mood == mood, f"-{mood}")
            self.screen.set_class(view.reconnecting, "-reconnecting")
        self.query_one(Face).show(view.time, view.template, view.message)


def run_projector(db_path: str | Path) -> None:
    ProjectorApp(db_path).run()


__all__ = [
    "Face",
    "ProjectorApp",
    "State",
    "View",
    "big_lines",
    "build_view",
    "choose_scale",
    "read_state",
    "run_projector",
]
