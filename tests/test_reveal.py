"""当场公布 (issue 15 item 4): revealing the results on the projector, hiding them, undo, the
names of who confirmed, provisional results, and the minutes."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment import reveal as rv
from reviewtui.errors import UserError
from reviewtui.export import render
from reviewtui.meeting import Meeting
from reviewtui.minutes import read_minutes, to_json
from reviewtui.store import Store, open_session

ROOT = Path(__file__).resolve().parent.parent
YAN, CHENG = "雁翅镇党委", "城子街道工委"
ITEM = "总体评价"


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    """small.toml: 区级领导 issued 3, 党代表 issued 5; quorum 0.5, so 4 forms make it final."""
    path = tmp_path / "m.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", path)
    store = open_session(path, write=True)
    yield store
    store.close()


def enter(store: Store, n: int) -> None:
    """n ballots: 雁翅 always 好 (100), 城子 一般 (60)."""
    for i in range(1, n + 1):
        group = "区级领导" if i <= 3 else "党代表"
        code = f"A{i:03d}" if i <= 3 else f"B{i - 3:03d}"
        marks = {(YAN, ITEM): "好", (CHENG, ITEM): "一般"}
        ballots.save(store, code=code, group=group, marks=marks)


def test_reveal_stores_the_confirmed_results_and_hide_takes_them_off(small: Store) -> None:
    enter(small, 4)
    assert rv.current(small.conn) is None
    shown = rv.reveal(small, "all", counter=" 张三 ", supervisor="李四\x1b[31m")
    assert (shown.counter, shown.supervisor) == ("张三", "李四[31m")  # cleaned, trimmed
    assert shown.scope == "all" and shown.top is None and shown.level is None
    assert shown.hidden_at is None and not shown.provisional
    assert [u["unit"] for u in shown.units] == [YAN, CHENG]  # 王平 (written) has no score
    assert rv.current(small.conn) == shown
    # The snapshot is what was signed for: a ballot entered later does not change it.
    ballots.save(small, code="B002", group="党代表", marks={(CHENG, ITEM): "好"})
    assert rv.current(small.conn).results == shown.results  # type: ignore[union-attr]
    hidden = rv.hide(small)
    assert hidden is not None and hidden.hidden_at is not None
    assert rv.current(small.conn) is None
    assert rv.hide(small) is None  # nothing left to hide
    actions = [r["action"] for r in small.rows("SELECT DISTINCT tx, action FROM journal")]
    assert actions[-3:] == ["reveal", "ballot.save", "hide"]


def test_a_second_reveal_replaces_the_first(small: Store) -> None:
    enter(small, 4)
    first = rv.reveal(small, "all", counter="张三", supervisor="李四")
    second = rv.reveal(small, "top", top=1, counter="张三", supervisor="李四")
    assert rv.current(small.conn) == second
    assert rv.get(small.conn, first.id).hidden_at == second.shown_at  # type: ignore[union-attr]
    assert [r.id for r in rv.history(small.conn)] == [first.id, second.id]


def test_scopes_top_with_ties_and_level() -> None:
    units = [
        {"unit": "a", "rank": 1, "level": "好"},
        {"unit": "b", "rank": 2, "level": "好"},
        {"unit": "c", "rank": 2, "level": "较好"},
        {"unit": "d", "rank": 4, "level": "一般"},
        {"unit": "e", "rank": None, "level": None},
    ]
    assert [u["unit"] for u in rv.select(units, "all", None, None)] == ["a", "b", "c", "d"]
    assert [u["unit"] for u in rv.select(units, "top", 1, None)] == ["a"]
    assert [u["unit"] for u in rv.select(units, "top", 2, None)] == ["a", "b", "c"]  # the tie
    assert [u["unit"] for u in rv.select(units, "top", 3, None)] == ["a", "b", "c"]
    assert [u["unit"] for u in rv.select(units, "level", None, "较好")] == ["c"]


def test_bad_input_is_refused_with_what_and_nothing_written(small: Store) -> None:
    enter(small, 4)
    before = small.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    with pytest.raises(UserError) as both:
        rv.reveal(small, "all", counter=" \u200b ", supervisor="")
    assert both.value.lines == ["Counter: type the name", "Supervisor: type the name"]
    with pytest.raises(UserError, match="at most 30"):
        rv.reveal(small, "all", counter="张" * 31, supervisor="李四")
    with pytest.raises(UserError, match="whole number"):
        rv.reveal(small, "top", top=0, counter="张三", supervisor="李四")
    with pytest.raises(UserError, match="not a level"):
        rv.reveal(small, "level", level="优秀", counter="张三", supervisor="李四")
    with pytest.raises(UserError, match="No unit has the level '差'"):
        rv.reveal(small, "level", level="差", counter="张三", supervisor="李四")
    with pytest.raises(UserError, match="not a scope"):
        rv.reveal(small, "some", counter="张三", supervisor="李四")
    assert small.conn.execute("SELECT count(*) FROM journal").fetchone()[0] == before
    assert rv.history(small.conn) == []


def test_no_valid_ballot_no_reveal(small: Store) -> None:
    i18n.set_lang("zh")
    try:
        with pytest.raises(UserError, match="还没有有效测评表（已录入 0 张）"):
            rv.reveal(small, "all", counter="张三", supervisor="李四")
        ballots.save(small, code="A001", group="区级领导", marks={})  # blank: invalid
        with pytest.raises(UserError, match="已录入 1 张"):
            rv.reveal(small, "all", counter="张三", supervisor="李四")
    finally:
        i18n.set_lang("en")


def test_provisional_results_are_revealed_as_provisional(small: Store) -> None:
    enter(small, 3)  # 3 of 8 expected < 0.5 x 8
    preview = rv.prepare(small, "all")
    assert preview.provisional
    shown = rv.reveal(small, "level", level="好", counter="张三", supervisor="李四")
    assert shown.provisional and shown.results["ballots"]["provisional"] is True
    assert [u["unit"] for u in shown.units] == [YAN]


def test_undo_takes_back_a_reveal_and_a_hide(small: Store) -> None:
    enter(small, 4)
    meeting = Meeting(small)
    rv.reveal(small, "all", counter="张三", supervisor="李四")
    rv.hide(small)
    undone = meeting.undo()
    assert undone is not None and undone.action == "hide"
    assert rv.current(small.conn) is not None  # shown again
    undone = meeting.undo()
    assert undone is not None and undone.action == "reveal"
    assert rv.current(small.conn) is None and rv.history(small.conn) == []
    i18n.set_lang("zh")
    try:
        assert i18n.t(f"live.action.{undone.action}") == "公布测评结果"
    finally:
        i18n.set_lang("en")


def test_undoing_a_second_reveal_shows_the_first_again(small: Store) -> None:
    enter(small, 4)
    first = rv.reveal(small, "all", counter="张三", supervisor="李四")
    rv.reveal(small, "top", top=1, counter="张三", supervisor="李四")
    Meeting(small).undo()
    assert rv.current(small.conn) == first


def test_the_minutes_list_every_reveal(small: Store) -> None:
    enter(small, 3)
    rv.reveal(small, "top", top=1, counter="张三", supervisor="李四")
    rv.hide(small)
    rv.reveal(small, "all", counter="王五", supervisor="赵六")
    data = to_json(read_minutes(small))
    keys = list(data)
    assert keys.index("reveals") == keys.index("results") + 1
    first, second = data["reveals"]
    assert list(first) == [
        "at",
        "scope",
        "top",
        "level",
        "counter",
        "supervisor",
        "hidden_at",
        "provisional",
    ]
    assert first["scope"] == "top" and first["top"] == 1 and first["level"] is None
    assert (first["counter"], first["supervisor"]) == ("张三", "李四")
    assert first["hidden_at"] is not None and second["hidden_at"] is None
    json.dumps(data)
    md = str(render(read_minutes(small), "md"))
    lines = [line for line in md.splitlines() if "confirmed by counter" in line]
    assert len(lines) == 2
    assert "revealed the top 1" in lines[0] and "张三" in lines[0] and "hidden at" in lines[0]
    assert "(provisional)" in lines[0]
    assert "revealed all units" in lines[1] and "王五" in lines[1]
    doc = Document(io.BytesIO(render(read_minutes(small), "docx")))  # type: ignore[arg-type]
    said = [p.text for p in doc.paragraphs if "confirmed by counter" in p.text]
    assert said == lines_text(lines)


def lines_text(lines: list[str]) -> list[str]:
    """The md's bullet lines as plain text: no bullet, no Markdown escapes."""
    return [line.removeprefix("- ").replace("\\", "") for line in lines]


def test_the_minutes_of_a_meeting_without_reveals(small: Store) -> None:
    assert to_json(read_minutes(small))["reveals"] == []
    assert "confirmed by counter" not in str(render(read_minutes(small), "md"))
