"""The stored plan is versioned, and "has the session file changed?" compares normalized plans.

The databases of release 0.1 (tests/fixtures/v1) store the plan unversioned; with their
unchanged session files every reader reports no change, and so does a session file that only
restates a default or writes a name another way. A real change is reported with its key path.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewtui import plan
from reviewtui.errors import UserError
from reviewtui.store import open_session

V1 = Path(__file__).resolve().parent / "fixtures" / "v1"


def copy_v1(tmp_path: Path, name: str) -> Path:
    """The fixture database and its session file, copied: the fixtures stay as they are."""
    shutil.copy(V1 / f"{name}-v1.db", tmp_path / f"{name}-v1.db")
    return Path(shutil.copy(V1 / f"{name}-v1.toml", tmp_path / f"{name}-v1.toml"))


def stored_plan(db: Path) -> dict:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        (text,) = conn.execute("SELECT value FROM meta WHERE key = 'plan'").fetchone()
    return json.loads(text)


def opens_unchanged(toml: Path) -> None:
    open_session(toml, write=False, create=False).close()


@pytest.mark.parametrize("name", ["small", "sample"])
def test_v1_databases_with_their_session_files_report_no_change(tmp_path: Path, name: str) -> None:
    toml = copy_v1(tmp_path, name)
    stored = stored_plan(toml.with_suffix(".db"))
    assert "format" not in stored  # release 0.1 did not version its plan
    assert plan.diff(stored, plan.load(toml).data) == []
    opens_unchanged(toml)
    assert (V1 / f"{name}-v1.db").read_bytes() == (tmp_path / f"{name}-v1.db").read_bytes()


def test_a_v1_plan_reads_as_the_current_format(tmp_path: Path) -> None:
    toml = copy_v1(tmp_path, "sample")
    old = plan.from_json(json.dumps(stored_plan(toml.with_suffix(".db"))))
    assert old == plan.load(toml)
    assert old.data["format"] == plan.FORMAT


def test_a_new_database_stores_the_format(small_session: Path) -> None:
    open_session(small_session, write=False).close()
    assert stored_plan(small_session.with_suffix(".db"))["format"] == plan.FORMAT


def test_a_key_a_later_release_learns_is_no_change(tmp_path: Path) -> None:
    """A stored plan without a key (as one made before the key existed) reads with its default."""
    toml = copy_v1(tmp_path, "sample")
    stored = stored_plan(toml.with_suffix(".db"))
    for unit in stored["units"]:
        if unit["topic"] is None:
            del unit["topic"]
    del stored["assessment"]["double_entry"]
    del stored["timing"]
    assert plan.diff(stored, plan.load(toml).data) == []


RESTATED = {
    # a default written out
    "double_entry = true": "double_entry = true\ntrim = 0\nonsite_weight = 1.0\n"
    'levels = [{ level = "好", min = 90 }, { level = "较好", min = 80 }, '
    '{ level = "一般", min = 60 }, { level = "差", min = 0 }]',
    # the same names, written another way: spaces, full width, a zero-width space
    'name = "雁翅镇党委"': 'name = "  雁翅镇\u200b党委 "',
    'name = "党代表 张建国"': 'name = "党代表\u3000\u3000张建国"',
    'mode = "onsite"\ncommenter = "区委书记"': 'mode = "ｏｎｓｉｔｅ"\ncommenter = "区委书记 "',
}


@pytest.mark.parametrize("old", sorted(RESTATED))
def test_restating_a_default_or_respelling_a_name_is_no_change(tmp_path: Path, old: str) -> None:
    toml = copy_v1(tmp_path, "small")
    text = toml.read_text("utf-8")
    assert old in text
    toml.write_text(text.replace(old, RESTATED[old], 1), "utf-8")
    opens_unchanged(toml)


def test_a_real_change_is_reported_with_its_key_path(tmp_path: Path, lang: str) -> None:
    toml = copy_v1(tmp_path, "small")
    text = toml.read_text("utf-8")
    toml.write_text(
        text.replace('commenter = "区委书记"', 'commenter = "区委书记"\nreport = "0:45"')
    )
    with pytest.raises(UserError) as info:
        opens_unchanged(toml)
    said = "\n".join(info.value.lines)
    assert "units[0].report" in said and "45" in said
    assert str(toml) in said


def test_a_plan_from_a_newer_release_is_refused_clearly() -> None:
    data = plan.load(Path(__file__).resolve().parent.parent / "sessions" / "small.toml").data
    with pytest.raises(UserError) as info:
        plan.build({**data, "format": plan.FORMAT + 1})
    assert "newer" in str(info.value)
