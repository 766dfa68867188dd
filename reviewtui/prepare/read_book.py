"""`reviewtui new BOOK.xlsx`: read a filled session workbook into a session file's data.

Each value is converted by its column's kind and remembered with its cell, so that every problem,
the workbook's own or one the session-file validator finds later, names sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
import zipfile
from pathlib import Path
from typing import Any, NamedTuple

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.prepare import layout
from reviewtui.prepare.layout import Column, Sheet
from reviewtui.textsafe import clean, name_key

MAX_BOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip bomb is refused before openpyxl opens it
MAX_ROWS = 2000
MAX_TEXT = 500


class Cell(NamedTuple):
    sheet: str
    row: int
    column: str  # its letter
    header: str

    def where(self, book: Path) -> str:
        return t(
            "book.where",
            book=book,
            sheet=self.sheet,
            row=self.row,
            column=self.column,
            header=self.header,
        )


class BookProblem(NamedTuple):
    cell: Cell | None
    message: str

    def render(self, book: Path) -> str:
        return (self.cell.where(book) if self.cell else f"{book}: ") + self.message


class Book(NamedTuple):
    data: dict[str, Any]
    cells: dict[str, Cell]  # key path ("units[2].commenter") -> where its value came from
    problems: list[BookProblem]


def check_file(path: Path) -> None:
    """Refuse what is not a workbook of sensible size before anything reads it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UserError(t("file.missing", path=path)) from None
    except OSError as exc:
        raise UserError(t("file.unreadable", path=path, reason=exc.strerror)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UserError(t("book.not_file", path=path))
    if info.st_size > MAX_BOOK_BYTES:
        raise UserError(t("book.too_big", path=path, mb=MAX_BOOK_BYTES // 2**20))
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise UserError(t("book.not_xlsx", path=path)) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise UserError(t("book.too_big", path=path, mb=MAX_UNPACKED_BYTES // 2**20))


def read(path: Path) -> Book:
    check_file(path)
    from openpyxl import load_workbook

    try:
        # data_only: a formula's last computed value is read; nothing is ever evaluated here.
        # Formulas are read as formulas, never evaluated: a cell that holds one is refused,
        # since what it shows depends on the program that last computed it.
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise UserError(t("book.not_xlsx", path=path)) from None
    names = {name_key(ws.title).lower(): ws for ws in book.worksheets}
    reader = _Reader()
    try:
        for sheet in layout.SHEETS:
            ws = names.get(name_key(sheet.zh).lower()) or names.get(sheet.key.lower())
            if ws is not None:
                reader.sheet(sheet, ws)
    except SyntaxError:  # xml's ParseError as a sheet is read: not XML, or a "billion laughs"
        raise UserError(t("book.not_xlsx", path=path)) from None
    finally:
        book.close()
    return Book(reader.data, reader.cells, reader.problems)


class _Reader:
    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.cells: dict[str, Cell] = {}
        self.problems: list[BookProblem] = []

    def sheet(self, sheet: Sheet, ws: Any) -> None:
        cells = ws.iter_rows(max_row=MAX_ROWS + 1)
        first_row = next(cells, None)
        if first_row is None:
            return
        head = tuple(c.value for c in first_row)
        columns = self._columns(sheet, ws.title, head)
        if columns is None:
            return
        records: list[dict[str, Any]] = []
        for r, row in enumerate(cells, start=2):
            values = tuple(c.value for c in row)
            formulas = {i for i, c in enumerate(row) if getattr(c, "data_type", "") == "f"}
            if r > MAX_ROWS:
                self.problems.append(
                    BookProblem(None, t("book.too_many_rows", sheet=ws.title, rows=MAX_ROWS))
                )
                break
            if all(_blank(v) for v in values):
                continue
            record: dict[str, Any] = {}
            for index, column in columns.items():
                value = values[index] if index < len(values) else None
                if _blank(value):
                    continue
                cell = Cell(ws.title, r, _letter(index), str(head[index]).strip())
                if index in formulas:
                    self.problems.append(BookProblem(cell, t("book.formula", formula=_text(value))))
                    continue
                # A key/value sheet converts its value by the row's key, later.
                converted = value if sheet.rows else self._convert(column, value, cell)
                if converted is not None:
                    record[column.key] = (converted, cell)
            if record:
                records.append(record)
        # A problem with the table as a whole points at its header row.
        self.cells[_path(sheet)] = Cell(ws.title, 1, "A", str(head[0] or "").strip())
        if sheet.rows:
            self._key_values(sheet, records)
        else:
            self._table(sheet, records, str(head[0] or "").strip())

    def _columns(self, sheet: Sheet, title: str, head: tuple[Any, ...]) -> dict[int, Column] | None:
        known = {}
        for column in sheet.columns:
            known[name_key(column.zh).lower()] = column
            known[column.key.lower()] = column
        columns: dict[int, Column] = {}
        for index, text in enumerate(head):
            if _blank(text):
                continue
            found = known.get(name_key(str(text)).lower())
            if found is None:
                cell = Cell(title, 1, _letter(index), str(text).strip())
                expected = "、".join(c.zh for c in sheet.columns)
                self.problems.append(BookProblem(cell, t("book.unknown_header", expected=expected)))
                continue
            columns[index] = found
        return columns

    def _key_values(self, sheet: Sheet, records: list[dict[str, Any]]) -> None:
        keys = {}
        for key in sheet.rows:
            keys[name_key(key.zh).lower()] = key
            keys[key.key.lower()] = key
        table: dict[str, Any] = {}
        for record in records:
            if "key" not in record:
                continue
            name, cell = record["key"]
            found = keys.get(name_key(str(name)).lower())
            if found is None:
                expected = "、".join(k.zh for k in sheet.rows)
                self.problems.append(BookProblem(cell, t("book.unknown_row", expected=expected)))
                continue
            if "value" not in record:
                continue
            raw, cell = record["value"]
            value = self._convert(found, raw, cell)
            if value is not None:
                table[found.key] = value
                self.cells[f"{sheet.key}.{found.key}"] = cell
        self._blend(sheet, table)
        if table:
            self.data[sheet.key] = table

    def _blend(self, sheet: Sheet, table: dict[str, Any]) -> None:
        """现场测评占比 / 日常考核占比 (either, or both adding up to 100 %) as the final score's
        `[assessment] onsite_weight`."""
        shares = {key: table.pop(key) for key in layout.BLEND if key in table}
        if not shares:
            return
        onsite = shares.get("onsite_share")
        daily = shares.get("daily_share")
        cells = [self.cells.pop(f"{sheet.key}.{key}") for key in layout.BLEND if key in shares]
        if onsite is not None and daily is not None and abs(onsite + daily - 1) > 1e-6:
            total = _percent(onsite + daily)
            self.problems.append(BookProblem(cells[-1], t("book.blend_sum", total=total)))
            return
        weight = onsite if onsite is not None else 1 - (daily or 0.0)
        self.data.setdefault("assessment", {})["onsite_weight"] = round(weight, 6)
        self.cells["assessment.onsite_weight"] = cells[0]

    def _table(self, sheet: Sheet, records: list[dict[str, Any]], first_header: str) -> None:
        if not records:
            return
        target = self.data.setdefault("assessment", {}) if _nested(sheet) else self.data
        rows = []
        for n, record in enumerate(records):
            row = {}
            for key, (value, cell) in record.items():
                row[key] = value
                self.cells[f"{_path(sheet)}[{n}].{key}"] = cell
            first = next(iter(record.values()))[1]
            self.cells[f"{_path(sheet)}[{n}]"] = first._replace(column="A", header=first_header)
            rows.append(row)
        target[sheet.key] = rows

    def _convert(self, column: Column, value: Any, cell: Cell) -> Any:
        try:
            return _convert(column, value)
        except ValueError as exc:
            self.problems.append(BookProblem(cell, str(exc)))
            return None


def _nested(sheet: Sheet) -> bool:
    return sheet.key in layout.IN_ASSESSMENT


def _path(sheet: Sheet) -> str:
    return f"assessment.{sheet.key}" if _nested(sheet) else sheet.key


def _convert(column: Column, value: Any) -> Any:
    kind = column.kind
    if kind in ("text", "choice"):
        text = _text(value)
        if kind == "text":
            return text
        chosen = layout.choice_value(column.choices, text)
        if chosen is None:
            words = "、".join(f"{zh}({v})" for v, zh in layout.CHOICES[column.choices])
            raise ValueError(t("book.bad_choice", value=text, choices=words))
        return chosen
    if kind == "names":  # several names in one cell: 城子街道工委、城子工委
        return [n for n in re.split(r"[、,，;；\n]+", _text(value)) if n.strip()]
    if kind == "duration":
        if isinstance(value, dt.time):
            # Excel reads "5:00" typed into a general cell as 05:00 (five o'clock): a limit
            # of hours is implausible, so hours and minutes are taken as minutes and seconds.
            return (
                f"{value.hour}:{value.minute:02d}"
                if value.second == 0
                else f"{value.hour}:{value.minute:02d}:{value.second:02d}"
            )
        if isinstance(value, dt.timedelta):
            return int(value.total_seconds())
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _number(value, integer=True)
        return _text(value)
    if kind in ("number", "integer"):
        if isinstance(value, bool):
            raise ValueError(t("ballot.not_number", value=value))
        if isinstance(value, (int, float)):
            return _number(value, integer=kind == "integer")
        text = unicodedata.normalize("NFKC", _text(value)).replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise ValueError(t("ballot.not_number", value=_text(value))) from None
        return _number(number, integer=kind == "integer")
    if kind == "share":  # 70%, 70 or 0.7: a share between 0 and 1
        if isinstance(value, bool):
            raise ValueError(t("book.bad_share", value=value))
        text = unicodedata.normalize("NFKC", _text(value)).replace(" ", "")
        try:
            number = float(text.rstrip("%"))
        except ValueError:
            raise ValueError(t("book.bad_share", value=_text(value))) from None
        share = number / 100 if text.endswith("%") or number > 1 else number
        if not 0 <= share <= 1:
            raise ValueError(t("book.bad_share", value=_text(value)))
        return share
    if kind == "time":
        if isinstance(value, dt.datetime):
            value = value.time()
        if isinstance(value, dt.time):
            return f"{value.hour:02d}:{value.minute:02d}"
        return _text(value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return _text(value)
    raise AssertionError(kind)


def _percent(share: float) -> str:
    return f"{share * 100:g}%"


def _number(value: float, *, integer: bool) -> int | float:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(t("ballot.not_number", value=value))
    if integer:
        if value != int(value):
            raise ValueError(t("book.not_integer", value=value))
        return int(value)
    return int(value) if float(value).is_integer() else float(value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        value = value.isoformat()
    text = clean(str(value)).strip()
    if len(text) > MAX_TEXT:
        raise ValueError(t("book.too_long", chars=MAX_TEXT))
    return text


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(index + 1)
    return letter
