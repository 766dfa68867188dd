"""The meeting's language (issue 27 item 4): recorded at creation, read from older databases by
their plan's text, and used for documents and results unless `--lang` says otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.cli.commands import meeting as launch
from reviewtui.store import Store, open_session
from reviewtui.store.language import meeting_language

ROOT = Path(__file__).resolve().parents[1]
C = {"LANG": "C.UTF-8", "LC_ALL": None}
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": None}


def _session(tmp_path: Path, name: str = "small.toml") -> Path:
    path = tmp_path / name
    shutil.copyfile(ROOT / "sessions" / name, path)
    return path


def test_a_chinese_meeting_is_recorded_as_chinese_unless_asked(tmp_path: Path, cli) -> None:
    session = _session(tmp_path)
    i18n.set_lang(None)  # no --lang: the plan's text decides
    store = open_session(session, write=True)
    try:
        assert store.meta("lang") == "zh" and meeting_language(store) == "zh"
    finally:
        store.close()
    english = tmp_path / "en"
    english.mkdir()
    other = _session(english)
    i18n.set_lang("en")  # --lang en at creation
    store = open_session(other, write=True)
    try:
        assert store.meta("lang") == "en"
    finally:
        store.close()


def test_export_and_results_use_the_meeting_language_under_a_c_locale(tmp_path: Path, cli) -> None:
    session = _session(tmp_path)
    i18n.set_lang(None)
    open_session(session, write=True).close()
    minutes = cli("export", session, "--format", "md", "-o", "-", env=C)
    assert minutes.code == 0, minutes.output
    assert "会议记录" in minutes.stdout and "Minutes" not in minutes.stdout
    english = cli("export", session, "--format", "md", "-o", "-", "--lang", "en", env=C)
    assert "Minutes" in english.stdout
    ranking = cli("results", session, env=C)
    assert ranking.code == 0 and "名次" in ranking.stdout
    assert "Rank" in cli("results", session, "--lang", "en", env=ZH).stdout
    written = cli("export", session, "--format", "md", env=C)
    assert "Written" in written.output or "written" in written.output  # told in the user's


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_an_older_database_is_read_in_its_plan_language(tmp_path: Path, version: str) -> None:
    db = tmp_path / f"small-{version}.db"
    shutil.copyfile(ROOT / "tests" / "fixtures" / version / f"small-{version}.db", db)
    store = Store.open_reader(db)
    try:
        assert store.meta("lang") is None and meeting_language(store) == "zh"
    finally:
        store.close()


def test_demo_opens_in_its_own_language_unless_asked(monkeypatch, tmp_path: Path) -> None:
    seen: list[str] = []
    monkeypatch.setattr(launch, "run_tui", lambda store, *a: seen.append(i18n.get_lang()))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    i18n.set_lang(None)
    launch.demo()
    i18n.set_lang("en")  # --lang en
    launch.demo()
    assert seen == ["zh", "en"]
