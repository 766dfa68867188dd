"""`reviewtui new BOOK.xlsx [-o OUT.toml]`: a checked, commented session file from a workbook."""

from __future__ import annotations

from pathlib import Path

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.prepare import read_book, toml_writer
from reviewtui.prepare.read_book import Book, BookProblem


def session_text(book_path: Path) -> str:
    """The session file's text, or UserError naming every problem by sheet, row and column."""
    from reviewtui.plan import PlanInvalid, loads

    book = read_book.read(book_path)
    problems = list(book.problems)
    text = toml_writer.render(book.data, book_path.name)
    try:
        loads(text, str(book_path))
    except PlanInvalid as exc:
        # Every problem at once; a cell the workbook reader refused is not reported twice.
        seen = {problem.cell for problem in problems}
        located = (_locate(book, error.key, error.message) for error in exc.errors)
        problems += [problem for problem in located if problem.cell not in seen]
    if problems:
        lines = [problem.render(book_path) for problem in problems]
        raise UserError(*lines, t("book.errors", book=book_path, count=len(problems)))
    return text


def _locate(book: Book, key: str, message: str) -> BookProblem:
    """The cell a validator's key path came from: the longest recorded prefix of it."""
    path = key
    while path:
        if path in book.cells:
            return BookProblem(book.cells[path], message)
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return BookProblem(None, f"{key}: {message}" if key else message)
