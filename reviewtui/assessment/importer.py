"""Ballot files (SPEC section 6): CSV (UTF-8, a BOM allowed) or XLSX (first sheet).

Long form, any form:   ballot,group,unit,item,value[,opinion]  (opinion: `assessment.opinions`)
Wide form, one item:   ballot,group,<unit>,<unit>,...

An import is all or nothing: every row is checked first, every bad row is reported with its line
number and bad value, and nothing is written unless the whole file is good. The write is one
transaction of bulk inserts, and every inserted row is journaled like any other change, in bulk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui import clock
from reviewtui.assessment import file_identity, opinions, rules, serials
from reviewtui.assessment.ballot_files import (  # reading files: the module beside this one
    Rows,
    _blank,
    _column_letter,
    _echo,
    _is_xlsx,
    _names,
    _text,
    read_rows,
)
from reviewtui.assessment.ballots import (
    CHINESE_HEADER,
    LONG_HEADER,
    OPINION_HEADER,
    check_entry,
    codes,
    default_entered_by,
    serial_problems,
)
from reviewtui.assessment.forms import CellError, Form, Value, code_problem, normalize_code
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import FormItem, Plan
from reviewtui.store import Store
from reviewtui.textsafe import name_key

_BALLOT_COLUMNS = ["id", "code", "entry", "grp", "entered_by", "source", "created_at", "updated_at"]
_MARK_COLUMNS = ["ballot_id", "unit", "cells"]


@dataclass(frozen=True)
class ImportResult:
    path: str
    entry: int
    ballots: int
    marks: int  # filled cells
    invalid: Mapping[str, str] = field(default_factory=dict)  # code -> reason (assessment.rules)


@dataclass
class _Pending:
    """A ballot read from the file, not yet written: its lines, unit -> {item: value or None}."""

    group: str
    first_line: int
    last_line: int
    lines: dict[str, dict[str, Value | None]] = field(default_factory=dict)
    opinions: dict[str, tuple[str, int]] = field(default_factory=dict)  # unit -> (text, line)


# ------------------------------------------------------------------------------------------------
# Checking


_UNSEEN = object()


class _Checker:
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
        self.ballots: dict[str, _Pending] = {}
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
        found = known.get(_key(raw), _UNSEEN)
        if found is not _UNSEEN:
            return found  # type: ignore[return-value]
        try:
            parsed: Value | CellError | None = self.form.parse(item, raw)
        except CellError as exc:
            parsed = exc
        known[_key(raw)] = parsed
        return parsed

    def ballot(self, line: int, code: str, group_raw: object) -> _Pending | None:
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
            pending = self.ballots[code] = _Pending(group, line, line)
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
        self, line: int, pending: _Pending, unit: str, item: FormItem, raw: object, column: str
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

    def opinion(self, line: int, pending: _Pending, unit: str, raw: object) -> None:
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

    def _code_of(self, pending: _Pending) -> str:
        return next(code for code, found in self.ballots.items() if found is pending)

    def long_rows(self, lines: Sequence[int], rows: Sequence[Sequence[object]]) -> None:
        unit_of: dict[object, str] = {}
        item_of: dict[object, FormItem] = {}
        last_code: object = _UNSEEN
        last_group: object = _UNSEEN
        pending: _Pending | None = None
        for line, cells in zip(lines, rows, strict=True):
            width = self.width
            if len(cells) != width:
                if len(cells) > width and any(_text(c) for c in cells[width:]):
                    self.error(line, t("import.extra_cells"))
                    continue
                cells = [*cells[:width], *([None] * (width - len(cells)))]
            code_raw, group_raw, unit_raw, item_raw, value_raw = cells[:5]
            if _key(code_raw) != last_code or _key(group_raw) != last_group:
                # A new ballot, or the same one in another group (an error `ballot` reports).
                code = self.code(line, code_raw, cells)
                if not code:
                    last_code = _UNSEEN
                    continue
                pending = self.ballot(line, code, group_raw)
                last_code, last_group = _key(code_raw), _key(group_raw)
            if pending is None:
                last_code = _UNSEEN  # report every row of a bad ballot, not just the first
                continue
            unit = unit_of.get(_key(unit_raw))
            if unit is None:
                text = _text(unit_raw)
                found_unit = self.units.get(name_key(text))
                if found_unit is not None:
                    unit = unit_of[_key(unit_raw)] = found_unit
                else:
                    self.error(line, t("import.unknown_unit", value=_echo(text)), "unit")
            item = item_of.get(_key(item_raw))
            if item is None:
                name = _text(item_raw)
                found = self.items.get(name_key(name)) if name else self.default_item
                items = "、".join(i.name for i in self.form.items)
                if found is not None:
                    item = item_of[_key(item_raw)] = found
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
            value = self.values[item.name].get(_key(value_raw), _UNSEEN)
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


def _key(raw: object) -> tuple[type, object]:
    """A cell as a cache key: its type too, for True == 1 (an xlsx TRUE is not the grade 1)."""
    return (type(raw), raw)


def check_file(
    form: Form,
    path: Path,
    table: Rows,
    taken: set[str],
    entry: int,
    *,
    spreadsheet: bool = False,
    plan: Plan | None = None,
    printed: serials.Printed | None = None,
) -> tuple[dict[str, _Pending], list[str]]:
    """The ballots of a file and every error in it, in line order. Nothing is written."""
    lines, rows = table
    first = next((i for i, cells in enumerate(rows) if not _blank(cells)), None)
    if first is not None and file_identity.found(rows[first : first + 1]) is not None:
        # `ballots export`'s line naming its meeting (`import_file` has checked it)
        first = next((i for i, c in enumerate(rows) if i > first and not _blank(c)), None)
    if first is None:
        return {}, [t("import.empty", path=path)]
    header_line, header_cells = lines[first], rows[first]
    # Chinese headers (编号,类别,单位,项目,评价,意见) read as the SPEC's own names.
    header = [_text(c).lower() for c in header_cells]
    header = [CHINESE_HEADER.get(name.strip(), name) for name in header]
    while header and not header[-1]:
        header.pop()
    body_lines, body = lines[first + 1 :], rows[first + 1 :]
    checker = _Checker(form, path, taken, entry, printed)
    checker.spreadsheet = spreadsheet
    if tuple(header) == OPINION_HEADER and not (plan is not None and plan.assessment.opinions):
        return {}, [t("import.at", path=path, line=header_line) + t("opinion.column_off")]
    if tuple(header[:5]) == LONG_HEADER and tuple(header) not in (LONG_HEADER, OPINION_HEADER):
        # The long form with a column of its own (a remark, an index): name it as such, not
        # as a unit the wide form would take it for.
        where = t("import.at", path=path, line=header_line)
        known = ",".join(OPINION_HEADER)
        extra = [c for i, c in enumerate(header_cells[5 : len(header)], start=5)
                 if _text(c) and not (i == 5 and header[5] == "opinion")]  # fmt: skip
        return {}, [
            where + t("import.unknown_column", value=_echo(_text(c)), columns=known) for c in extra
        ]
    if tuple(header) in (LONG_HEADER, OPINION_HEADER):
        checker.width = len(header)
        checker.long_rows(body_lines, body)
    elif len(header) >= 3 and header[:2] == ["ballot", "group"]:
        if not form.one_item:
            items = "、".join(i.name for i in form.items)
            where = t("import.at", path=path, line=header_line)
            return {}, [where + t("import.wide_needs_one_item", items=items)]
        units: list[str | None] = []
        checker.columns = {"ballot": 0, "group": 1}
        checker.columns.update(
            {
                checker.units.get(name_key(_text(c)), _text(c)): i
                for i, c in enumerate(header_cells)
                if i >= 2
            }
        )
        for raw in header_cells[2 : len(header)]:
            unit = checker.units.get(name_key(_text(raw)), "")
            if not unit:
                message = t("import.unknown_unit_column", value=_echo(_text(raw)))
                checker.error(header_line, message)
                units.append(None)
            elif unit in units:
                checker.error(header_line, t("import.unit_column_twice", value=unit))
                units.append(None)
            else:
                units.append(unit)
        checker.wide_rows(body_lines, body, units)
    else:
        found = _echo(",".join(_text(c) for c in header_cells))
        where = t("import.at", path=path, line=header_line)
        return {}, [where + t("import.bad_header", found=found)]
    checker.finish()
    if not checker.ballots and not checker.errors:
        return {}, [t("import.no_rows", path=path)]
    checker.errors.sort(key=lambda e: e[0])
    return checker.ballots, [message for _, message in checker.errors]


# ------------------------------------------------------------------------------------------------
# Importing


def import_file(
    store: Store,
    path: str | Path,
    *,
    entry: int = 1,
    entered_by: str | None = None,
    other_meeting: bool = False,
) -> ImportResult:
    """Add every ballot of the file, or none: raises UserError listing every bad row, or when
    the file was exported from another meeting (unless `other_meeting`)."""
    path = Path(path)
    check_entry(store, entry)
    form = Form.of(store.plan)
    table = read_rows(path)
    file_identity.check(store, path, table[1], other=other_meeting)
    pending, errors = check_file(
        form,
        path,
        table,
        codes(store, entry),
        entry,
        spreadsheet=_is_xlsx(path),
        plan=store.plan,
        printed=serials.Printed.load(store.conn),
    )
    if errors:
        if len(errors) > 1 or pending:
            errors.append(t("import.rejected", path=path, count=len(errors)))
        raise UserError(*errors)
    count = _write(store, form, path, pending, entry, entered_by or default_entered_by())
    voided = rules.reasons_of_lines(store.plan, {code: b.lines for code, b in pending.items()})
    return ImportResult(str(path), entry, len(pending), count, voided)


def _write(
    store: Store,
    form: Form,
    path: Path,
    pending: dict[str, _Pending],
    entry: int,
    entered_by: str,
) -> int:
    """Bulk-insert the ballots and their lines in one transaction, journaled by the store
    (`Tx.insert_many`) exactly as single inserts are."""
    names = [item.name for item in form.items]
    encode = json.JSONEncoder(ensure_ascii=False).encode
    line_text: dict[tuple[Value | None, ...], str | None] = {}
    now = clock.iso(clock.now())
    filled = 0
    with store.transaction("ballot.import") as tx:
        # Under BEGIN IMMEDIATE nobody else writes, so the next ids are ours to hand out.
        (top,) = store.conn.execute("SELECT coalesce(max(id), 0) FROM ballots").fetchone()
        ballot_rows: list[tuple[object, ...]] = []
        mark_rows: list[tuple[object, ...]] = []
        for offset, (code, ballot) in enumerate(pending.items(), start=1):
            ballot_id = top + offset
            ballot_rows.append(
                (ballot_id, code, entry, ballot.group, entered_by, path.name, now, now)
            )
            for unit in form.units:
                cells = ballot.lines.get(unit)
                if not cells:
                    continue
                values = tuple(map(cells.get, names))
                if values in line_text:
                    text = line_text[values]
                else:
                    text = line_text[values] = _encode_line(names, values, encode)
                if text is None:
                    continue  # a line left blank is no row
                filled += len(values) - values.count(None)
                mark_rows.append((ballot_id, unit, text))
        tx.insert_many("ballots", _BALLOT_COLUMNS, ballot_rows)
        tx.insert_many("marks", _MARK_COLUMNS, mark_rows)
        opinion_rows = [
            (top + offset, unit, text)
            for offset, ballot in enumerate(pending.values(), start=1)
            for unit, (text, _) in ballot.opinions.items()
        ]
        if opinion_rows:
            tx.insert_many("opinions", ["ballot_id", "unit", "text"], opinion_rows)
    return filled


def _encode_line(
    names: list[str], values: tuple[Value | None, ...], encode: Callable[[object], str]
) -> str | None:
    """As `forms.encode_line`: JSON {item: value} in form order, None when all blank."""
    cells = {
        name: value if isinstance(value, str) else float(value)
        for name, value in zip(names, values, strict=True)
        if value is not None
    }
    return encode(cells) if cells else None
