"""The `reviewtui` command's entry point, and the two commands that start the meeting TUI.

How soon `run` shows its first screen is a goal of its own (bench/bench_startup.py), and building
the Typer command line costs ~10 ms of it. So a plain `run SESSION [--db PATH] [--lang zh|en]`
or `demo [--lang zh|en]` goes straight to its command; everything else (help, another command,
anything unusual or wrong) goes through Typer in `reviewtui.cli`, which also explains mistakes.
Both ways end in `guarded`: exit 0 on success, 2 on bad input with a message, 1 only for a bug,
never a traceback.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

from reviewtui import i18n
from reviewtui.errors import UserError
from reviewtui.i18n import t

if TYPE_CHECKING:
    from reviewtui.store import Store

# The options of the plain forms, each taking one value; a value may also follow "=".
OPTIONS = {"run": ("--db", "--lang"), "demo": ("--lang",)}
POSITIONALS = {"run": 1, "demo": 0}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    plain = plain_command(args)
    if plain is None:
        from reviewtui.cli import main as typer_main

        typer_main(args)
        return
    command, positionals, options = plain
    if command == "run":
        guarded(lambda: run(positionals[0], options.get("--db"), options.get("--lang")))
    else:
        guarded(lambda: demo(options.get("--lang")))


def plain_command(args: list[str]) -> tuple[str, list[str], dict[str, str]] | None:
    """`run`/`demo` with exactly the arguments they take, split up; None for anything else."""
    if not args or args[0] not in OPTIONS:
        return None
    command, rest = args[0], args[1:]
    positionals: list[str] = []
    options: dict[str, str] = {}
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in OPTIONS[command] and name not in options:
            if not equals:
                if not rest:
                    return None
                value = rest.pop(0)
            if not value or value.startswith("-"):
                return None
            options[name] = value
        elif word.startswith("-") or len(positionals) == POSITIONALS[command]:
            return None  # help, an unknown option, one too many: Typer says what is wrong
        else:
            positionals.append(word)
    if len(positionals) != POSITIONALS[command]:
        return None
    return command, positionals, options


def set_language(lang: str | None) -> None:
    """`--lang`, or the environment's language when it is not given."""
    if lang is not None and lang not in i18n.LANGS:
        i18n.set_lang(None)  # say so in the environment's language
        raise UserError(t("lang.bad", lang=lang))
    i18n.set_lang(lang)


def run(session: str, db: str | None, lang: str | None) -> None:
    set_language(lang)
    from reviewtui.store import open_session

    run_tui(open_session(session, db, write=True))


def demo(lang: str | None) -> None:
    set_language(lang)
    from reviewtui.samples import fresh_copy
    from reviewtui.store import open_session

    store = open_session(fresh_copy(), write=True)
    try:
        run_tui(store)
    finally:
        print(t("cli.demo_db", db=store.path), file=sys.stderr, flush=True)


def run_tui(store: Store) -> None:
    # Start-up makes many objects and frees few: collecting then finds nothing and costs ~15 ms
    # of launch. The app turns collection back on after its first frame.
    gc.disable()
    from reviewtui.tui.app import run_app

    run_app(store)


def guarded(call: Callable[[], object]) -> NoReturn:
    """Run a command: its errors become messages and exit codes, never a traceback."""
    try:
        call()
    except UserError as exc:
        print(*exc.lines, sep="\n", file=sys.stderr, flush=True)
        sys.exit(2)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly
        print(t("cli.bug", reason=f"{type(exc).__name__}: {exc}"), file=sys.stderr, flush=True)
        if os.environ.get("REVIEWTUI_DEBUG"):
            raise
        sys.exit(1)
    sys.exit(0)
