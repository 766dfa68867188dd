"""The check code on the signed results sheet, and `results DB --check CODE`: an untouched copy
passes; one mark changed after printing fails and names the ballot, when and by whom."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_minutes import ENTERED_BY, build

from reviewtui import clock
from reviewtui.assessment import ballots
from reviewtui.assessment.check_code import parse
from reviewtui.export import render
from reviewtui.minutes import read_minutes
from reviewtui.store import Store, open_session


def printed_code(db: Path) -> str:
    store = Store.open_reader(db)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))  # type: ignore[arg-type]
    text = "\n".join(str(c.value) for c in book.worksheets[0]["A"] if c.value)
    found = re.search(r"([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}/\d+)", text)
    assert found, text
    return found.group(1)


@pytest.fixture
def db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    return build(small_session, fake_clock)


def test_an_untouched_copy_passes(db: Path, tmp_path: Path, cli) -> None:
    code = printed_code(db)
    copy = tmp_path / "copy" / "small.db"
    copy.parent.mkdir()
    shutil.copy(db, copy)
    for target in (db, copy):
        result = cli("results", target, "--check", code, "--lang", "zh")
        assert result.code == 0, result.output
        assert "一致" in result.stdout
    assert cli("results", db, "--check", "nonsense").code == 2


def test_one_mark_changed_fails_and_names_it(db: Path, cli, fake_clock: clock.FakeClock) -> None:
    code = printed_code(db)
    fake_clock.advance(3600)
    store = open_session(db, write=True)
    try:
        ballot_id = store.conn.execute("SELECT id FROM ballots WHERE code = '3'").fetchone()[0]
        ballots.save(
            store,
            code="3",
            group="党代表",
            marks={
                ("雁翅镇党委", "总体评价"): "差",  # was 较好
                ("城子街道工委", "总体评价"): "好",
                ("王平镇党委", "总体评价"): "好",
            },
            entered_by=ENTERED_BY,
            replacing=ballot_id,
        )
    finally:
        store.close()
    result = cli("results", db, "--check", code, "--lang", "zh")
    assert result.code == 2
    assert "校验码不一致" in result.output
    line = next(x for x in result.output.splitlines() if "更正测评表" in x)
    assert "3" in line and ENTERED_BY in line and "2017-02-24" in line
    wanted, mark = parse(code) or ("", None)
    assert mark is not None and wanted in result.output
