"""Ballot files (SPEC section 6): CSV (UTF-8, a BOM allowed) or XLSX (first sheet).

Long form, any form:   ballot,group,unit,item,value[,opinion]  (opinion: `assessment.opinions`)
Wide form, one item:   ballot,group,<unit>,<unit>,...

An import is all or nothing: every row is checked first, every bad row is reported with its line
number and bad value, and nothing is written unless the whole file is good. The write is one
transaction of bulk inserts, and every inserted row is journaled like any other change, in bulk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui import clock
from reviewtui.assessment import file_identity, rules, serials
from reviewtui.assessment.ballot_files import (  # reading files: the module beside this one
    Rows,
    _blank,
    _echo,
    _is_xlsx,
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
)
from reviewtui.assessment.forms import Form, Value
from reviewtui.assessment.import_check import Checker, Pending
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan
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
) -> tuple[dict[str, Pending], list[str]]:
    """The ballots of a file and every error in it, in line order. Nothing is written."""
    lines, rows = table
    first = next((i for i, cells in enumerate(rows) if not _blank(cells)), None)
    if first is not None and file_identity.found(rows[first : first + 1]) is not None:
        # `ballots export`'s line naming its meeting (`import_file` has checked it)
        first = next((i for i, c in enumerate(rows) if i > first and not _blank(c)), None)
    if first is None:
        return {}, [t("file.empty", path=path)]
    header_line, header_cells = lines[first], rows[first]
    # Chinese headers (编号,类别,单位,项目,评价,意见) read as the SPEC's own names.
    header = [_text(c).lower() for c in header_cells]
    header = [CHINESE_HEADER.get(name.strip(), name) for name in header]
    while header and not header[-1]:
        header.pop()
    body_lines, body = lines[first + 1 :], rows[first + 1 :]
    checker = Checker(form, path, taken, entry, printed)
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
    pending: dict[str, Pending],
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
