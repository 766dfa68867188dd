"""The command line as Typer declares it: help texts, options, usage errors.

Each command only hands back its request, `(command, parameters)`, for `reviewtui.cli.fast` to
run (the same way as a plain command line that skips Typer); what a command does is in
`reviewtui.cli.commands`. This module imports neither, so the graph has no cycle.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from reviewtui import i18n
from reviewtui.cli_help import LocalizedCommand, LocalizedGroup
from reviewtui.export import FORMATS
from reviewtui.i18n import t

i18n.set_lang(None)  # help texts below are built in the environment's language

Request = tuple[str, dict[str, Any]]

app = typer.Typer(
    cls=LocalizedGroup,  # Typer's "Usage:", "Options" in that language; also each command's cls
    help=t("cli.help"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
ballots_app = typer.Typer(cls=LocalizedGroup, help=t("cli.ballots.help"), no_args_is_help=True)
app.add_typer(ballots_app, name="ballots")

SessionArg = Annotated[str, typer.Argument(metavar="SESSION", help=t("cli.opt.session"))]
DbOpt = Annotated[str | None, typer.Option("--db", metavar="PATH", help=t("cli.opt.db"))]
LangOpt = Annotated[str | None, typer.Option("--lang", metavar="zh|en", help=t("cli.opt.lang"))]

EXPORT_FORMATS = tuple(FORMATS)  # the export registry's, listed nowhere else


# `--entry` is checked once, by the command (cli.commands.options.entry_round), either way in.
EntryOpt = Annotated[str, typer.Option("--entry", metavar="1|2", help=t("cli.opt.entry"))]


def _print_version(value: bool) -> None:
    if value:
        from reviewtui.version import version_line

        print(version_line())
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help=t("cli.opt.version")
        ),
    ] = False,
) -> None:
    """Options before the command (`--version`)."""


EnteredByOpt = Annotated[
    str | None, typer.Option("--entered-by", metavar="NAME", help=t("cli.opt.entered_by"))
]


@app.command(cls=LocalizedCommand, help=t("cli.run.help"))
def run(
    session: SessionArg,
    db: DbOpt = None,
    lang: LangOpt = None,
    entry_only: Annotated[bool, typer.Option("--entry-only", help=t("cli.opt.entry_only"))] = False,
    entry: Annotated[
        str | None, typer.Option("--entry", metavar="1|2", help=t("cli.opt.entry"))
    ] = None,
    entered_by: EnteredByOpt = None,
) -> Request:
    params: dict[str, Any] = {"session": session, "db": db, "lang": lang}
    if entry_only or entry is not None or entered_by is not None:
        params.update(entry_only=entry_only, entry=entry, entered_by=entered_by)
    return "run", params


@app.command(cls=LocalizedCommand, help=t("cli.demo.help"))
def demo(lang: LangOpt = None) -> Request:
    return "demo", {"lang": lang}


@app.command(cls=LocalizedCommand, help=t("cli.check.help"))
def check(session: SessionArg, lang: LangOpt = None) -> Request:
    return "check", {"session": session, "lang": lang}


@app.command(cls=LocalizedCommand, help=t("cli.projector.help"))
def projector(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> Request:
    return "projector", {"session": session, "db": db, "lang": lang}


@ballots_app.command("import", cls=LocalizedCommand, help=t("cli.ballots_import.help"))
def ballots_import(
    session: SessionArg,
    file: Annotated[str, typer.Argument(metavar="FILE", help=t("cli.opt.ballots_file"))],
    entry: EntryOpt = "1",
    skip_conflicts: Annotated[
        bool, typer.Option("--skip-conflicts", help=t("cli.opt.skip_conflicts"))
    ] = False,
    entered_by: EnteredByOpt = None,
    other_meeting: Annotated[
        bool, typer.Option("--other-meeting", help=t("cli.opt.other_meeting"))
    ] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "ballots_import", {"session": session, "file": file, "entry": entry, "db": db,
                              "skip_conflicts": skip_conflicts, "entered_by": entered_by,
                              "other_meeting": other_meeting, "lang": lang}  # fmt: skip


@ballots_app.command("export", cls=LocalizedCommand, help=t("cli.ballots_export.help"))
def ballots_export(
    session: SessionArg,
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="PATH", help=t("cli.opt.ballots_out"))
    ] = None,
    entry: EntryOpt = "1",
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "ballots_export", {"session": session, "output": output, "entry": entry, "db": db,
                              "lang": lang}  # fmt: skip


@ballots_app.command("scan", cls=LocalizedCommand, help=t("cli.ballots_scan.help"))
def ballots_scan(
    session: SessionArg,
    files: Annotated[list[str], typer.Argument(metavar="FILE...", help=t("cli.opt.scan_files"))],
    entry: EntryOpt = "1",
    entered_by: EnteredByOpt = None,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "ballots_scan", {"session": session, "files": files, "entry": entry, "db": db,
                            "entered_by": entered_by, "lang": lang}  # fmt: skip


@app.command(cls=LocalizedCommand, help=t("cli.results.help"))
def results(
    session: SessionArg,
    as_json: Annotated[bool, typer.Option("--json", help=t("cli.opt.json"))] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
    check: Annotated[
        str | None, typer.Option("--check", metavar="CODE", help=t("cli.opt.check_code"))
    ] = None,
) -> Request:
    return "results", {"session": session, "as_json": as_json, "db": db, "lang": lang,
                       "check": check}  # fmt: skip


@app.command(cls=LocalizedCommand, help=t("cli.export.help"))
def export(
    session: SessionArg,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="|".join(EXPORT_FORMATS),
            help=t("cli.opt.format", choices=", ".join(EXPORT_FORMATS)),
        ),
    ] = "json",
    output: Annotated[
        str | None, typer.Option("-o", "--output", metavar="PATH", help=t("cli.opt.output"))
    ] = None,
    layout: Annotated[
        str, typer.Option("--layout", metavar="minutes|column", help=t("export.opt.layout"))
    ] = "minutes",
    digest: Annotated[bool, typer.Option("--digest", help=t("export.opt.digest"))] = False,
    ballots: Annotated[bool, typer.Option("--ballots", help=t("export.opt.ballots"))] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "export", {"session": session, "fmt": fmt, "output": output, "layout": layout,
                      "digest": digest, "ballots": ballots, "db": db, "lang": lang}  # fmt: skip


ForceOpt = Annotated[bool, typer.Option("--force", help=t("cli.opt.force"))]
AddressOpt = Annotated[
    str | None, typer.Option("--address", metavar="ADDRESS", help=t("cli.opt.address"))
]
PortOpt = Annotated[
    int | None, typer.Option("--port", metavar="PORT", min=1, max=65535, help=t("cli.opt.port"))
]
OutOpt = Annotated[
    str | None, typer.Option("-o", "--output", metavar="PATH", help=t("cli.opt.output"))
]


@app.command(cls=LocalizedCommand, help=t("cli.template.help"))
def template(
    output: Annotated[str, typer.Argument(metavar="OUT.xlsx", help=t("cli.opt.book_out"))],
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> Request:
    return "template", {"output": output, "force": force, "lang": lang}


@app.command(cls=LocalizedCommand, help=t("cli.new.help"))
def new(
    book: Annotated[str, typer.Argument(metavar="BOOK.xlsx", help=t("cli.opt.book"))],
    output: OutOpt = None,
    force: ForceOpt = False,
    lang: LangOpt = None,
) -> Request:
    return "new", {"book": book, "output": output, "force": force, "lang": lang}


@app.command("print", cls=LocalizedCommand, help=t("cli.print.help"))
def print_documents(
    session: SessionArg,
    kind: Annotated[
        str, typer.Argument(metavar="forms|agenda|script|signin", help=t("cli.opt.print_kind"))
    ],
    output: OutOpt = None,
    qr: Annotated[bool, typer.Option("--qr", help=t("cli.opt.qr"))] = False,
    address: AddressOpt = None,
    port: PortOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help=t("cli.opt.yes"))] = False,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "print_documents", {"session": session, "kind": kind, "output": output, "qr": qr,
                               "address": address, "port": port, "yes": yes, "db": db,
                               "lang": lang}  # fmt: skip


@app.command(cls=LocalizedCommand, help=t("cli.collect.help"))
def collect(
    session: SessionArg,
    bind: Annotated[
        str | None, typer.Option("--bind", metavar="ADDRESS", help=t("cli.opt.bind"))
    ] = None,
    port: PortOpt = None,
    db: DbOpt = None,
    lang: LangOpt = None,
) -> Request:
    return "collect", {"session": session, "bind": bind, "port": port, "db": db, "lang": lang}


@app.command(cls=LocalizedCommand, help=t("cli.amend.help"))
def amend(session: SessionArg, db: DbOpt = None, lang: LangOpt = None) -> Request:
    return "amend", {"session": session, "db": db, "lang": lang}
