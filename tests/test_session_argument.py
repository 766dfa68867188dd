"""One rule decides what a SESSION argument is, for every command (issue 20): `check m.sqlite`
once said the database was not UTF-8 while `results m.sqlite` read it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewtui.store import open_session, resolve

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("suffix", [".db", ".sqlite", ".sqlite3", ".SQLITE"])
def test_every_reading_command_takes_a_database_by_any_of_its_suffixes(
    tmp_path: Path, cli, suffix: str
) -> None:  # type: ignore[no-untyped-def]
    toml = tmp_path / "m.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", toml)
    db = tmp_path / f"m{suffix}"
    open_session(toml, db, write=True).close()
    assert resolve(db).toml is None  # the rule: a database
    for command in (["check"], ["results"], ["results", "--json"], ["export", "--format", "json"]):
        done = cli(command[0], str(db), *command[1:])
        assert done.code == 0, (command, done.output)
    assert "测试用述职评议考核会" in cli("check", str(db)).output


def test_an_unknown_suffix_is_refused_alike_by_every_command(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    odd = tmp_path / "m.txt"
    odd.write_text("x", encoding="utf-8")
    outputs = set()
    for command in ("check", "results", "projector"):
        done = cli(command, str(odd))
        assert done.code == 2, (command, done.output)
        outputs.add(done.output.strip())
    assert len(outputs) == 1  # one rule, one message
