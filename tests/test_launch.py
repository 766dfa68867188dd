"""The entry point: plain command lines start without Typer, everything else goes through it, and
both ways print the same and exit the same; output that cannot be written never ends in exit 1."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reviewtui.cli.fast as entry
from reviewtui.cli import app as typer_cli
from reviewtui.cli.fast import plain_command

ROOT = Path(__file__).resolve().parent.parent
V1 = ROOT / "tests" / "fixtures" / "v1"

PLAIN = [
    (["run", "a.toml"], ("run", {"session": "a.toml"})),
    (["run", "a.toml", "--db", "x.db"], ("run", {"session": "a.toml", "db": "x.db"})),
    (["run", "--lang=zh", "a.toml"], ("run", {"session": "a.toml", "lang": "zh"})),
    (
        ["run", "a.toml", "--lang", "en", "--db=会议.db"],
        ("run", {"session": "a.toml", "lang": "en", "db": "会议.db"}),
    ),
    (["demo"], ("demo", {})),
    (["demo", "--lang", "zh"], ("demo", {"lang": "zh"})),
    (["check", "a.toml"], ("check", {"session": "a.toml"})),
    (["projector", "a.db", "--lang", "en"], ("projector", {"session": "a.db", "lang": "en"})),
    (["results", "a.db"], ("results", {"session": "a.db"})),
    (["results", "--json", "a.db"], ("results", {"session": "a.db", "as_json": True})),
    (
        ["export", "a.db", "--format", "md", "-o", "out.md", "--layout=minutes"],
        ("export", {"session": "a.db", "fmt": "md", "output": "out.md", "layout": "minutes"}),
    ),
    (["export", "a.db", "--output=x.json"], ("export", {"session": "a.db", "output": "x.json"})),
]

NOT_PLAIN = [
    [],
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
    ["check", "a.toml", "--db", "x.db"],
    ["results", "a.db", "--json", "--json"],
    ["results", "a.db", "--json=yes"],
    ["export", "a.db", "-o", "-"],  # stdout: Typer's rules for a value that looks like an option
    ["export", "a.db", "-o", "x", "--output", "y"],
    ["ballots", "import", "a.toml", "b.csv"],
    ["results", "a.db", "--", "b"],
]


@pytest.mark.parametrize(("args", "expected"), PLAIN)
def test_plain_forms_are_taken_apart(args: list[str], expected: tuple) -> None:
    assert plain_command(args) == expected


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_anything_else_goes_to_typer(args: list[str]) -> None:
    assert plain_command(args) is None


def _typer_main(cli, args: list[str]):
    """`cli`, but every command line through Typer."""
    original = entry.plain_command
    entry.plain_command = lambda _args: None
    try:
        return cli(*args)
    finally:
        entry.plain_command = original


@pytest.fixture
def meeting_db(tmp_path: Path) -> Path:
    """A copy of a fixture database made by release 0.1.0, with ballots."""
    target = tmp_path / "small-v1.db"
    shutil.copyfile(V1 / "small-v1.db", target)
    return target


def test_bad_input_reads_the_same_both_ways(cli, tmp_path: Path, bad_dir: Path) -> None:
    cases = [
        ["run", str(tmp_path / "missing.toml")],
        ["run", str(bad_dir / "syntax_error.toml")],
        ["run", str(bad_dir / "many_errors.toml"), "--lang", "zh"],
        ["run", str(tmp_path / "x.toml"), "--lang", "fr"],
        ["demo", "--lang", "fr"],
        ["check", str(bad_dir / "many_errors.toml")],
        ["check", str(tmp_path / "missing.toml"), "--lang", "zh"],
        ["results", str(tmp_path / "missing.db")],
        ["results", str(tmp_path / "missing.db"), "--json"],
        ["export", str(tmp_path / "missing.db"), "--format", "md"],
        ["export", str(tmp_path / "missing.db"), "--format", "nope"],
        ["projector", str(tmp_path / "missing.db")],
    ]
    for args in cases:
        assert plain_command(args) is not None
        plain = cli(*args)
        assert plain.code == 2, (args, plain.output)
        assert plain.stdout == "" and plain.stderr.strip()
        assert "Traceback" not in plain.output
        typer_result = _typer_main(cli, args)
        assert (typer_result.code, typer_result.stderr) == (plain.code, plain.stderr), args


def test_good_input_prints_the_same_both_ways(cli, meeting_db: Path, sessions_dir: Path) -> None:
    out = meeting_db.with_name("out.md")
    cases = [
        ["check", str(sessions_dir / "small.toml")],
        ["check", str(meeting_db), "--lang", "zh"],
        ["results", str(meeting_db)],
        ["results", str(meeting_db), "--json"],
        ["export", str(meeting_db), "--format", "md", "-o", str(out)],
        ["export", str(meeting_db)],
    ]
    for args in cases:
        assert plain_command(args) is not None
        plain = cli(*args)
        assert plain.code == 0, (args, plain.output)
        typer_result = _typer_main(cli, args)
        assert (typer_result.code, typer_result.stdout, typer_result.stderr) == (
            plain.code,
            plain.stdout,
            plain.stderr,
        ), args


def _probe(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the entry point in a fresh interpreter; print at exit which heavy modules it loaded
    (`rich.cells` alone, for the width of Chinese text, is light and may load)."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in ('typer', 'rich.console', 'textual')"
        " if m in sys.modules), file=sys.stderr))\n"
        "from reviewtui.cli.fast import main\n"
        f"main({args!r})\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


HEAVY = {"typer", "rich.console", "textual"}


@pytest.mark.parametrize(
    ("command", "code", "not_loaded"),
    [
        (["run", "{missing}"], 2, HEAVY),
        (["demo", "--lang", "fr"], 2, HEAVY),
        (["check", "{missing}"], 2, HEAVY),
        (["projector", "{missing}"], 2, HEAVY),
        (["results", "{db}", "--json"], 0, HEAVY),
        (["results", "{db}"], 0, {"typer", "textual"}),
        (
            ["export", "{db}", "--format", "md", "-o", "{out}"],
            0,
            HEAVY,
        ),
        (
            ["export", "{db}", "--format", "json", "-o", "{out}"],
            0,
            HEAVY,
        ),
        (["check", "{toml}"], 0, {"typer", "textual"}),
    ],
)
def test_plain_commands_do_not_build_typer(
    command: list[str], code: int, not_loaded: set[str], meeting_db: Path, sessions_dir: Path
) -> None:
    names = {
        "missing": str(meeting_db.with_name("missing.db")),
        "db": str(meeting_db),
        "out": str(meeting_db.with_name("out.txt")),
        "toml": str(sessions_dir / "small.toml"),
    }
    args = [word.format(**names) for word in command]
    done = _probe(args)
    assert done.returncode == code, done.stderr
    loaded = set(eval(done.stderr.strip().splitlines()[-1]))  # the list printed at exit
    assert not loaded & not_loaded, (args, loaded)


def test_typer_still_has_the_help_of_every_command(cli) -> None:
    for command in ("run", "demo", "check", "projector", "results", "export"):
        result = cli(command, "--help")
        assert result.code == 0, result.output
        assert "--lang" in result.stdout
    assert typer_cli.app.registered_commands  # the commands are Typer's


def test_export_formats_come_from_the_registry(cli) -> None:
    from reviewtui.export import FORMATS

    result = cli("export", "--help")
    for name in FORMATS:
        assert name in result.stdout
    assert tuple(typer_cli.EXPORT_FORMATS) == tuple(FORMATS)


def test_json_on_a_terminal_escapes_every_control_and_keeps_the_data() -> None:
    import json

    from reviewtui.cli.commands.output import _json_text

    data = {"title": "a\x1b]0;x\x07b\x9b2J\x7f"}
    text = _json_text(data)
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)
    assert json.loads(text) == data


def test_a_text_export_keeps_its_line_ends_and_tabs_but_no_escape() -> None:
    from reviewtui.cli.commands.output import shown_document

    assert shown_document("a,b\r\nc\td\n") == "a,b\r\nc\td\n"
    assert shown_document("x\x1b]0;t\x07\ry\r\n") == "x\\x1b]0;t\\x07\\x0dy\r\n"
