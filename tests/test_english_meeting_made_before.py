"""An English meeting's omitted grades became English in 0.3 (issue 26): a database made before,
with the Chinese defaults, must not see its unchanged session file as changed, nor be offered
the English grades as an amendment (SPEC 3: never report an unchanged file as changed)."""

from __future__ import annotations

from pathlib import Path

from reviewtui import plan
from reviewtui.store import Store, open_session

SESSION = """[meeting]
title = "Annual review meeting"
date = "2017-02-24"

[[units]]
name = "Unit A"
reporter = "Secretary A"
"""


def _made_before(tmp_path: Path) -> Path:
    toml = tmp_path / "en.toml"
    toml.write_text(SESSION, "utf-8")
    old = plan.load(toml, localize=False)  # as 0.2 read it: 好 / 较好 / 一般 / 差
    Store.create(tmp_path / "en.db", old, toml).close()
    return toml


def test_an_unchanged_english_file_is_not_a_change(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    toml = _made_before(tmp_path)
    store = open_session(toml, write=False)
    try:
        assert store.notices == []
        assert store.plan.assessment.scale[0].grade == "好"  # the meeting keeps its grades
    finally:
        store.close()
    assert "nothing to amend" in cli("amend", toml).stdout
    done = cli("results", toml)
    assert done.code == 0 and "changed" not in done.stderr


def test_a_new_english_meeting_grades_in_english(tmp_path: Path) -> None:
    toml = tmp_path / "new.toml"
    toml.write_text(SESSION, "utf-8")
    store = open_session(toml, write=True)
    try:
        assert [g.grade for g in store.plan.assessment.scale][:2] == ["Good", "Fairly good"]
    finally:
        store.close()
