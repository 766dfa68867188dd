"""分类排名 on the projector (issue 25): the reveal of every unit, of one category, or of the top N
of a category, stored with the reveal (schema 5: `reveals.category`) and said in the minutes; a
file of schema 3 or 4 reads and upgrades with its reveals as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_categories import OFFICE, TOWN, meeting

from reviewtui import i18n
from reviewtui.assessment import reveal as rv
from reviewtui.errors import UserError
from reviewtui.export import render
from reviewtui.meeting.reveal_board import Paging, build_board
from reviewtui.minutes import read_minutes, to_json
from reviewtui.store import Store, open_session

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v3"


def names(reveal: rv.Reveal) -> list[tuple[str, int]]:
    return [(u["unit"], u["category_rank"]) for u in reveal.units]


def test_one_category_and_its_top_n(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    db = meeting(tmp_path, cli)
    store = Store.open_writer(db)
    try:
        town = rv.reveal(store, "all", category=TOWN, counter="张三", supervisor="李四")
        assert names(town) == [("城子街道工委", 1), ("雁翅镇党委", 2)]
        top = rv.reveal(store, "top", top=1, category=OFFICE, counter="张三", supervisor="李四")
        assert names(top) == [("区教委党委", 1)]  # rank 1 overall too, but 卫健 (2nd) is not
        board = build_board(top, _now(top), 10, _paging(top))
        assert [(r.rank, r.unit) for r in board.rows] == [("1", "区教委党委")]
        assert OFFICE in board.scope and "前 1 名" in board.scope
        low = rv.reveal(store, "top", top=2, category=TOWN, counter="张三", supervisor="李四")
        board = build_board(low, _now(low), 10, _paging(low))
        assert [r.rank for r in board.rows] == ["1", "2"]  # category ranks, not 2 and 3
        with pytest.raises(UserError, match="不是本次会议的单位类别"):
            rv.prepare(store, "all", category="街道")
        stored = store.conn.execute("SELECT category FROM reveals ORDER BY id").fetchall()
        assert stored == [(TOWN,), (OFFICE,), (TOWN,)]
        minutes = read_minutes(store)
    finally:
        store.close()
    md = render(minutes, "md")
    assert isinstance(md, str)
    assert "“镇街”类别全部单位" in md and "“系统”类别前 1 名" in md
    assert [r.get("category") for r in to_json(minutes)["reveals"]] == [TOWN, OFFICE, TOWN]


def test_every_unit_has_no_category_key(tmp_path: Path, cli) -> None:
    db = meeting(tmp_path, cli, "all")
    store = Store.open_writer(db)
    try:
        shown = rv.reveal(store, "top", top=2, counter="张三", supervisor="李四")
        assert [u["rank"] for u in shown.units] == [1, 2] and shown.category is None
        minutes = read_minutes(store)
    finally:
        store.close()
    assert "category" not in to_json(minutes)["reveals"][0]


def test_a_schema_3_file_reads_its_reveals_then_upgrades(tmp_path: Path) -> None:
    for suffix in (".db", ".toml"):
        shutil.copyfile(FIXTURES / f"small-v3{suffix}", tmp_path / f"small-v3{suffix}")
    db = tmp_path / "small-v3.db"
    reader = Store.open_reader(db)
    try:
        before = [(r.scope, r.top, r.category) for r in rv.history(reader.conn)]
    finally:
        reader.close()
    assert before == [("top", 2, None), ("all", None, None)]
    store = open_session(tmp_path / "small-v3.toml", write=True)
    try:
        after = [(r.scope, r.top, r.category) for r in rv.history(store.conn)]
        columns = {row[1] for row in store.conn.execute("PRAGMA table_info(reveals)")}
    finally:
        store.close()
    assert after == before and "category" in columns


def _now(reveal: rv.Reveal):  # type: ignore[no-untyped-def]
    from reviewtui import clock

    return clock.parse_iso(reveal.shown_at)


def _paging(reveal: rv.Reveal) -> Paging:
    return Paging(_now(reveal))


def _notice_text(db: Path) -> str:
    import io

    from docx import Document

    i18n.set_lang("zh")
    store = Store.open_reader(db)
    try:
        data = render(read_minutes(store), "notice")
    finally:
        store.close()
    assert isinstance(data, bytes)
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_notice_lists_levels_within_each_category(tmp_path: Path, cli) -> None:
    text = _notice_text(meeting(tmp_path, cli))
    assert "系统类：好等次（1个）：区教委党委。" in text
    assert "镇街类：好等次（1个）：城子街道工委。" in text
    assert "镇街类：较好等次（1个）：雁翅镇党委。" in text
    flat = _notice_text(meeting(tmp_path / "all", cli, "all"))
    assert "好等次（2个）：区教委党委、城子街道工委。" in flat and "类：" not in flat


def _board_rows(reveal: rv.Reveal, per_page: int = 10) -> list[list[tuple[str, str]]]:
    """Every page of the board, each row as (rank, unit); a heading as ("#", its text)."""
    board = build_board(reveal, _now(reveal), per_page, _paging(reveal))
    pages = []
    for page in range(board.pages):
        paging = Paging(_now(reveal), page)
        rows = build_board(reveal, _now(reveal), per_page, paging).rows
        pages.append([("#" if r.heading else r.rank, r.unit) for r in rows])
    return pages


def test_every_category_revealed_shows_one_ranking_per_category(tmp_path: Path, cli) -> None:
    """rank_by = "category", 全部类别: the projector (as `read_state` gives it the reveal) shows
    each category's heading and its units ranked within it, as every other output does."""
    from reviewtui.meeting.projector import read_state

    i18n.set_lang("zh")
    db = meeting(tmp_path, cli)
    store = Store.open_writer(db)
    try:
        everyone = rv.reveal(store, "all", counter="张三", supervisor="李四")
        assert [u["unit"] for u in everyone.units] == [
            "区教委党委", "区卫健委党委", "城子街道工委", "雁翅镇党委",
        ]  # fmt: skip
        reader = Store.open_reader(db)
        try:
            on_wall = read_state(reader).reveal
        finally:
            reader.close()
        assert on_wall is not None
        assert _board_rows(on_wall) == [
            [("#", "系统（2 个单位）"), ("1", "区教委党委"), ("2", "区卫健委党委"),
             ("#", "镇街（2 个单位）"), ("1", "城子街道工委"), ("2", "雁翅镇党委")],
        ]  # fmt: skip
        # Two rows a page: a heading never alone at a foot, a page within a category says so.
        assert _board_rows(on_wall, 2) == [
            [("#", "系统（2 个单位）"), ("1", "区教委党委")],
            [("#", "系统（续）"), ("2", "区卫健委党委")],
            [("#", "镇街（2 个单位）"), ("1", "城子街道工委")],
            [("#", "镇街（续）"), ("2", "雁翅镇党委")],
        ]
        top = rv.reveal(store, "top", top=1, counter="张三", supervisor="李四")
        assert [(u["unit"], u["category_rank"]) for u in top.units] == [
            ("区教委党委", 1), ("城子街道工委", 1),
        ]  # fmt: skip  # the first of each category, as the dialog's summary counts them
        assert rv.prepare(store, "top", top=1).units == top.units
        assert build_board(top, _now(top), 10, _paging(top)).scope == "各类别前 1 名"
        # The minutes say what the wall showed: the top 1 of each category, not "前 1 名".
        md = str(render(read_minutes(store), "md"))
        assert "公布各类别前 1 名" in md and "公布前 1 名" not in md
    finally:
        store.close()
    i18n.set_lang("en")
    assert _board_rows(on_wall)[0][0] == ("#", "系统 (2 units)")


def test_rank_by_all_reveals_one_ranking(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    db = meeting(tmp_path, cli, "all")
    store = Store.open_writer(db)
    try:
        everyone = rv.reveal(store, "all", counter="张三", supervisor="李四")
    finally:
        store.close()
    assert _board_rows(everyone) == [
        [("1", "区教委党委"), ("2", "城子街道工委"), ("3", "雁翅镇党委"), ("4", "区卫健委党委")]
    ]
