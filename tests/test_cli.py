"""The command line: help for every command, `check` on good and broken files, exit codes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import typer.main

from reviewtui import i18n, plan
from reviewtui.cli.app import app
from reviewtui.clock import format_duration

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = sorted((ROOT / "sessions").glob("*.toml"))
BAD = sorted((ROOT / "tests" / "fixtures" / "bad").glob("*.toml"))
MISSING = ROOT / "tests" / "fixtures" / "bad" / "does_not_exist.toml"
ZH_ENV = {"LANG": "zh_CN.UTF-8"}


def walk(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command and subcommand of a (Typer's own vendored) click group."""
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if getattr(command, "commands", None):
            yield from walk(command, (*prefix, name))


ROOT_COMMAND = typer.main.get_command(app)
COMMANDS = dict(walk(ROOT_COMMAND))  # ("ballots", "import") -> the click command
SPEC_COMMANDS = {("run",), ("demo",), ("check",), ("projector",), ("ballots",),
                 ("ballots", "import"), ("results",), ("export",)}  # fmt: skip


def flat(text: str) -> str:
    """Text without whitespace: a summary table may fold long names over lines."""
    return re.sub(r"\s+", "", text)


# ------------------------------------------------------------------------------------------------
# Help


def test_the_commands_of_the_spec_exist() -> None:
    assert set(COMMANDS) >= SPEC_COMMANDS


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...], cli) -> None:
    command = COMMANDS[path]
    assert (command.help or "").strip(), f"{' '.join(path)} has no help text"
    for param in command.params:
        if param.name == "help":
            continue
        assert (getattr(param, "help", None) or "").strip(), (
            f"{' '.join(path)}: {param.name} has no help text"
        )
    result = cli(*path, "--help")
    assert result.code == 0, result.output
    assert "Usage" in result.stdout
    assert flat(command.help) in flat(result.stdout)
    assert "Traceback" not in result.output


