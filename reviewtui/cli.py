"""The command line: a thin face over the core. Every command opens the store, calls the core,
prints. Bad input exits 2 with a message; only a bug exits 1. The TUI is imported lazily so
`check`, `results` and `export` start fast and never load Textual.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer
from typer.exceptions import TyperException
from rich.console import Console
from rich.table import Table

from reviewtui import i18n
from reviewtui.clock import format_duration
from reviewtui.errors import UserError
from reviewtui.i18n import t

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


def _lang(lang: str | None) -> None:
    if lang is not None and lang not in i18n.LANGS:
        raise UserError(t("lang.bad", lang=lang))
    i18n.set_lang(lang)


def not_yet(command: str) -> None:
    raise UserError(t("cli.not_yet", command=command))


# ------------------------------------------------------------------------------------------------
# Commands


@app.command(help=t("cli.run.help"))
def run(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> None:
    _lang(lang)
    from reviewtui.store import open_session

    store = open_session(session, db, write=True)
    _run_tui(store)


@app.command(help=t("cli.demo.help"))
def demo(lang: LangOpt = None) -> None:
    _lang(lang)
    from reviewtui.samples import fresh_copy
    from reviewtui.store import open_session

    session = fresh_copy()
    store = open_session(session, write=True)
    try:
        _run_tui(store)
    finally:
        err.print(t("cli.demo_db", db=store.path))


def _run_tui(store: object) -> None:
    from reviewtui.tui.app import run_app

    run_app(store)  # type: ignore[arg-type]


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
    out.print(t("check.ok", path=session))
    print_summary(plan)


def print_summary(plan: object) -> None:
    from reviewtui.plan import Plan

    assert isinstance(plan, Plan)
    none = t("check.none")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    m = plan.meeting
    table.add_row(t("check.title"), m.title)
    table.add_row(t("check.date"), m.date)
    table.add_row(t("check.venue"), m.venue or none)
    table.add_row(t("check.chair"), m.chair or none)
    onsite = plan.onsite_units
    written = plan.written_units
    table.add_row(f"{t('check.onsite')} ({len(onsite)})", "、".join(u.name for u in onsite) or none)
    table.add_row(
        f"{t('check.written')} ({len(written)})", "、".join(u.name for u in written) or none
    )
    table.add_row(f"{t('check.leaders')} ({len(plan.leaders)})", "、".join(plan.leaders) or none)
    groups = [
        f"{g.name}({t('check.weight')} {g.weight:g}"
        + (f",{t('check.issued')} {g.issued})" if g.issued is not None else ")")
        for g in plan.groups
    ]
    table.add_row(f"{t('check.groups')} ({len(plan.groups)})", "、".join(groups))
    table.add_row(t("check.representatives"), str(len(plan.representatives)))
    items = plan.assessment.items
    form = "、".join(i.name + (f" (0–{i.max:g})" if i.max else "") for i in items)
    scale = "/".join(g.grade for g in plan.assessment.scale)
    table.add_row(t("check.form"), f"{form}: {scale}")
    agenda = plan.expanded_agenda()
    table.add_row(t("check.agenda"), f"{len(agenda)} {t('check.items')}")
    planned = plan.planned_seconds()
    table.add_row(t("check.planned"), format_duration(planned))
    if m.start:
        start = datetime.strptime(f"{m.date} {m.start}", "%Y-%m-%d %H:%M")
        end = start + timedelta(seconds=planned)
        table.add_row(t("check.start"), m.start)
        table.add_row(t("check.end"), end.strftime("%H:%M"))
    out.print(table)


@app.command(help=t("cli.projector.help"))
def projector(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> None:
    _lang(lang)
    not_yet("projector")


@ballots_app.command("import", help=t("cli.ballots_import.help"))
def ballots_import(
    session: SessionArg,
    file: Annotated[Path, typer.Argument(metavar="FILE")],
    entry: Annotated[int, typer.Option("--entry", min=1, max=2, help=t("cli.opt.entry"))] = 1,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    not_yet("ballots import")


@app.command(help=t("cli.results.help"))
def results(
    session: SessionArg,
    as_json: Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    not_yet("results")


EXPORT_FORMATS = ("md", "docx", "xlsx", "json", "csv")


@app.command(help=t("cli.export.help"))
def export(
    session: SessionArg,
    fmt: Annotated[str, typer.Option("--format", metavar="md|docx|xlsx|json|csv",
                                     help=t("cli.opt.format"))] = "json",
    output: Annotated[str | None, typer.Option("-o", "--output", metavar="PATH",
                                               help=t("cli.opt.output"))] = None,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> None:
    _lang(lang)
    if fmt not in EXPORT_FORMATS:
        raise UserError(t("cli.bad_format", fmt=fmt, choices=", ".join(EXPORT_FORMATS)))
    not_yet(f"export --format {fmt}")


# ------------------------------------------------------------------------------------------------
# Entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: exit 0 on success, 2 on bad input (with a message), 1 only for a bug."""
    try:
        app(args=argv, standalone_mode=False)
    except UserError as exc:
        for line in exc.lines:
            err.print(line, markup=False)
        sys.exit(2)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except TyperException as exc:  # usage errors: wrong arguments or options
        exc.show()
        sys.exit(getattr(exc, "exit_code", 2) or 2)
    except Exception as exc:  # a bug: say so plainly, never a traceback
        err.print(t("cli.bug", reason=f"{type(exc).__name__}: {exc}"), markup=False)
        if _debug():
            raise
        sys.exit(1)
    sys.exit(0)


def _debug() -> bool:
    import os

    return bool(os.environ.get("REVIEWTUI_DEBUG"))
