"""The command line: a thin face over the core. Every command opens the store, calls the core,
prints. Bad input exits 2 with a message; only a bug exits 1. The TUI is imported lazily so
`check`, `results` and `export` start fast and never load Textual.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.exceptions import TyperException

from reviewtui import i18n, launch
from reviewtui.clock import format_duration
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import shown

i18n.set_lang(None)  # help texts below are built in the environment's language

app = typer.Typer(
    help=t("cli.help"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
ballots_app = typer.Typer(help=t("cli.ballots.help"), no_args_is_help=True)
app.add_typer(ballots_app, name="ballots")

SessionArg = Annotated[str, typer.Argument(metavar="SESSION", help=t("cli.opt.session"))]
DbOpt = Annotated[str | None, typer.Option("--db", metavar="PATH", help=t("cli.opt.db"))]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="zh|en", help=t("cli.opt.lang"))]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


_lang = launch.set_language


def not_yet(command: str) -> None:
    raise UserError(t("cli.not_yet", command=command))


# ------------------------------------------------------------------------------------------------
# Commands


# `run` and `demo` usually start without Typer (reviewtui.launch); these are their help texts
# and the way in for arguments the plain forms do not take.


@app.command(help=t("cli.run.help"))
def run(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> None:
    launch.run(session, db, lang)


@app.command(help=t("cli.demo.help"))
def demo(lang: LangOpt = None) -> None:
    launch.demo(lang)


@app.command(help=t("cli.check.help"))
def check(session: SessionArg, lang: LangOpt = None) -> None:
    _lang(lang)
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
    out.print(t("check.ok", path=session), markup=False)
    print_summary(plan)
    for warning in plan.warnings:  # legal but probably not meant (SPEC 2): exit 0
        out.print(t("plan.warning") + warning.render(str(session)), markup=False)


def _join(names: Iterable[str]) -> str:
    """Names in a row, told apart even when a name has a "、" in it (区委常委、组织部部长)."""
    names = list(names)
    return ("；" if any("、" in name for name in names) else "、").join(names)


def print_summary(plan: object) -> None:
    from reviewtui.plan import Plan

    assert isinstance(plan, Plan)
    none = t("check.none")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")

    def add_row(label: str, value: str) -> None:
        # Names are text, not markup ("[/" in a name is no closing tag), and never act on the
        # terminal (a database of an older release may hold control characters).
        table.add_row(Text(label), Text(shown(value)))

    m = plan.meeting
    add_row(t("check.title"), m.title)
    add_row(t("check.date"), m.date)
    add_row(t("check.venue"), m.venue or none)
    add_row(t("check.chair"), m.chair or none)
    onsite = plan.onsite_units
    written = plan.written_units
    add_row(f"{t('check.onsite')} ({len(onsite)})", _join(u.name for u in onsite) or none)
    add_row(f"{t('check.written')} ({len(written)})", _join(u.name for u in written) or none)
    add_row(f"{t('check.leaders')} ({len(plan.leaders)})", _join(plan.leaders) or none)
    groups = [
        f"{g.name}({t('check.weight')} {g.weight:g}"
        + (f",{t('check.issued')} {g.issued})" if g.issued is not None else ")")
        for g in plan.groups
    ]
    add_row(f"{t('check.groups')} ({len(plan.groups)})", "、".join(groups))
    add_row(t("check.representatives"), str(len(plan.representatives)))
    items = plan.assessment.items
    form = "、".join(i.name + (f" (0–{i.max:g})" if i.max else "") for i in items)
    scale = "/".join(g.grade for g in plan.assessment.scale)
    add_row(t("check.form"), f"{form}: {scale}")
    agenda = plan.expanded_agenda()
    add_row(t("check.agenda"), f"{len(agenda)} {t('check.items')}")
    planned = plan.planned_seconds()
    add_row(t("check.planned"), format_duration(planned))
    if m.start:
        add_row(t("check.start"), m.start)
        end = plan.planned_end()  # None past the last date a calendar holds (an older database)
        if end is not None:
            add_row(t("check.end"), end.strftime("%H:%M"))
    out.print(table)


@app.command(help=t("cli.projector.help"))
def projector(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> None:
    _lang(lang)
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


@ballots_app.command("import", help=t("cli.ballots_import.help"))
def ballots_import(
    session: SessionArg,
    file: Annotated[Path, typer.Argument(metavar="FILE", help=t("cli.opt.ballots_file"))],
    entry: Annotated[int, typer.Option("--entry", min=1, max=2, help=t("cli.opt.entry"))] = 1,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    from reviewtui.assessment.importer import import_file
    from reviewtui.store import open_session

    store = open_session(session, db, write=True)
    try:
        done = import_file(store, file, entry=entry)
    finally:
        store.close()
    out.print(
        t("import.done", path=file, ballots=done.ballots, marks=done.marks, entry=done.entry),
        markup=False,
    )


@app.command(help=t("cli.results.help"))
def results(
    session: SessionArg,
    as_json: Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    import json

    from reviewtui.assessment.display import ranking_table, summary_lines
    from reviewtui.assessment.tally import tally_store
    from reviewtui.store import open_session

    store = open_session(session, db, write=False)
    try:
        outcome = tally_store(store)
        veto = store.plan.assessment.veto
    finally:
        store.close()
    if as_json:
        sys.stdout.write(json.dumps(outcome.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    out.print(ranking_table(outcome))
    for line in summary_lines(outcome, veto):
        out.print(line)


EXPORT_FORMATS = ("md", "docx", "xlsx", "json", "csv")


@app.command(help=t("cli.export.help"))
def export(
    session: SessionArg,
    fmt: Annotated[
        str, typer.Option("--format", metavar="md|docx|xlsx|json|csv", help=t("cli.opt.format"))
    ] = "json",
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="PATH", help=t("cli.opt.output"))
    ] = None,
    layout: Annotated[
        str, typer.Option("--layout", metavar="minutes|column", help=t("export.opt.layout"))
    ] = "minutes",
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    if fmt not in EXPORT_FORMATS:
        raise UserError(t("cli.bad_format", fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    from contextlib import nullcontext

    from rich.progress import Progress

    from reviewtui.export import default_path, export_store, to_bytes, validate, write
    from reviewtui.store import open_session

    to_stdout = output == "-"
    validate(fmt, layout, to_stdout=to_stdout)  # before opening anything: exit 2 at once
    # Read-only and never creating a database, so it runs beside a live `run`.
    store = open_session(session, db, write=False, create=False)
    try:
        # A bar on stderr only for a person watching; never in a pipe or a log.
        bar = Progress(console=err, transient=True) if err.is_terminal else None
        with bar or nullcontext():
            task = bar.add_task(t("export.progress", fmt=fmt), total=None) if bar else None

            def advance(done: int, total: int) -> None:
                if bar is not None and task is not None:
                    bar.update(task, completed=done, total=total)

            data = export_store(store, fmt, layout=layout, progress=advance)
        target = default_path(store.path, fmt, layout)
    finally:
        store.close()
    if to_stdout:
        sys.stdout.buffer.write(to_bytes(data))
        sys.stdout.flush()
        return
    if output:
        path = Path(output)
        target = path / target.name if path.is_dir() else path
    write(data, target)
    out.print(t("export.written", path=target), markup=False)


# ------------------------------------------------------------------------------------------------
# Entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: exit 0 on success, 2 on bad input (with a message), 1 only for a bug."""

    def call() -> None:
        try:
            app(args=argv, standalone_mode=False)
        except TyperException as exc:  # usage errors: wrong arguments or options
            exc.show()
            sys.exit(getattr(exc, "exit_code", 2) or 2)

    launch.guarded(call)