def test_top_level_help_lists_every_command(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for name, command in ROOT_COMMAND.commands.items():
        assert re.search(rf"^\s+{name}\s+\S", result.stdout, re.M), name
        assert flat(command.help or "")[:10] in flat(result.stdout)


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in COMMANDS:
        assert f"reviewtui {' '.join(path)}" in readme, (
            f"README.md lacks `reviewtui {' '.join(path)}`"
        )


def run_module(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reviewtui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )


def test_python_m_reviewtui_help() -> None:
    done = run_module("--help")
    assert done.returncode == 0, done.stderr
    assert "Usage" in done.stdout
    for name in ROOT_COMMAND.commands:
        assert name in done.stdout


def test_help_in_chinese() -> None:
    done = run_module("check", "--help", env=ZH_ENV)
    assert done.returncode == 0, done.stderr
    i18n.set_lang("zh")
    assert i18n.t("cli.check.help") in done.stdout
    assert i18n.t("cli.opt.session") in done.stdout


def test_the_console_script() -> None:
    script = Path(sys.executable).with_name("reviewtui")
    if not script.exists():
        pytest.skip("no reviewtui console script beside this interpreter")
    done = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "check" in done.stdout


# ------------------------------------------------------------------------------------------------
# check: good files

LANG_WAYS = {
    "--lang zh": ("zh", ["--lang", "zh"], None),
    "--lang en": ("en", ["--lang", "en"], None),
    "LANG=zh_CN": ("zh", [], ZH_ENV),
    "no language": ("en", [], None),
    "--lang en beats LANG=zh_CN": ("en", ["--lang", "en"], ZH_ENV),
    "LC_ALL=en_US beats LANG=zh_CN": ("en", [], {**ZH_ENV, "LC_ALL": "en_US.UTF-8"}),
}


@pytest.mark.parametrize("way", sorted(LANG_WAYS))
@pytest.mark.parametrize("session", SESSIONS, ids=lambda p: p.name)
def test_check_prints_a_summary(session: Path, way: str, cli) -> None:
    lang, options, env = LANG_WAYS[way]
    result = cli("check", session, *options, env=env)
    assert result.code == 0, result.output
    assert "Traceback" not in result.output
    i18n.set_lang(lang)
    p = plan.load(session)
    out = flat(result.stdout)
    for label in (
        "check.onsite",
        "check.written",
        "check.leaders",
        "check.groups",
        "check.planned",
    ):
        assert flat(i18n.t(label)) in out, label
    for label, units in (("check.onsite", p.onsite_units), ("check.written", p.written_units)):
        assert flat(i18n.t("check.counted", label=i18n.t(label), count=len(units))) in out
    for name in [u.name for u in p.units] + list(p.leaders) + [g.name for g in p.groups]:
        assert flat(name) in out, name
    assert format_duration(p.planned_seconds()) in out
    if p.meeting.start:
        start = datetime.fromisoformat(f"{p.meeting.date}T{p.meeting.start}")
        end = (start + timedelta(seconds=p.planned_seconds())).strftime("%H:%M")
        assert flat(i18n.t("stats.col.planned_end")) + end in out
    assert not (result.stderr.strip()), result.stderr


def test_check_of_the_sample_meeting_plans_its_afternoon(cli) -> None:
    result = cli("check", ROOT / "sessions" / "mentougou-2017.toml")
    assert result.code == 0
    out = flat(result.stdout)
    assert "Plannedstart14:30" in out
    assert re.search(r"Plannedend1[5-8]:\d\d", out), result.stdout


def test_check_accepts_the_database(small_session: Path, cli) -> None:
    from reviewtui.store import open_session

    open_session(small_session, write=True).close()
    result = cli("check", small_session.with_suffix(".db"))
    assert result.code == 0, result.output
    assert "雁翅镇党委" in result.stdout


# ------------------------------------------------------------------------------------------------
# check: broken files


@pytest.mark.parametrize("way", ["--lang zh", "--lang en", "LANG=zh_CN", "no language"])
@pytest.mark.parametrize("path", [*BAD, MISSING], ids=lambda p: p.name)
def test_check_reports_every_error(path: Path, way: str, cli) -> None:
    lang, options, env = LANG_WAYS[way]
    result = cli("check", path, *options, env=env)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""
    i18n.set_lang(lang)
    with pytest.raises(plan.PlanInvalid) as info:
        plan.load(path)
    lines = result.stderr.splitlines()
    expected = info.value.render()
    assert lines[: len(expected)] == expected  # every error, in the chosen language
    assert lines[len(expected)] == i18n.t("plan.errors_found", path=path, count=len(expected))
    for error in info.value.errors:
        if error.key:
            assert error.key in result.stderr


def test_many_errors_at_once(cli) -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / "many_errors.toml"
    result = cli("check", path)
    assert result.code == 2
    for key, line in [("timing.report", 7), ("units[0].commenter", 41), ("units[1].name", 44)]:
        assert f"{path}:{line}: {key}: " in result.stderr
    assert "3 error(s)" in result.stderr


@pytest.mark.parametrize("name", ["gbk.toml", "syntax_error.toml", "many_errors.toml"])
def test_check_in_a_real_process(name: str) -> None:
    path = ROOT / "tests" / "fixtures" / "bad" / name
    done = run_module("check", str(path), env=ZH_ENV)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr and "错误" in done.stderr


# ------------------------------------------------------------------------------------------------
# Usage errors


def test_a_bad_lang_exits_2(cli) -> None:
    result = cli("check", SESSIONS[0], "--lang", "fr")
    assert result.code == 2
    assert "fr" in result.stderr and "zh" in result.stderr
    assert "Traceback" not in result.output
    result = cli("check", SESSIONS[0], "--lang", "fr", env=ZH_ENV)
    assert result.code == 2 and "不支持" in result.stderr


@pytest.mark.parametrize(
    "args",
    [("check",), ("run",), ("projector",), ("results",), ("export",), ("ballots", "import"),
     ("ballots", "import", "x.toml"), ("nosuchcommand",), ("check", "a.toml", "--nosuch")],
    ids=" ".join,
)  # fmt: skip
def test_usage_errors_exit_2(args: tuple[str, ...], cli) -> None:
    result = cli(*args)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert "Usage" in result.stderr or "Error" in result.stderr


def test_a_missing_database_exits_2(tmp_path: Path, cli) -> None:
    result = cli("check", tmp_path / "nope.db")
    assert result.code == 2
    assert "nope.db" in result.stderr and "Traceback" not in result.output


def test_a_bug_exits_1_without_a_traceback(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other side of exit 2: an unexpected exception is a bug, reported plainly."""

    def broken(path: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(plan, "load", broken)
    result = cli("check", SESSIONS[0])
    assert result.code == 1
    assert "boom" in result.stderr and "Traceback" not in result.output


def test_the_summary_tells_names_with_a_comma_apart(cli) -> None:
    """Leaders such as 区委常委、组织部部长 contain "、": the list must not run them together."""
    session = ROOT / "sessions" / "mentougou-2017.toml"
    leaders = plan.load(session).leaders
    assert any("、" in name for name in leaders)
    result = cli("check", session)
    assert flat("；".join(leaders)) in flat(result.stdout)


# ------------------------------------------------------------------------------------------------
# What reaches the terminal, and output that cannot be written

ESCAPE = "\x1b]0;x\x07"  # sets the terminal's title
V1 = ROOT / "tests" / "fixtures" / "v1"


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    """A 0.1.0 database whose stored title and a unit name hold a raw terminal escape, as an
    older release could store them."""
    import json
    import sqlite3

    target = tmp_path / "small-v1.db"
    target.write_bytes((V1 / "small-v1.db").read_bytes())
    conn = sqlite3.connect(target)
    with conn:
        stored = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'plan'").fetchone()[0])
        stored["meeting"]["title"] = ESCAPE + stored["meeting"]["title"]
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'plan'",
            (json.dumps(stored, ensure_ascii=False),),
        )
    conn.close()
    return target


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{db}"),
        ("results", "{db}"),
        ("results", "{db}", "--json"),
        ("export", "{db}", "--format", "md", "-o", "-"),
        ("export", "{db}", "--format", "json", "-o", "-"),
    ],
)
def test_stored_escapes_never_reach_the_terminal_raw(args: tuple[str, ...], hostile_db, cli):
    result = cli(*(a.format(db=hostile_db) for a in args))
    assert result.code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "]0;x" in result.stdout  # shown, not dropped


def test_an_escape_in_a_session_file_is_not_sent_by_check(tmp_path: Path, cli) -> None:
    text = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
    session = tmp_path / "hostile.toml"
    session.write_text(
        text.replace('title = "', 'title = "\\u001b]0;x\\u0007', 1), encoding="utf-8"
    )
    result = cli("check", session)
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_an_escape_in_a_ballot_file_is_not_sent_by_import(small_session: Path, cli) -> None:
    ballots = small_session.with_name("ballots.csv")
    ballots.write_text(f"ballot,group,unit,item,value\n1,区级领导,{ESCAPE}x,总体评价,好\n")
    result = cli("ballots", "import", small_session, ballots)
    assert result.code == 2, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )


def _reviewtui() -> str:
    return f"{sys.executable} -m reviewtui"


@pytest.mark.parametrize("json_flag", [[], ["--json"]])
def test_a_reader_that_stops_early_is_no_error(hostile_db: Path, json_flag: list[str]) -> None:
    """`results | head -1`: exit 0 and nothing on stderr (no BrokenPipeError, no traceback).
    The pipe's read end is closed before the command starts, so every write meets it closed."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "reviewtui", "results", str(hostile_db), *json_flag],
            stdout=write,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""


@pytest.mark.skipif(shutil.which("bash") is None or shutil.which("head") is None, reason="no bash")
def test_results_into_head(hostile_db: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {_reviewtui()} results {hostile_db} | head -1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1


def test_a_closed_stdout_says_so_and_exits_2(hostile_db: Path) -> None:
    done = _shell(f"{_reviewtui()} results {hostile_db} --json >&-")
    assert done.returncode == 2, done.stderr
    assert "standard output is closed" in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "args",
    ["results {db}", "results {db} --json", "export {db} --format md -o -", "check {db}"],
)
def test_a_full_disk_as_stdout_says_so_and_exits_2(hostile_db: Path, args: str) -> None:
    done = _shell(f"{_reviewtui()} {args.format(db=hostile_db)} >/dev/full")
    assert done.returncode == 2, done.stderr
    assert "the disk is full" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
