"""What each command does, once its arguments are known: plain functions of plain values.

`cli.fast` calls them by name (`getattr(commands, name)`), whether the arguments came the fast
way (a plain command line, no Typer) or through Typer (`cli.app`); so both ways print the same
and exit the same. Nothing here imports `cli.fast` or `cli.app`, and nothing heavy at the top:
each command imports what it needs.

- `output`: printing safely (`say`, `show`, `guard_output`, `OutputFailed`);
- `meeting`: run, demo, check, projector;
- `assessment`: ballots import / export / scan, results;
- `documents`: export; template, new, print, collect, amend.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewtui.cli.commands.assessment import (
        ballots_export,
        ballots_import,
        ballots_scan,
        results,
    )
    from reviewtui.cli.commands.documents import (
        amend,
        ask_yes,
        collect,
        export,
        new,
        print_documents,
        template,
    )
    from reviewtui.cli.commands.meeting import check, demo, projector, run, run_tui, summary_table
    from reviewtui.cli.commands.output import OutputFailed, guard_output, say, show, tell

# Which module holds each name: a command's module is imported when it is first asked for, so
# `run` does not load the code of `results`, `ballots` or `export` before its first screen.
_WHERE = {
    **dict.fromkeys(("ballots_export", "ballots_import", "ballots_scan", "results"), "assessment"),
    **dict.fromkeys(
        ("amend", "ask_yes", "collect", "export", "new", "print_documents", "template"),
        "documents",
    ),
    **dict.fromkeys(("check", "demo", "projector", "run", "run_tui", "summary_table"), "meeting"),
    **dict.fromkeys(("OutputFailed", "guard_output", "say", "show", "tell"), "output"),
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "OutputFailed",
    "amend",
    "ask_yes",
    "ballots_export",
    "ballots_import",
    "ballots_scan",
    "check",
    "collect",
    "demo",
    "export",
    "guard_output",
    "new",
    "print_documents",
    "projector",
    "results",
    "run",
    "run_tui",
    "say",
    "show",
    "summary_table",
    "tell",
    "template",
]
