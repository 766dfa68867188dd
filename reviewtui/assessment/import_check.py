"""Checking a ballot file's rows (SPEC section 6): each row against the form, the ballots it
makes, every error with its line, column and value. `importer.py` reads the file, runs this
check over every row and writes nothing unless it found no error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui.assessment import opinions, serials
from reviewtui.assessment.ballot_files import (  # reading files: the module beside this one
    _blank,
    _column_letter,
    _echo,
    _names,
    _text,
)
from reviewtui.assessment.ballots import (
    LONG_HEADER,
    OPINION_HEADER,
    serial_problems,
)
from reviewtui.assessment.forms import CellError, Form, Value, code_problem, normalize_code
from reviewtui.i18n import t
from reviewtui.plan import FormItem
from reviewtui.textsafe import name_key


@dataclass
class Pending:
    """A ballot read from the file, not yet written: its lines, unit -> {item: value or None}."""

    group: str
    first_line: int
    last_line: int
    lines: dict[str, dict[str, Value | None]] = field(default_factory=dict)
    opinions: dict[str, tuple[str, int]] = field(default_factory=dict)  # unit -> (text, line)


# ------------------------------------------------------------------------------------------------
# Checking


_UNSEEN = object()


class Checker:
    """Reads rows into pending ballots, collecting every error as (line, message).

    Files are large and repetitive (a few grades, a few dozen unit names), so every distinct raw
    text is looked up or parsed once and remembered.
    """

    def __init__(
        self,
        form: Form,
        path: Path,
        taken: set[str],
        entry: int,
        printed: serials.Printed | None = None,
    ) -> None:
        self.form = form
        self.printed = printed or serials.Printed([])  # empty: every id is free-form
        self.path = path
        self.taken = taken
        self.entry = entry
        self.errors: list[tuple[int, str]] = []
        self.ballots: dict[str, Pending] = {}
        self.groups = _names(form.groups)
        self.default_group = form.groups[0] if len(form.groups) == 1 else None
        self.units = _names(form.units)
        self.items = {name_key(i.name): i for i in form.items}
        self.default_item = form.items[0] if form.one_item else None
        self.values: dict[str, dict[object, Value | CellError | None]] = {
            i.name: {} for i in form.items
        }
        self.spreadsheet = False  # errors name the cell (C5) as well as the line
        self.columns: dict[str, int] = {name: i for i, name in enumerate(OPINION_HEADER)}
        self.width = len(LONG_HEADER)  # one more with the opinion column

    def error(self, line: int, message: str, column: str | None = None) -> None:
        if column is None:
            where = t("import.at", path=self.path, line=line)
        elif self.spreadsheet and column in self.columns:
            # A spreadsheet user looks for the cell: "C5".
            cell = f"{_column_letter(self.columns[column])}{line}"
            where = t("import.at_cell", path=self.path, line=line, column=column, cell=cell)
        else:
            where = t("import.at_column", path=self.path, line=line, column=column)
        self.errors.append((line, where + message))

    def code(self, line: int, raw: object, cells: Sequence[object]) -> str:
        """The row's ballot id, or "" (with an error unless the row is blank)."""
        problem = code_problem(raw)
        if problem is not None:
            self.error(line, problem.message, "ballot")
            return ""
        code = normalize_code(raw)
        code = self.printed.normalized(code)
        if not code and not _blank(cells):
            self.error(line, t("import.no_ballot"), "ballot")
        return code

    def value(self, item: FormItem, raw: object) -> Value | CellError | None:
        known = self.values[item.name]
        found = known.get(cell_key(raw), _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        try:
            parsed: Value | CellError | None = self.form.parse(item, raw)
        except CellError as exc:
            parsed = exc
        known[cell_key(raw)] = parsed
        return parsed

    def ballot(self, line: int, code: str, group_raw: object) -> Pending | None:
        """The pending ballot a row belongs to, after checking its group; None if unusable."""
        group = _text(group_raw)
        if not group:
            if self.default_group is None:
                self.error(line, t("import.no_group", groups="、".join(self.form.groups)), "group")
                return None
            group = self.default_group
        elif name_key(group) not in self.groups:
            groups = "、".join(self.form.groups)
            self.error(line, t("import.unknown_group", value=_echo(group), groups=groups), "group")
            return None
        else:
            group = self.groups[name_key(group)]
        pending = self.ballots.get(code)
        if pending is None:
            # A printed form's serial must be one that was printed, of this group.
            problems = serial_problems(self.printed, code, group)
            if problems:
                self.error(line, problems[0], "ballot")
                return None
            pending = self.ballots[code] = Pending(group, line, line)
        elif pending.group != group:
            self.error(
                line,
                t(
                    "import.two_groups",
                    code=code,
                    group=group,
                    first=pending.group,
                    line=pending.first_line,
                ),
                "group",
            )
            return None
        return pending

    def cell(
        self, line: int, pending: Pending, unit: str, item: FormItem, raw: object, column: str
    ) -> None:
        value = self.value(item, raw)
        if isinstance(value, CellError):
            self.error(line, value.message, column)
            return
        cells = pending.lines.get(unit)
        if cells is None:
            cells = pending.lines[unit] = {}
        elif item.name in cells:
            self.error(line, t("import.cell_twice", unit=unit, item=item.name), column)
            return
        cells[item.name] = value
        pending.last_line = line

    def opinion(self, line: int, pending: Pending, unit: str, raw: object) -> None:
        """One opinion per ballot and unit: repeated on each item's row it is the same one."""
        text = opinions.normalized(_text(raw))
        if not text:
            return
        if len(text) > opinions.LIMIT:
            count, limit = len(text), opinions.LIMIT
            self.error(line, t("opinion.too_long", unit=unit, count=count, limit=limit), "opinion")
            return
        held = pending.opinions.get(unit)
        if held is None:
            pending.opinions[unit] = (text, line)
        elif held[0] != text:
            message = t("opinion.two", code=_echo(self._code_of(pending)), unit=unit, other=held[1])
            self.error(line, message, "opinion")

    def _code_of(self, pending: Pending) -> str:
        return next(code for code, found in self.ballots.items() if found is pending)

    def long_rows(self, lines: Sequence[int], rows: Sequence[Sequence[object]]) -> None:
        unit_of: dict[object, str] = {}
        item_of: dict[object, FormItem] = {}
        last_code: object = _UNSEEN
        last_group: object = _UNSEEN
        pending: Pending | None = None
        for line, cells in zip(lines, rows, strict=True):
            width = self.width
            if len(cells) != width:
                if len(cells) > width and any(_text(c) for c in cells[width:]):
                    self.error(line, t("import.extra_cells"))
                    continue
                cells = [*cells[:width], *([None] * (width - len(cells)))]
            code_raw, group_raw, unit_raw, item_raw, value_raw = cells[:5]
            if cell_key(code_raw) != last_code or cell_key(group_raw) != last_group:
                # A new ballot, or the same one in another group (an error `ballot` reports).
                code = self.code(line, code_raw, cells)
                if not code:
                    last_code = _UNSEEN
                    continue
                pending = self.ballot(line, code, group_raw)
                last_code, last_group = cell_key(code_raw), cell_key(group_raw)
            if pending is None:
                last_code = _UNSEEN  # report every row of a bad ballot, not just the first
                continue
            unit = unit_of.get(cell_key(unit_raw))
            if unit is None:
                text = _text(unit_raw)
                found_unit = self.units.get(name_key(text))
                if found_unit is not None:
                    unit = unit_of[cell_key(unit_raw)] = found_unit
                else:
                    self.error(line, t("ballot.unknown_unit", value=_echo(text)), "unit")
            item = item_of.get(cell_key(item_raw))
            if item is None:
                name = _text(item_raw)
                found = self.items.get(name_key(name)) if name else self.default_item
                items = "、".join(i.name for i in self.form.items)
                if found is not None:
                    item = item_of[cell_key(item_raw)] = found
                elif name:
                    self.error(
                        line, t("import.unknown_item", value=_echo(name), items=items), "item"
                    )
                else:
                    self.error(line, t("import.no_item", items=items), "item")
            if unit is None or item is None:
                continue
            if width > 5 and cells[5] is not None:
                self.opinion(line, pending, unit, cells[5])
            # The common case inline (a known value, a new cell); `cell` handles the rest.
            value = self.values[item.name].get(cell_key(value_raw), _UNSEEN)
            line_cells = pending.lines.get(unit)
            if value is _UNSEEN or isinstance(value, CellError) or line_cells is None:
                self.cell(line, pending, unit, item, value_raw, "value")
            elif item.name in line_cells:
                self.error(line, t("import.cell_twice", unit=unit, item=item.name), "value")
            else:
                line_cells[item.name] = value  # type: ignore[assignment]
                pending.last_line = line

    def wide_rows(
        self, lines: Sequence[int], rows: Sequence[Sequence[object]], units: list[str | None]
    ) -> None:
        item = self.form.items[0]
        for line, cells in zip(lines, rows, strict=True):
            code = self.code(line, cells[0] if cells else None, cells)
            if not code:
                continue
            if any(_text(c) for c in cells[len(units) + 2 :]):
                self.error(line, t("import.extra_cells"))
                continue
            pending = self.ballot(line, code, cells[1] if len(cells) > 1 else None)
            if pending is None:
                continue
            if pending.first_line != line:
                self.error(line, t("import.wide_twice", code=code, line=pending.first_line))
                continue
            for index, unit in enumerate(units):
                raw = cells[index + 2] if index + 2 < len(cells) else None
                if unit is not None:
                    self.cell(line, pending, unit, item, raw, unit)

    def finish(self) -> None:
        for code, pending in self.ballots.items():
            if code in self.taken:
                first, last = pending.first_line, pending.last_line
                if first == last:
                    message = t("import.taken", code=code, entry=self.entry, lines=first)
                else:
                    lines = f"{first}–{last}"
                    message = t("import.taken_many", code=code, entry=self.entry, lines=lines)
                self.error(first, message, "ballot")


def cell_key(raw: object) -> tuple[type, object]:
    """A cell as a cache key: its type too, for True == 1 (an xlsx TRUE is not the grade 1)."""
    return (type(raw), raw)
