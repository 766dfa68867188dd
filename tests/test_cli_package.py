"""The command line as one package (`reviewtui.cli`): the fast path takes exactly the options
Typer declares, and every command and flag README.md and SPEC.md show exists (the pattern of
harlequin's and sqlite-utils' docs tests)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from reviewtui.cli.app import app
from reviewtui.cli.fast import PLAIN

ROOT = Path(__file__).resolve().parents[1]
SPEC = Path(os.environ.get("REVIEWTUI_SPEC", "/work/shared/SPEC.md"))

# Commands SPEC shows that other branches of this release add (issue 22: `ballots scan`;
# issue 21: `--version`). Remove an entry once its branch is merged: the test then covers it.
PENDING: set[tuple[str, ...]] = set()  # commands shown before they exist (none now)


# Typer builds click objects of its own (not public): read them by their public attributes.
Command = Any


def _root() -> Command:
    return typer.main.get_command(app)


def _is_group(node: Command) -> bool:
    return hasattr(node, "commands")


def _command(path: tuple[str, ...]) -> Command | None:
    node: Command | None = _root()
    for name in path:
        if node is None or not _is_group(node):
            return None
        node = node.commands.get(name)
    return node


def _options(command: Command) -> dict[str, tuple[str, bool]]:
    """Every option string of `command` -> (its parameter name, whether it is a flag)."""
    out: dict[str, tuple[str, bool]] = {}
    for param in command.params:
        if param.param_type_name == "option" and "--help" not in param.opts:
            for opt in (*param.opts, *param.secondary_opts):
                out[opt] = (str(param.name), bool(param.is_flag))
    return out


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_the_fast_path_takes_exactly_the_options_typer_declares(name: str) -> None:
    command = _command((name,))
    assert command is not None, name
    plain = PLAIN[name]
    declared = _options(command)
    fast = {opt: (param, False) for opt, param in plain.options.items()}
    fast |= {opt: (param, True) for opt, param in plain.flags.items()}
    assert fast == declared
    arguments = [p.name for p in command.params if p.param_type_name == "argument"]
    assert list(plain.positionals) == arguments


_INVOCATION = re.compile(r"`(reviewtui [^`]+)`|^(reviewtui [^#\n]+)", re.M)


def _invocations(text: str) -> list[list[str]]:
    found: list[list[str]] = []
    for match in _INVOCATION.finditer(text):
        line = (match.group(1) or match.group(2)).replace("\\|", "|")
        words = [w.strip("[]") for w in line.split()]
        found.append([w for w in words if w])
    return found


def _check(words: list[str]) -> tuple[str, ...] | None:
    """The problem with one shown invocation, as (command path, flag); None when it exists."""
    path: list[str] = []
    rest = words[1:]
    while rest and re.fullmatch(r"[a-z]+", rest[0]) and _is_group(_command(tuple(path))):
        if _command((*path, rest[0])) is None:
            break
        path.append(rest.pop(0))
    if not path:
        first = rest[0] if rest else ""
        if first.startswith("-"):  # a global option
            root_options = _options(_root())
            return None if first in root_options or first == "--help" else (first,)
        return (first,) if first and re.fullmatch(r"[a-z]+", first) else None
    if _is_group(_command(tuple(path))) and rest and re.fullmatch(r"[a-z]+", rest[0]):
        return (*path, rest[0])  # a subcommand that does not exist
    options = _options(_command(tuple(path)))
    for word in rest:
        flag = word.split("=", 1)[0]
        if flag.startswith("-") and flag not in options and flag != "--help":
            return (*path, flag)
    return None


def _problems(text: str) -> list[Any]:
    problems = {p for words in _invocations(text) if (p := _check(words)) is not None}
    return sorted(problems - PENDING)


def test_every_command_and_flag_the_readme_shows_exists() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(_invocations(text)) > 20  # the commands table and the walk-through are read
    assert _problems(text) == []


@pytest.mark.skipif(not SPEC.is_file(), reason="SPEC.md is not beside this checkout")
def test_every_command_and_flag_the_spec_shows_exists() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert len(_invocations(text)) > 10
    assert _problems(text) == []


def test_the_docs_check_can_fail() -> None:
    assert _problems("`reviewtui results SESSION --jsn`") == [("results", "--jsn")]
    assert _problems("`reviewtui ballots merge SESSION`") == [("ballots", "merge")]
    assert _problems("`reviewtui frobnicate`") == [("frobnicate",)]
