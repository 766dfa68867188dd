"""The `reviewtui` command's entry point (`reviewtui.cli.fast:main`): the plain-argument fast path.

Building the Typer command line costs ~25 ms and Rich ~15 ms, a large share of `results --json`
on a big meeting and of the first screen of `run` (bench/). So a command with plain arguments,
e.g. `results SESSION [--json] [--db PATH] [--lang zh|en]`, goes straight to its function in
`reviewtui.cli.commands`; anything else (help, `ballots`, an unknown option, a missing value)
goes through Typer in `reviewtui.cli.app`, which explains mistakes and hands back the same
request. `PLAIN` takes exactly the options Typer declares (tests/test_cli_package.py). Both
ways then run here: the language is chosen, the command runs in `guarded` (exit 0 on success, 2
on bad input with a message, 1 only for a bug, never a traceback).

Imports go one way: fast -> app, fast -> commands; neither imports this module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, NoReturn

from reviewtui import i18n
from reviewtui.cli import commands
from reviewtui.cli.commands.output import OutputFailed, guard_output
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.portable import tolerant_console
from reviewtui.textsafe import shown
from reviewtui.version import version_line


@dataclass(frozen=True)
class Plain:
    """The plain form of a command: its positional parameters in order, its options that take
    one value (a value may also follow "="), its flags; each mapped to a parameter name."""

    positionals: tuple[str, ...]
    options: Mapping[str, str]
    flags: Mapping[str, str] = field(default_factory=dict)


_DB_LANG = {"--db": "db", "--lang": "lang"}
PLAIN: dict[str, Plain] = {
    "run": Plain(
        ("session",),
        {**_DB_LANG, "--entry": "entry", "--entered-by": "entered_by"},
        {"--entry-only": "entry_only"},
    ),
    "demo": Plain((), {"--lang": "lang"}),
    "check": Plain(("session",), {"--lang": "lang"}),
    "projector": Plain(("session",), _DB_LANG),
    "results": Plain(("session",), {**_DB_LANG, "--check": "check"}, {"--json": "as_json"}),
    "export": Plain(
        ("session",),
        {"--format": "fmt", "-o": "output", "--output": "output", "--layout": "layout", **_DB_LANG},
        {"--digest": "digest", "--ballots": "ballots"},
    ),
}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    tolerant_console()
    if args == ["--version"]:  # fast: no Typer (cli.py declares it too, for --help)
        print(version_line())
        sys.exit(0)
    request = plain_command(args)
    if request is None:
        guarded(lambda: run_request(*typer_request(args)))
    else:
        guarded(lambda: run_request(*request))


def plain_command(args: list[str]) -> tuple[str, dict[str, Any]] | None:
    """A command with exactly the arguments it takes, as (name, parameters); None otherwise."""
    if not args or args[0] not in PLAIN:
        return None
    command, rest = args[0], args[1:]
    spec = PLAIN[command]
    params: dict[str, Any] = {}
    positionals: list[str] = []
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        param = spec.options.get(name)
        if param is not None and param not in params:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            if not value or value.startswith("-"):
                return None  # `-o -` and the like: Typer's rules decide
            params[param] = value
        elif word in spec.flags and spec.flags[word] not in params:
            params[spec.flags[word]] = True
        elif word.startswith("-") or len(positionals) == len(spec.positionals):
            return None  # help, an unknown option, one too many: Typer says what is wrong
        else:
            positionals.append(word)
    if len(positionals) != len(spec.positionals):
        return None
    params.update(zip(spec.positionals, positionals, strict=True))
    return command, params


def typer_request(args: list[str]) -> tuple[str, dict[str, Any]]:
    """The command line through Typer: the request its command returns, or its usage error
    shown and the process ended (help: exit 0; a mistake: exit 2)."""
    from typer import TyperException  # the public base of its usage errors

    from reviewtui.cli.app import app

    try:
        request = app(args=args, standalone_mode=False)
    except TyperException as exc:  # usage errors: wrong arguments or options
        if callable(getattr(exc, "show", None)):
            from reviewtui.cli_help import show_error

            show_error(exc)
        else:
            print(shown(str(exc)), file=sys.stderr, flush=True)
        sys.exit(getattr(exc, "exit_code", 2) or 2)
    if not isinstance(request, tuple):  # `--help`, or a group shown without a command
        sys.exit(request if isinstance(request, int) else 0)
    return request


def run_request(command: str, params: dict[str, Any]) -> None:
    params = dict(params)
    set_language(params.pop("lang", None))
    getattr(commands, command)(**params)


def set_language(lang: str | None) -> None:
    """`--lang`, or the environment's language when it is not given."""
    if lang is not None and lang not in i18n.LANGS:
        i18n.set_lang(None)  # say so in the environment's language
        raise UserError(t("lang.bad", lang=lang))
    i18n.set_lang(lang)


def guarded(call: Callable[[], object]) -> NoReturn:
    """Run a command: its errors become messages and exit codes, never a traceback.

    A reader that stopped reading (`| head -1`) is no error: exit 0 quietly. A closed stdout
    or one that cannot be written (`/dev/full`) is bad circumstances: a message, exit 2.
    """
    if sys.stdout is None:  # started with stdout closed: what it prints would be lost
        print(shown(t("cli.stdout_closed")), file=sys.stderr, flush=True)
        sys.exit(2)
    try:
        call()
        _flush_stdout()
    except UserError as exc:
        if isinstance(exc, OutputFailed):
            _quiet_stdout()
        print(*(shown(line) for line in exc.lines), sep="\n", file=sys.stderr, flush=True)
        sys.exit(2)
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(0)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly
        print(
            shown(t("cli.bug", reason=f"{type(exc).__name__}: {exc}")), file=sys.stderr, flush=True
        )
        if os.environ.get("REVIEWTUI_DEBUG"):
            raise
        sys.exit(1)
    sys.exit(0)


def _flush_stdout() -> None:
    guard_output(sys.stdout.flush)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what is still buffered
    cannot fail again (a second BrokenPipeError, "Exception ignored" on stderr)."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing flushes it at exit
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)
