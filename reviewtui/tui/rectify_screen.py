"""The rectification list screen (`z` on the live and the results screens).

It lists one unit's problem lines (or every unit's: `a`), each question and comment of the unit
being a line without anyone typing it. `enter` edits the selected line in a dialog, `d` drops it
(again: restores it), `m` marks a line and `m` on another merges that one into the marked one,
`+` adds the secretary's own line, shift+↑/↓ moves a line, ctrl+z undoes the last change to the
list. Every change is one command of `reviewtui.rectify`, committed before the screen redraws
from the database. Texts are cut by display width (Chinese is two cells a character).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.rectify import ProblemLine, Rectification
from reviewtui.rectify.lines import source_name
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.help import HelpScreen
from reviewtui.tui.keys import localize
from reviewtui.tui.rectify_dialog import LineDialog
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.text import fit

# (column, least cells, share of what is left); the problem and the measure take the room
COLUMNS: tuple[tuple[str, int, int], ...] = (
    ("no", 3, 0),
    ("unit", 6, 1),
    ("problem", 14, 4),
    ("source", 6, 1),
    ("measure", 8, 2),
    ("owner", 6, 1),
    ("deadline", 10, 0),
    ("status", 8, 0),
)
STATUS_STYLE = {"open": "", "done": "green", "dropped": "dim strike"}


def widths(total: int, *, with_unit: bool) -> dict[str, int]:
    """Cells per column for a table `total` cells wide (a column's gap included)."""
    columns = [c for c in COLUMNS if with_unit or c[0] != "unit"]
    gaps = 2 * len(columns) + 2
    least = sum(c[1] for c in columns)
    spare = max(0, total - gaps - least)
    shares = sum(c[2] for c in columns) or 1
    return {name: low + spare * share // shares for name, low, share in columns}


class LineTable(DataTable[Text]):
    """The lines; `enter` edits the selected one (the table's own `enter` would only select)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit", "rectify.key.edit", key_display="↵", id="rectify.edit"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        localize(self)


class RectifyScreen(Screen[None]):
    CSS_PATH = "rectify.tcss"
    AUTO_FOCUS = "#rectify-table"  # never a text field: the single-letter keys work at once

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "merge", "rectify.key.merge", id="rectify.merge"),
        Binding("d", "drop", "rectify.key.drop", id="rectify.drop"),
        Binding("plus,i", "add", "rectify.key.add", key_display="+", id="rectify.add"),
        Binding("shift+up", "move(-1)", "rectify.key.up", key_display="⇧↑", id="rectify.up"),
        Binding("shift+down", "move(1)", "rectify.key.down", key_display="⇧↓", id="rectify.down"),
        Binding("a", "toggle_all", "rectify.key.all", id="rectify.all"),
        Binding("ctrl+z", "undo", "key.undo", id="rectify.undo"),
        Binding("escape", "back", "rectify.key.back", key_display="esc", id="rectify.back"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="rectify.help"),
    ]

    def __init__(self, store: Store, unit: str | None = None) -> None:
        super().__init__(id="rectify")
        localize(self)
        self.store = store
        self.rect = Rectification(store)
        self.unit = unit  # the unit shown, or None: every unit
        self.home_unit = unit  # what `a` goes back to
        self.lines: list[ProblemLine] = []
        self.marked: str | None = None  # the line a second `m` merges into

    def compose(self) -> ComposeResult:
        yield Static(id="rectify-title")
        yield LineTable(id="rectify-table")
        yield Static(id="rectify-empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.reload()

    # -- data ------------------------------------------------------------------------------------

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#rectify-table", DataTable)

    @property
    def current(self) -> ProblemLine | None:
        table = self.table
        if not self.lines or table.cursor_row < 0 or table.cursor_row >= len(self.lines):
            return None
        return self.lines[table.cursor_row]

    def reload(self, keep: str | None = None) -> None:
        """Read the list again and redraw it, the cursor on `keep` (else where it was)."""
        if keep is None and self.current is not None:
            keep = self.current.key
        self.lines = self.rect.lines(self.unit)
        table = self.table
        cells = widths(max(40, self.size.width), with_unit=self.unit is None)
        table.clear(columns=True)
        for name in cells:
            label = "#" if name == "no" else t(f"rectify.col.{name}")
            table.add_column(Text(fit(label, cells[name])), key=name, width=cells[name])
        absorbed = self._absorbed_counts()
        for n, line in enumerate(self.lines, start=1):
            table.add_row(*self._row(n, line, cells, absorbed.get(line.id or 0, 0)), key=line.key)
        if keep is not None:
            with contextlib.suppress(RowDoesNotExist):  # a line undone away
                table.move_cursor(row=table.get_row_index(keep))
        self._title()
        empty = self.query_one("#rectify-empty", Static)
        empty.update(Text(t("rectify.empty"), style="dim"))
        empty.display = not self.lines

    def _absorbed_counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for line in self.rect.lines(self.unit, include_merged=True):
            if line.merged_into is not None:
                counts[line.merged_into] = counts.get(line.merged_into, 0) + 1
        return counts

    def _row(self, n: int, line: ProblemLine, cells: dict[str, int], absorbed: int) -> list[Text]:
        source = source_name(line.source)
        if line.speaker:
            source = f"{source} {line.speaker}"
        if absorbed:
            source = f"+{absorbed} {source}"
        values = {
            "no": ("* " if line.key == self.marked else "") + str(n),
            "unit": line.unit,
            "problem": " ".join(line.problem.split()) or "—",
            "source": source,
            "measure": " ".join(line.measure.split()),
            "owner": line.owner,
            "deadline": line.deadline or "",
            "status": t(f"rectify.status.{line.status}"),
        }
        style = STATUS_STYLE.get(line.status, "")
        row = []
        for name, width in cells.items():
            cell = Text(fit(values[name], width), style=style)  # fit() makes it terminal-safe
            if name == "no" and line.key == self.marked:
                cell.stylize("bold reverse")
            row.append(cell)
        return row

    def _title(self) -> None:
        scope = t("rectify.title_unit", unit=self.unit) if self.unit else t("rectify.title")
        line = Text(shown(scope), style="bold")
        counts = {s: sum(1 for x in self.lines if x.status == s) for s in ("open", "done")}
        dropped = sum(1 for x in self.lines if x.status == "dropped")
        line.append("  ")
        line.append(t("rectify.count", count=len(self.lines), dropped=dropped, **counts))
        self.query_one("#rectify-title", Static).update(line)

    # -- commands --------------------------------------------------------------------------------

    def _run(self, command: Callable[[], object]) -> bool:
        """One core command; a refusal is shown, never a crash."""
        if not self.store.writable:
            self.notify(t("rectify.read_only"), severity="error")
            return False
        try:
            command()
        except UserError as exc:
            self.notify("\n".join(exc.lines), severity="error", timeout=15)
            return False
        return True

    def action_edit(self) -> None:
        line = self.current
        if line is not None:
            self._open_dialog(line)

    def _open_dialog(
        self,
        line: ProblemLine | None,
        draft: dict[str, str] | None = None,
        error: str = "",
        focus: str | None = None,
    ) -> None:
        unit = line.unit if line else self._unit_for_add()
        if unit is None:
            return
        title = t("rectify.dialog.edit") if line else t("rectify.dialog.add", unit=unit)

        def closed(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                if line is None:
                    done = self.rect.add(
                        unit,
                        values["problem"],
                        measure=values["measure"],
                        owner=values["owner"],
                        deadline=values["deadline"],
                        status=values["status"],  # checked with the rest: added once or not
                    )
                else:
                    changed = {k: v for k, v in values.items() if v != _as_typed(line, k)}
                    done = self.rect.edit(line.key, **changed) if changed else line
            except UserError as exc:  # open it again with what was typed: nothing is lost
                self._open_dialog(line, values, "\n".join(exc.lines), exc.field)
                return
            self.reload(keep=done.key)

        if not self.store.writable:
            self.notify(t("rectify.read_only"), severity="error")
            return
        dialog = LineDialog(title, line, draft=draft, error=error, focus=focus)
        self.app.push_screen(dialog, callback=closed)

    def _unit_for_add(self) -> str | None:
        unit = self.unit or (self.current.unit if self.current else None)
        if unit is None:
            self.notify(t("rectify.pick_unit"), severity="warning")
        return unit

    def action_add(self) -> None:
        self._open_dialog(None)

    def action_drop(self) -> None:
        line = self.current
        if line is None:
            return
        if line.status == "dropped":
            ok = self._run(lambda: self.rect.edit(line.key, status="open"))
        else:
            ok = self._run(lambda: self.rect.drop(line.key))
            if ok:
                self.notify(t("rectify.dropped"))
        if ok:
            self.reload(keep=line.key)

    def action_merge(self) -> None:
        line = self.current
        if line is None:
            return
        if self.marked is None or self.marked == line.key:
            self.marked = None if self.marked == line.key else line.key
            if self.marked:
                self.notify(t("rectify.marked", problem=fit(line.problem, 30)))
            self.reload(keep=line.key)
            return
        keep = self.marked
        if self._run(lambda: self.rect.merge(keep, line.key)):
            self.notify(t("rectify.merged"))
        self.marked = None
        self.reload(keep=keep)

    def action_move(self, step: int) -> None:
        line = self.current
        if line is not None and self._run(lambda: self.rect.move(line.key, step)):
            self.reload(keep=line.key)

    def action_toggle_all(self) -> None:
        self.unit = None if self.unit is not None else (self.home_unit or self._cursor_unit())
        self.marked = None
        self.reload()

    def _cursor_unit(self) -> str | None:
        return self.current.unit if self.current else None

    def action_undo(self) -> None:
        undone: list[str | None] = []
        if not self._run(lambda: undone.append(self.rect.undo())):
            return
        action = undone[0] if undone else None
        if action is None:
            self.notify(t("rectify.nothing_to_undo"), severity="warning")
        else:
            self.notify(t("ballot.undone", what=t(f"db.action.{action}")))
        self.reload()

    def action_back(self) -> None:
        if self.marked is not None:  # escape first lets go of a marked line
            self.marked = None
            self.reload()
            return
        self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))


def _as_typed(line: ProblemLine, name: str) -> str:
    """A field of `line` as the dialog shows it, to send only what the secretary changed."""
    if name == "deadline":
        return line.deadline or ""
    if name == "status":
        return line.status
    return str(getattr(line, name))
