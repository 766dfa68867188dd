"""The entry point: plain `run`/`demo` start without Typer, everything else goes through it, and
both ways say the same thing about bad input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewtui import cli as typer_cli
from reviewtui.launch import plain_command

PLAIN = [
    (["run", "a.toml"], ("run", ["a.toml"], {})),
    (["run", "a.toml", "--db", "x.db"], ("run", ["a.toml"], {"--db": "x.db"})),
    (["run", "--lang=zh", "a.toml"], ("run", ["a.toml"], {"--lang": "zh"})),
    (
        ["run", "a.toml", "--lang", "en", "--db=会议.db"],
        ("run", ["a.toml"], {"--lang": "en", "--db": "会议.db"}),
    ),
    (["demo"], ("demo", [], {})),
    (["demo", "--lang", "zh"], ("demo", [], {"--lang": "zh"})),
]

NOT_PLAIN = [
    [],
    ["check", "a.toml"],
    ["run"],
    ["run", "--help"],
    ["run", "a.toml", "--help"],
    ["run", "a.toml", "b.toml"],
    ["run", "a.toml", "--db"],
    ["run", "a.toml", "--db="],
    ["run", "a.toml", "--db", "--lang", "zh"],
    ["run", "a.toml", "--lang", "zh", "--lang", "en"],
    ["run", "a.toml", "-x"],
    ["run", "a.toml", "--verbose"],
    ["demo", "a.toml"],
    ["demo", "--db", "x.db"],
    ["--lang", "zh", "run", "a.toml"],
]


@pytest.mark.parametrize(("args", "expected"), PLAIN)
def test_plain_forms_are_taken_apart(args: list[str], expected: tuple) -> None:
    assert plain_command(args) == expected


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert plain_command(args) is None


def test_bad_input_reads_the_same_both_ways(cli, tmp_path: Path, bad_dir: Path) -> None:
    """`cli` runs the entry point (the plain path for these); Typer's own `main` is the other."""
    cases = [
        ["run", str(tmp_path / "missing.toml")],
        ["run", str(bad_dir / "syntax_error.toml")],
        ["run", str(bad_dir / "many_errors.toml"), "--lang", "zh"],
        ["run", str(tmp_path / "x.toml"), "--lang", "fr"],
        ["demo", "--lang", "fr"],
    ]
    for args in cases:
        assert plain_command(args) is not None
        plain = cli(*args)
        assert plain.code == 2, plain.output
        assert plain.stdout == "" and plain.stderr.strip()
        assert "Traceback" not in plain.output
        typer_result = _typer_main(cli, args)
        assert (typer_result.code, typer_result.stderr) == (plain.code, plain.stderr), args


def _typer_main(cli, args: list[str]):
    """`cli`, but through `reviewtui.cli.main` itself."""
    import reviewtui.launch as launch

    original = launch.plain_command
    launch.plain_command = lambda _args: None
    try:
        return cli(*args)
    finally:
        launch.plain_command = original


def test_plain_run_does_not_import_typer(tmp_path: Path) -> None:
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('typer' in sys.modules))\n"
        "from reviewtui.launch import main\n"
        f"main(['run', {str(tmp_path / 'missing.toml')!r}])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout.strip() == "False"
    assert "missing.toml" in done.stderr


def test_typer_still_has_the_help_of_run(cli) -> None:
    result = cli("run", "--help")
    assert result.code == 0
    assert "--db" in result.stdout and "--lang" in result.stdout
    assert typer_cli.app.registered_commands  # the commands are Typer's
