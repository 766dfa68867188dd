"""What each command does, once its arguments are known: plain functions of plain values.

`reviewtui.entry` calls them, whether the arguments came the fast way (a plain command line,
no Typer) or through Typer (`reviewtui.cli`); so both ways print the same and exit the same.
This module imports neither of them, and nothing heavy at the top: each command imports what it
needs, so `results --json` never loads Rich and no command but `run`/`demo`/`projector` Textual.

Everything printed that came from a session file, a ballot file or a database goes through
`textsafe.shown()` (`say`, `show`), so stored text never sends a terminal escape raw. A failed
write to stdout becomes `OutputFailed` (exit 2); a closed pipe is left to `entry.guarded`.
"""

from __future__ import annotations

import errno
import gc
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import shown

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from reviewtui.amend import Pending
    from reviewtui.assessment.merge import EntryCopy
    from reviewtui.plan import Plan
    from reviewtui.store import Store

T = TypeVar("T")


class OutputFailed(UserError):
    """stdout cannot be written (a full disk, an I/O error): bad circumstances, not a bug."""


# ------------------------------------------------------------------------------------------------
# Output


def guard_output(write: Callable[[], T]) -> T:
    """Run a write to stdout; a broken pipe stays a BrokenPipeError, other failures say so."""
    try:
        return write()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise BrokenPipeError(*exc.args) from None
        from reviewtui.output import reason

        raise OutputFailed(t("cli.output_failed", reason=reason(exc))) from None


def tell(notices: list[str]) -> None:
    """What the store says the user must know (an upgrade, an older session file), on stderr
    so that stdout stays the command's output."""
    for line in notices:
        print(shown(line), file=sys.stderr, flush=True)
    notices.clear()


def say(text: str) -> None:
    """One line of plain text on stdout, made safe for a terminal."""

    def write() -> None:
        sys.stdout.write(shown(text) + "\n")
        sys.stdout.flush()

    guard_output(write)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich's own answer is exit 1; a reader that stopped reading is no error (guarded).
            raise BrokenPipeError

    return QuietConsole(stderr=stderr, highlight=False, soft_wrap=True)


def show(renderable: RenderableType) -> None:
    """A Rich renderable on stdout. Rich keeps its own styles apart from the text (segments), so
    the text alone is made safe: a stored escape sequence is drawn, never sent."""
    from rich.segment import Segment, Segments

    console = _console()
    options = console.options.update(no_wrap=True, overflow="ignore")  # as print(soft_wrap)
    segments = [
        segment if segment.control else Segment(shown(segment.text), segment.style)
        for segment in console.render(renderable, options)
    ]
    guard_output(lambda: console.print(Segments(segments)))


