"""The documents' commands: `export` after the meeting; `template`, `new`, `print`, `collect`
and `amend` around it (reviewtui.prepare, reviewtui.phones)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewtui.cli.commands.output import (
    _console,
    _escape_c1,
    guard_output,
    say,
    shown_document,
    tell,
)
from reviewtui.i18n import t
from reviewtui.textsafe import shown

if TYPE_CHECKING:
    from reviewtui.store import Store


def export(
    session: str,
    fmt: str = "json",
    output: str | None = None,
    layout: str = "minutes",
    db: str | None = None,
    digest: bool = False,
    ballots: bool = False,
) -> None:
    from reviewtui.export import default_path, render, to_bytes, validate, write
    from reviewtui.minutes import read_minutes
    from reviewtui.output import in_folder, protected_paths
    from reviewtui.store import open_session
    from reviewtui.store.language import in_language, meeting_language

    to_stdout = output == "-"
    validate(fmt, layout, to_stdout=to_stdout, ballots=ballots)  # before opening: exit 2 at once
    # Read-only and never creating a database, so it runs beside a live `run`.
    store = open_session(session, db, write=False, create=False)
    tell(store.notices)
    try:
        lang = meeting_language(store)
        with in_language(lang):
            minutes = read_minutes(store)
        if minutes.previous is not None and minutes.previous.warning:  # a warning, not an error
            tell([minutes.previous.warning])

        def chosen(_: Store, fmt: str, **options: Any) -> str | bytes:
            with in_language(lang):  # the document in the meeting's language
                return render(minutes, fmt, digest=digest, ballots=ballots, **options)

        data = _export_with_progress(store, fmt, layout, chosen)
        target = default_path(store.path, fmt, layout)
        # Never written over: the database (and SQLite's files beside it), the session files.
        protect = protected_paths(store.path, session, store.meta("source"))
    finally:
        store.close()
    if to_stdout:
        # Text formats only (validate): what a terminal may show is made safe; JSON escapes
        # its controls instead, so it stays the same data.
        if isinstance(data, str):
            data = _escape_c1(data) if fmt == "json" else shown_document(data)
        raw = to_bytes(data)
        guard_output(lambda: (sys.stdout.buffer.write(raw), sys.stdout.flush()))
        return
    if output:
        target = in_folder(output, target.name)
    write(data, target, protect=protect)
    say(t("export.written", path=target))


def _export_with_progress(
    store: Store,
    fmt: str,
    layout: str,
    export_store: Callable[..., str | bytes],
) -> str | bytes:
    """A bar on stderr only for a person watching; never in a pipe or a log (and no Rich)."""
    if not sys.stderr.isatty():
        return export_store(store, fmt, layout=layout)
    from rich.progress import Progress

    with Progress(console=_console(stderr=True), transient=True) as bar:
        task = bar.add_task(t("export.progress", fmt=fmt), total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return export_store(store, fmt, layout=layout, progress=advance)


# ------------------------------------------------------------------------------------------------
# Before the meeting (reviewtui.prepare)


def template(output: str, force: bool = False) -> None:
    from reviewtui.prepare import commands

    for line in commands.template(Path(output), force=force):
        say(line)


def new(book: str, output: str | None = None, force: bool = False) -> None:
    from reviewtui.prepare import commands

    for line in commands.new(Path(book), Path(output) if output else None, force=force):
        say(line)


def print_documents(
    session: str,
    kind: str,
    output: str | None = None,
    db: str | None = None,
    qr: bool = False,
    address: str | None = None,
    port: int | None = None,
    yes: bool = False,
) -> None:
    from reviewtui.prepare import commands

    lines = commands.print_document(
        session, kind, Path(output) if output else None, db=db, qr=qr, address=address,
        port=port, yes=yes, confirm=ask_yes,
    )  # fmt: skip
    for line in lines:
        say(line)


def ask_yes(question: str) -> bool:
    """Ask on the terminal; no terminal (a script, CI) is no answer: False, never a hang."""
    if not (sys.stdin and sys.stdin.isatty()):
        return False
    try:
        answer = input(f"{shown(question)} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")


def collect(
    session: str, bind: str | None = None, port: int | None = None, db: str | None = None
) -> None:
    from reviewtui.phones.server import collect_command

    collect_command(session, db, bind, port, say)


def amend(session: str, db: str | None = None) -> None:
    from reviewtui.prepare import commands

    for line in commands.amend(session, db):
        say(line)
