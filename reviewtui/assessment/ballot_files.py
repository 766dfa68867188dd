"""Ballot files read into rows: CSV (UTF-8, a BOM allowed) or XLSX (first sheet).

Only a regular file of bounded size is read, and a workbook's parts are measured before they
are unpacked; `importer` checks the rows and writes the ballots.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from reviewtui.errors import UserError
from reviewtui.files import MB, read_bounded, regular_file_problem
from reviewtui.i18n import t
from reviewtui.textsafe import FORMULA_STARTS, name_key, shown

Rows = tuple[Sequence[int], Sequence[Sequence[object]]]
"""A file's rows and, in parallel, the line number of each."""

# ------------------------------------------------------------------------------------------------
# Reading a file into rows


MAX_FILE_BYTES = 50 * MB  # 100,000 marks in long form are about 5 MB
MAX_XLSX_UNPACKED = 200 * MB  # what a workbook's parts may expand to


def read_rows(path: Path) -> Rows:
    """Every row of the file with its line number (1-based; a spreadsheet's row number).

    Only a regular file of bounded size is read; a workbook's parts are measured before they
    are unpacked, so a small file that expands to gigabytes is refused at once.
    """
    problem = regular_file_problem(path, MAX_FILE_BYTES)
    if problem:
        raise UserError(problem)
    if path.suffix.lower() == ".xls":
        raise UserError(t("import.xls", path=path))
    try:
        spreadsheet = _is_xlsx(path)
        return _xlsx_rows(path) if spreadsheet else _csv_rows(path)
    except OSError as exc:
        raise UserError(t("file.unreadable", path=path, reason=exc.strerror)) from None


def _csv_rows(path: Path) -> Rows:
    try:
        raw = read_bounded(path, MAX_FILE_BYTES)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(t("import.not_utf8", path=path, line=line)) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    lines: list[int] = []
    try:
        if '"' not in text:
            # No quoted field can span lines: row n is line n (the fast, common case).
            rows = list(reader)
            return range(1, len(rows) + 1), _formulas_read_back(rows, text)
        start = 1
        for cells in reader:
            rows.append(cells)
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        line = reader.line_num or 1
        raise UserError(t("import.csv_error", path=path, line=line, reason=exc)) from None
    return lines, _formulas_read_back(rows, text)


def _formulas_read_back(rows: list[list[str]], text: str) -> list[list[str]]:
    """Undo `textsafe.inert_cell`: the ballot CSV this program writes quotes a cell such as
    "=1+1" as "'=1+1" so a spreadsheet keeps it text; read back, it is "=1+1" again."""
    if "'" not in text:
        return rows
    return [
        [c[1:] if c[:1] == "'" and c[1:2] in FORMULA_STARTS and c[1:2] else c for c in cells]
        for cells in rows
    ]


def _xlsx_rows(path: Path) -> Rows:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_unpacked(path)
    # SyntaxError: xml.etree's ParseError, for a part that is not XML or one that expands
    # itself ("billion laughs": expat stops it) as the sheet is read, not only at the open.
    unreadable = (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError,
                  SyntaxError)  # fmt: skip
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            if not book.worksheets:
                return (), ()
            rows = [list(cells) for cells in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
        formulas = _has_formulas(path)
    except unreadable as exc:
        raise UserError(t("import.bad_xlsx", path=path, reason=exc)) from None
    if formulas:
        try:
            _refuse_uncomputed(path, rows)
        except unreadable as exc:
            raise UserError(t("import.bad_xlsx", path=path, reason=exc)) from None
    return range(1, len(rows) + 1), rows


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the workbook holds a formula (most ballot files hold none)."""
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        return any(_FORMULA_TAG.search(archive.read(n)) for n in sheets if n.endswith(".xml"))


def _refuse_uncomputed(path: Path, rows: list[list[object]]) -> None:
    """A formula whose result the file does not hold (a workbook written by a program, never
    opened in Excel) reads as blank: a grade or an opinion would vanish unseen. Name them."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        formulas = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    bad = [
        t("import.at", path=path, line=r + 1)
        + t("import.formula_uncomputed", cell=f"{_column_letter(c)}{r + 1}")
        for r, cells in enumerate(formulas)
        for c, value in enumerate(cells)
        if isinstance(value, str)
        and value.startswith("=")
        and (r >= len(rows) or c >= len(rows[r]) or rows[r][c] is None)
    ]
    if bad:
        raise UserError(*bad, t("import.rejected", path=path, count=len(bad)))


def _check_unpacked(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than MAX_XLSX_UNPACKED.

    The sizes come from the zip's directory; zipfile never unpacks more than a member declares,
    so a member that lies about its size fails its check instead of filling the memory.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError) as exc:
        raise UserError(t("import.bad_xlsx", path=path, reason=exc)) from None
    if total > MAX_XLSX_UNPACKED:
        size, limit = f"{total / MB:.0f} MB", f"{MAX_XLSX_UNPACKED / MB:.0f} MB"
        raise UserError(t("import.xlsx_too_big", path=path, size=size, limit=limit))


def _is_xlsx(path: Path) -> bool:
    """An Excel workbook by its name or, whatever its name, by its first bytes (a zip)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return True
    with open(path, "rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def _column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: a spreadsheet's column name."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e16:
        return str(int(cell))
    return str(cell).strip()


def _echo(text: str) -> str:
    """A cell's text as a message quotes it: visible (no control character acts) and short."""
    text = shown(text)
    return text if len(text) <= 40 else text[:37] + "…"


def _names(names: Sequence[str]) -> dict[str, str]:
    """name_key -> the plan's spelling: a file's 雁翅镇党委 with an odd space still names it."""
    return {name_key(name): name for name in names}


def _blank(cells: Sequence[object]) -> bool:
    return not any(cells) or not any(_text(c) for c in cells)