def _json_text(data: object) -> str:
    """JSON for a terminal or a pipe: json escapes C0 controls itself; DEL and C1 controls
    (0x9b is a CSI) are escaped too, which changes no value."""
    import json

    return _escape_c1(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# What a text document may hold besides printable text: tabs and line ends (CSV ends its rows
# with \r\n); a lone \r would let a row overwrite the one before it on a terminal.
_DOCUMENT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def shown_document(text: str) -> str:
    """A text export safe for a terminal: `shown()`, but tabs and line ends are the document's."""
    return _DOCUMENT_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _escape_c1(json_text: str) -> str:
    """JSON text with DEL and C1 controls written as \\u escapes (only strings hold them)."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", json_text)


# ------------------------------------------------------------------------------------------------
# The commands (the language is set by the caller)


def run(
    session: str,
    db: str | None = None,
    entry_only: bool = False,
    entry: int | str | None = None,
    entered_by: str | None = None,
) -> None:
    from reviewtui.amend import open_amendable

    copy = _entry_copy(entry_only, entry, entered_by)
    # A session file changed since the database was made: when every change is an amendment
    # the app offers them first (tui/amend_offer.py); otherwise refused here, with the reasons.
    store, pending = open_amendable(session, db)
    if copy is not None:
        try:
            from reviewtui.assessment.ballots import check_entry

            check_entry(store, copy.entry)
        except BaseException:
            store.close()
            raise
    run_tui(store, pending, copy)


def _entry_copy(
    entry_only: bool, entry: int | str | None, entered_by: str | None
) -> EntryCopy | None:
    """`run --entry-only [--entry 1|2] [--entered-by NAME]`: ballot entry only, on a copy."""
    if not entry_only:
        if entry is not None or entered_by is not None:
            raise UserError(t("entry_only.options"))
        return None
    from reviewtui.assessment.merge import EntryCopy
    from reviewtui.textsafe import clean

    if entry is None:
        entry = 1
    if str(entry) not in ("1", "2"):  # the fast path hands it over as typed
        raise UserError(t("ballot.bad_entry", entry=shown(str(entry))))
    return EntryCopy(int(entry), clean(entered_by or "").strip())


def demo() -> None:
    from reviewtui.samples import fresh_copy
    from reviewtui.store import open_session

    store = open_session(fresh_copy(), write=True)
    try:
        run_tui(store)
    finally:
        print(t("cli.demo_db", db=store.path), file=sys.stderr, flush=True)


def run_tui(store: Store, pending: Pending | None = None, copy: EntryCopy | None = None) -> None:
    # Start-up makes many objects and frees few: collecting then finds nothing and costs ~15 ms
    # of launch. The app turns collection back on after its first frame.
    gc.disable()
    from reviewtui.tui.app import run_app

    run_app(store, pending, copy)


def check(session: str) -> None:
    from reviewtui.plan import PlanInvalid, load

    path = Path(session)
    if path.suffix.lower() == ".db":
        from reviewtui.store import Store

        store = Store.open_reader(path)
        plan = store.plan
        store.close()
    else:
        try:
            plan = load(path)
        except PlanInvalid as exc:
            raise UserError(
                *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
            ) from None
    say(t("check.ok", path=session))
    show(summary_table(plan))
    for warning in plan.warnings:  # legal but probably not meant (SPEC 2): exit 0
        say(t("plan.warning") + warning.render(str(session)))
    if plan.meeting.previous and path.suffix.lower() != ".db":
        from reviewtui.rectify.previous import missing_previous

        if (missing := missing_previous(path, plan.meeting.previous)) is not None:
            say(t("plan.warning") + missing)


def _join(names: Iterable[str]) -> str:
    """Names in a row, told apart even when a name has a "、" in it (区委常委、组织部部长)."""
    names = list(names)
    return ("；" if any("、" in name for name in names) else "、").join(names)


def summary_table(plan: Plan) -> Any:
    """`check`'s summary: a two-column grid, long lists folded."""
    from rich.table import Table
    from rich.text import Text

    from reviewtui.clock import format_duration

    none = t("check.none")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")

    def row(label: str, value: str) -> None:
        table.add_row(Text(label), Text(value))  # Text: a name is never read as markup

    m = plan.meeting
    row(t("check.title"), m.title)
    row(t("check.date"), m.date)
    row(t("check.venue"), m.venue or none)
    row(t("check.chair"), m.chair or none)
    onsite = plan.onsite_units
    written = plan.written_units
    row(f"{t('check.onsite')} ({len(onsite)})", _join(u.name for u in onsite) or none)
    row(f"{t('check.written')} ({len(written)})", _join(u.name for u in written) or none)
    row(f"{t('check.leaders')} ({len(plan.leaders)})", _join(plan.leaders) or none)
    groups = [
        f"{g.name}({t('check.weight')} {g.weight:g}"
        + (f",{t('check.issued')} {g.issued})" if g.issued is not None else ")")
        for g in plan.groups
    ]
    row(f"{t('check.groups')} ({len(plan.groups)})", "、".join(groups))
    row(t("check.representatives"), str(len(plan.representatives)))
    items = plan.assessment.items
    form = "、".join(i.name + (f" (0–{i.max:g})" if i.max else "") for i in items)
    scale = "/".join(g.grade for g in plan.assessment.scale)
    row(t("check.form"), f"{form}: {scale}")
    row(t("check.agenda"), f"{len(plan.expanded_agenda())} {t('check.items')}")
    planned = plan.planned_seconds()
    row(t("check.planned"), format_duration(planned))
    if m.start:
        row(t("check.start"), m.start)
        end = plan.planned_end()  # None past the last date a calendar holds (an older database)
        if end is not None:
            row(t("check.end"), end.strftime("%H:%M"))
    return table


def projector(session: str, db: str | None = None) -> None:
    from reviewtui.store import Store, resolve

    # Never creates the database: with a .toml whose database is not there yet, the projector
    # waits for `run` to create it; a .db that does not exist is more likely a typo.
    target = resolve(session, db)
    if target.toml is not None and not target.toml.exists():
        raise UserError(t("file.missing", path=target.toml))
    if target.db.exists():
        Store.open_reader(target.db).close()  # not a meeting database: say so now, exit 2
    elif target.toml is None:
        raise UserError(t("db.missing", db=target.db))
    from reviewtui.tui.projector import run_projector

    run_projector(target.db)


def ballots_import(
    session: str,
    file: str,
    entry: int = 1,
    db: str | None = None,
    skip_conflicts: bool = False,
    entered_by: str | None = None,
) -> None:
    from reviewtui.assessment.forms import Form
    from reviewtui.assessment.merge import import_ballots, summary
    from reviewtui.store import open_session
    from reviewtui.textsafe import clean

    store = open_session(session, db, write=True)
    tell(store.notices)
    try:
        who = clean(entered_by).strip() if entered_by else None
        done = import_ballots(
            store, Path(file), entry=entry, entered_by=who, skip_conflicts=skip_conflicts
        )
        lines = summary(Form.of(store.plan), done)
    finally:
        store.close()
    for line in lines:
        say(line)
    from reviewtui.present.rules import import_lines

    for line in import_lines(done.invalid):  # valid input that the rules void: said, not refused
        say(line)


def ballots_scan(
    session: str,
    files: list[str],
    entry: int = 1,
    db: str | None = None,
    entered_by: str | None = None,
) -> None:
    from reviewtui.assessment.ballots import default_entered_by
    from reviewtui.assessment.scan.command import scan  # numpy and OpenCV: this command only
    from reviewtui.store import open_session
    from reviewtui.textsafe import clean

    store = open_session(session, db, write=True)
    tell(store.notices)
    try:
        who = clean(entered_by).strip() if entered_by else default_entered_by()
        lines = scan(store, files, entry=entry, entered_by=who)
    finally:
        store.close()
    for line in lines:
        say(line)


def ballots_export(
    session: str, output: str | None = None, entry: int = 1, db: str | None = None
) -> None:
    from reviewtui.assessment.merge import default_export_path, export_ballots
    from reviewtui.output import in_folder, protected_paths
    from reviewtui.store import open_session

    # Read-only, never creating a database: it runs beside the `run` that types the ballots.
    store = open_session(session, db, write=False, create=False)
    tell(store.notices)
    try:
        target = default_export_path(store, entry)
        if output:
            target = in_folder(output, target.name)
        protect = protected_paths(store.path, session, store.meta("source"))
        count = export_ballots(store, target, entry=entry, protect=protect)
    finally:
        store.close()
    say(t("merge.exported", count=count, entry=entry, path=target))
    say(t("merge.import_there", name=target.name, entry=entry))


def results(session: str, as_json: bool = False, db: str | None = None) -> None:
    from reviewtui.assessment.tally import tally_store
    from reviewtui.store import open_session

    store = open_session(session, db, write=False)
    tell(store.notices)
    try:
        outcome = tally_store(store)
        veto = store.plan.assessment.veto
        present = None if as_json else _present(store)
    finally:
        store.close()
    if as_json:
        text = _json_text(outcome.to_json())
        guard_output(lambda: (sys.stdout.write(text), sys.stdout.flush()))
        return
    from rich.console import Group

    from reviewtui.present.tables import ranking_table, summary_lines

    show(Group(ranking_table(outcome), *summary_lines(outcome, veto, present)))


def _present(store: Store) -> dict[str, int]:
    """实到 per group, where the secretary recorded it (settings screen)."""
    from reviewtui.attendance import attendance

    return {a.group: a.present for a in attendance(store) if a.present is not None}


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

    to_stdout = output == "-"
    validate(fmt, layout, to_stdout=to_stdout, ballots=ballots)  # before opening: exit 2 at once
    # Read-only and never creating a database, so it runs beside a live `run`.
    store = open_session(session, db, write=False, create=False)
    tell(store.notices)
    try:
        minutes = read_minutes(store)
        if minutes.previous is not None and minutes.previous.warning:  # a warning, not an error
            tell([minutes.previous.warning])

        def chosen(_: Store, fmt: str, **options: Any) -> str | bytes:
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
