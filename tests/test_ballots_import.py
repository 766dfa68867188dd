"""Ballot import (CSV/XLSX, long and wide, all or nothing), the ballot store, and export."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment.importer import import_file
from reviewtui.assessment.tally import tally_store
from reviewtui.errors import UserError
from reviewtui.store import Store, open_session

ROOT = Path(__file__).resolve().parent.parent

# small.toml: units 雁翅镇党委, 城子街道工委 (on-site), 王平镇党委 (written);
# groups 区级领导 (issued 3), 党代表 (issued 5); the default one-item form and scale.
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"

MULTI = """
[meeting]
title = "多项目测评"
date = "2017-02-24"

[[groups]]
name = "区级领导"

[[groups]]
name = "党代表"
weight = 2

[[units]]
name = "雁翅镇党委"

[[units]]
name = "王平镇党委"
mode = "written"

[assessment]
items = [ { name = "工作实绩", weight = 2 }, { name = "得分", max = 20 } ]
double_entry = true
"""


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    session = tmp_path / "small.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", session)
    opened = open_session(session, write=True)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def multi(tmp_path: Path) -> Iterator[Store]:
    session = tmp_path / "multi.toml"
    session.write_text(MULTI, encoding="utf-8")
    opened = open_session(session, write=True)
    try:
        yield opened
    finally:
        opened.close()


def write_csv(path: Path, rows: list[list[object]], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def marks_of(store: Store, entry: int = 1) -> dict[str, tuple[str, dict]]:
    return {b.code: (b.group, b.marks) for b in ballots.load(store, entry=entry)}


LONG = [
    ["ballot", "group", "unit", "item", "value"],
    ["1", "区级领导", YAN, ITEM, "好"],
    ["1", "区级领导", CHENG, "", "较好"],  # item may be empty on a one-item form
    ["1", "区级领导", WANG, ITEM, "3"],  # a digit is the 3rd grade, as typed on the keyboard
    ["2", "党代表", YAN, ITEM, "差"],
    ["2", "党代表", CHENG, ITEM, ""],  # blank
    ["3", "党代表", YAN, ITEM, ""],  # an all-blank ballot still arrives (an invalid one)
]

EXPECTED = {
    "1": ("区级领导", {(YAN, ITEM): "好", (CHENG, ITEM): "较好", (WANG, ITEM): "一般"}),
    "2": ("党代表", {(YAN, ITEM): "差"}),
    "3": ("党代表", {}),
}


# ------------------------------------------------------------------------------------------------
# Accepted files


def test_long_csv(store: Store, tmp_path: Path) -> None:
    done = import_file(store, write_csv(tmp_path / "b.csv", LONG))
    assert (done.ballots, done.marks, done.entry) == (3, 4, 1)
    assert marks_of(store) == EXPECTED
    results = tally_store(store)
    assert (results.entered, results.valid, results.invalid) == (3, 2, 1)


def test_long_csv_with_bom_and_crlf(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\r\n").writerows(LONG)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    import_file(store, path)
    assert marks_of(store) == EXPECTED


def test_wide_csv(store: Store, tmp_path: Path) -> None:
    rows = [
        ["ballot", "group", YAN, CHENG, WANG],
        ["1", "区级领导", "好", "较好", "一般"],
        ["2", "党代表", "差", "", ""],
        ["3", "党代表"],  # short row: every cell blank
        [],  # blank lines are skipped
    ]
    import_file(store, write_csv(tmp_path / "wide.csv", rows))
    assert marks_of(store) == EXPECTED


def test_xlsx_long_and_wide(store: Store, tmp_path: Path) -> None:
    # Spreadsheet cells come typed: a ballot id 1 as a number, a grade index 3 as a number.
    long = [[1 if c == "1" else c for c in row] for row in LONG]
    long[3][4] = 3
    import_file(store, write_xlsx(tmp_path / "long.xlsx", long))
    assert marks_of(store) == EXPECTED
    wide = [["ballot", "group", YAN, CHENG], [4.0, "区级领导", "好", None]]
    import_file(store, write_xlsx(tmp_path / "wide.xlsx", wide))
    assert marks_of(store)["4"] == ("区级领导", {(YAN, ITEM): "好"})


def test_numeric_and_weighted_items_and_the_second_entry(multi: Store, tmp_path: Path) -> None:
    rows = [
        ["ballot", "group", "unit", "item", "value"],
        ["7", "党代表", YAN, "工作实绩", "较好"],
        ["7", "党代表", YAN, "得分", "15.5"],
        ["7", "党代表", WANG, "得分", "20"],
    ]
    path = write_csv(tmp_path / "m.csv", rows)
    import_file(multi, path, entry=1)
    import_file(multi, path, entry=2)  # the second typist's file, here identical
    assert marks_of(multi, 2)["7"] == (
        "党代表",
        {(YAN, "工作实绩"): "较好", (YAN, "得分"): 15.5, (WANG, "得分"): 20.0},
    )
    results = tally_store(multi)
    assert results.unconfirmed == ()
    # 雁翅: (2 * 80 + 1 * 15.5 / 20 * 100) / 3 = (160 + 77.5) / 3 = 79.1666...
    assert results.unit(YAN).composite == pytest.approx(237.5 / 3)


def test_every_imported_row_is_journaled_and_can_be_undone(store: Store, tmp_path: Path) -> None:
    import_file(store, write_csv(tmp_path / "b.csv", LONG))
    (tx,) = store.conn.execute(
        "SELECT DISTINCT tx FROM journal WHERE action = 'ballot.import'"
    ).fetchone()
    counts = dict(
        store.conn.execute(
            "SELECT tbl, count(*) FROM journal WHERE tx = ? GROUP BY tbl", (tx,)
        ).fetchall()
    )
    assert counts == {"ballots": 3, "marks": 4}  # ballot 1 has 3 lines, ballot 2 one, 3 none
    store.undo(tx)
    assert store.conn.execute("SELECT count(*) FROM ballots").fetchone() == (0,)
    assert store.conn.execute("SELECT count(*) FROM marks").fetchone() == (0,)


# ------------------------------------------------------------------------------------------------
# Rejected files: every bad row named, the database unchanged


def rejected(store: Store, path: Path, **options: object) -> list[str]:
    before = store.content_sha256()
    with pytest.raises(UserError) as caught:
        import_file(store, path, **options)  # type: ignore[arg-type]
    assert store.content_sha256() == before
    return caught.value.lines


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (["1", "区级领导", "斋堂镇党委", ITEM, "好"], "'斋堂镇党委' is not a unit"),
        (["1", "群众代表", YAN, ITEM, "好"], "'群众代表' is not a rater group"),
        (["1", "区级领导", YAN, "作风", "好"], "'作风' is not an item"),
        (["1", "区级领导", YAN, ITEM, "优秀"], "'优秀' is not a grade"),
        (["1", "区级领导", YAN, ITEM, "7"], "'7' is not a grade"),
        (["", "区级领导", YAN, ITEM, "好"], "the ballot id is missing"),
        (["1", "区级领导", YAN, ITEM, "好", "多余"], "more cells than the header"),
    ],
)
def test_one_bad_row_rejects_the_file(
    store: Store, tmp_path: Path, row: list[str], expected: str
) -> None:
    rows = [LONG[0], ["9", "党代表", CHENG, ITEM, "好"], row]
    lines = rejected(store, write_csv(tmp_path / "bad.csv", rows))
    assert lines[0].startswith(f"{tmp_path / 'bad.csv'}:3: ")
    assert expected in lines[0]
    assert "nothing was imported" in lines[-1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("25", "25 is out of range: must be 0 to 20"),
        ("-1", "-1 is out of range"),
        ("十五", "'十五' is not a number"),
        ("nan", "'nan' is not a number"),
        ("1,5", "'1,5' is not a number"),
        ("1_5", "'1_5' is not a number"),
    ],
)
def test_bad_numbers(multi: Store, tmp_path: Path, value: str, expected: str) -> None:
    rows = [LONG[0], ["1", "党代表", YAN, "得分", value]]
    (line, _) = rejected(multi, write_csv(tmp_path / "n.csv", rows))
    assert line.startswith(f"{tmp_path / 'n.csv'}:2: value: ") and expected in line


def test_every_bad_row_is_listed_in_line_order(store: Store, tmp_path: Path) -> None:
    import_file(store, write_csv(tmp_path / "first.csv", LONG))  # ballots 1, 2, 3
    before = store.content_sha256()
    rows = [
        LONG[0],
        ["5", "区级领导", YAN, ITEM, "好"],  # line 2: fine
        ["5", "党代表", CHENG, ITEM, "好"],  # line 3: ballot 5 in a second group
        ["6", "党代表", "门头沟", ITEM, "好"],  # line 4: unknown unit
        ["2", "党代表", CHENG, ITEM, "好"],  # line 5: ballot 2 is already entered
        ["6", "党代表", WANG, ITEM, "A"],  # line 6: unknown grade
        ["6", "党代表", WANG, ITEM, "好"],  # line 7: fine
        ["6", "党代表", WANG, ITEM, "好"],  # line 8: the same cell twice
    ]
    lines = rejected(store, write_csv(tmp_path / "bad.csv", rows))
    assert store.content_sha256() == before
    where = [line.split(": ", 1)[0].rsplit(":", 1)[-1] for line in lines[:-1]]
    assert where == ["3", "4", "5", "6", "8"]
    assert "ballot 5 is in group '党代表' here but in '区级领导' at line 2" in lines[0]
    assert "ballot 2 is already entered in entry round 1 (line 5 of this file)" in lines[2]
    assert "appears twice" in lines[4]
    assert lines[-1].endswith("5 error(s); nothing was imported and the database is unchanged")


def test_a_ballot_id_already_entered_on_the_screen(store: Store, tmp_path: Path) -> None:
    ballots.save(store, code="12", group="党代表", marks={(YAN, ITEM): "好"})
    rows = [LONG[0], ["012", "党代表", YAN, ITEM, "好"], ["12", "党代表", WANG, ITEM, "好"]]
    (line, _) = rejected(store, write_csv(tmp_path / "dup.csv", rows))
    # "012" and "12" are the same form: the message names both of its lines.
    assert ":2: ballot: ballot 12 is already entered in entry round 1 (lines 2–3" in line


def test_wide_form_errors(store: Store, multi: Store, tmp_path: Path) -> None:
    rows = [
        ["ballot", "group", YAN, "斋堂镇党委"],
        ["1", "区级领导", "好", "好"],
        ["1", "区级领导", "好", ""],
    ]
    lines = rejected(store, write_csv(tmp_path / "w.csv", rows))
    assert "the column '斋堂镇党委' is not a unit" in lines[0] and ":1: " in lines[0]
    assert ":3: ballot 1 was already given at line 2" in lines[1]
    (line,) = rejected(multi, write_csv(tmp_path / "w2.csv", [["ballot", "group", YAN]]))
    assert "only for one-item forms" in line


def test_spreadsheet_errors_name_the_cell(store: Store, tmp_path: Path) -> None:
    long = [LONG[0], [1, "区级领导", YAN, ITEM, "A"], [2, "群众", CHENG, None, "好"]]
    lines = rejected(store, write_xlsx(tmp_path / "bad.xlsx", long))
    assert f"{tmp_path / 'bad.xlsx'}:2: value (E2): 'A' is not a grade" in lines[0]
    assert ":3: group (B3): '群众' is not a rater group" in lines[1]
    wide = [["ballot", "group", YAN, CHENG], [3, "党代表", "好", 9]]
    (line, _) = rejected(store, write_xlsx(tmp_path / "wide.xlsx", wide))
    assert f":2: {CHENG} (D2): '9' is not a grade" in line


def test_file_level_errors(store: Store, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("ballot,group,unit,item,value\n1,党代表,雁翅镇党委,,好\n".encode("gbk"))
    (line,) = rejected(store, gbk)
    assert "not UTF-8 (near line 2)" in line
    (line,) = rejected(store, write_csv(tmp_path / "h.csv", [["id", "who", "what"]]))
    assert "unrecognized header 'id,who,what'" in line
    (line,) = rejected(store, write_csv(tmp_path / "e.csv", []))
    assert "the file is empty" in line
    (line,) = rejected(store, write_csv(tmp_path / "h2.csv", [LONG[0]]))
    assert "holds no ballots" in line
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    (line,) = rejected(store, broken)
    assert "cannot read the Excel file" in line
    (line,) = rejected(store, tmp_path / "missing.csv")
    assert "no such file" in line
    (line,) = rejected(store, write_csv(tmp_path / "ok.csv", LONG), entry=2)
    assert "does not use double entry" in line


def test_messages_in_chinese(store: Store, tmp_path: Path) -> None:
    i18n.set_lang("zh")
    rows = [LONG[0], ["1", "区级领导", "斋堂镇党委", ITEM, "好"]]
    lines = rejected(store, write_csv(tmp_path / "bad.csv", rows))
    assert lines[0] == f"{tmp_path / 'bad.csv'}:2：unit 列：“斋堂镇党委”不是本次会议的述职单位"


# ------------------------------------------------------------------------------------------------
# The ballot store: save, correct, delete, double entry, export


def test_save_correct_delete_are_journaled(store: Store) -> None:
    saved = ballots.save(
        store,
        code=" 007 ",
        group="党代表",
        marks={(YAN, ITEM): "好", (WANG, ITEM): "差"},
        entered_by="甲@laptop",
    )
    assert saved.code == "7" and saved.entered_by == "甲@laptop"
    with pytest.raises(UserError, match="already entered in entry round 1"):
        ballots.save(store, code="7", group="党代表", marks={})
    fixed = ballots.save(
        store,
        code="7",
        group="区级领导",
        marks={(YAN, ITEM): "较好"},
        replacing=saved.id,
        entered_by="乙@laptop",
    )
    assert (fixed.id, fixed.group, fixed.marks) == (saved.id, "区级领导", {(YAN, ITEM): "较好"})
    before_delete = store.content_sha256()
    ballots.delete(store, saved.id)
    assert ballots.load(store) == []
    # The delete's journal restores the ballot and its line exactly.
    (tx,) = store.conn.execute("SELECT max(tx) FROM journal").fetchone()
    store.undo(tx)
    assert ballots.get(store, saved.id) == fixed
    assert before_delete != store.content_sha256()  # the undo itself is journaled
    actions = [r[0] for r in store.conn.execute("SELECT DISTINCT action FROM journal")]
    assert {"ballot.save", "ballot.correct", "ballot.delete", "undo"} <= set(actions)


def test_save_refuses_bad_input_and_writes_nothing(store: Store) -> None:
    before = store.content_sha256()
    with pytest.raises(UserError) as caught:
        ballots.save(store, code="", group="群众", marks={("x", ITEM): "好", (YAN, ITEM): "A"})
    assert caught.value.lines == [
        "the ballot id is missing",
        "'群众' is not a rater group",
        "'x' is not a unit of this meeting",
        "雁翅镇党委 / 总体评价: 'A' is not a grade: use one of 好/较好/一般/差, or 1–4",
    ]
    assert store.content_sha256() == before


def test_next_code_and_progress(store: Store) -> None:
    assert ballots.next_code(store) == "1"
    ballots.save(store, code="1", group="区级领导", marks={})
    ballots.save(store, code="5", group="区级领导", marks={})
    assert ballots.next_code(store) == "6"
    progress = {p.group: (p.entered, p.issued) for p in ballots.progress(store)}
    assert progress == {"区级领导": (2, 3), "党代表": (0, 5)}


def test_double_entry_comparison_cell_by_cell(multi: Store) -> None:
    first = {(YAN, "工作实绩"): "好", (YAN, "得分"): 18.0}
    ballots.save(multi, code="3", group="党代表", marks=first, entry=1)
    assert ballots.next_code(multi, 2) == "3"  # the second typist starts on the same form
    second = ballots.save(
        multi,
        code="3",
        group="区级领导",
        marks={(YAN, "工作实绩"): "好", (YAN, "得分"): 16.0, (WANG, "得分"): 2.0},
        entry=2,
    )
    (comparison,) = ballots.compare_store(multi)
    assert comparison.status == ballots.MISMATCHED
    assert comparison.diffs == (
        ballots.CellDiff(None, None, "党代表", "区级领导"),
        ballots.CellDiff(YAN, "得分", 18.0, 16.0),
        ballots.CellDiff(WANG, "得分", None, 2.0),
    )
    # The second entry was wrong: it is typed again (replacing it), never edited to match.
    ballots.save(
        multi,
        code="3",
        group="党代表",
        marks=first,
        entry=2,
        replacing=second.id,
        action="ballot.retype",
    )
    (comparison,) = ballots.compare_store(multi)
    assert comparison.status == ballots.CONFIRMED
    assert tally_store(multi).valid == 1


def test_export_then_import_on_another_laptop(store: Store, tmp_path: Path) -> None:
    ballots.save(store, code="1", group="区级领导", marks={(YAN, ITEM): "好", (WANG, ITEM): "差"})
    ballots.save(store, code="2", group="党代表", marks={})  # all blank travels too
    path = tmp_path / "out.csv"
    assert ballots.export_csv(store, path) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    other_session = tmp_path / "other" / "small.toml"
    other_session.parent.mkdir()
    shutil.copyfile(ROOT / "sessions" / "small.toml", other_session)
    other = open_session(other_session, write=True)
    try:
        import_file(other, path)
        assert marks_of(other) == marks_of(store)
    finally:
        other.close()


def test_mark_cells_view_shows_one_cell_per_row(multi: Store) -> None:
    ballots.save(
        multi, code="1", group="党代表", marks={(YAN, "工作实绩"): "较好", (YAN, "得分"): 12.5}
    )
    rows = multi.conn.execute(
        "SELECT unit, item, grade, number FROM mark_cells ORDER BY item"
    ).fetchall()
    assert rows == [(YAN, "工作实绩", "较好", None), (YAN, "得分", None, 12.5)]


def test_ballot_csv_with_formula_like_text_reads_back(tmp_path: Path) -> None:
    """The ballot CSV quotes "=1+1" as "'=1+1" for spreadsheets; import reads "=1+1" again."""
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8").replace(WANG, "=1+2")
    sessions = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        sessions.append(tmp_path / name / "small.toml")
        sessions[-1].write_text(text, encoding="utf-8")
    first = open_session(sessions[0], write=True)
    try:
        ballots.save(first, code="=1+1", group="区级领导", marks={("=1+2", ITEM): "好"})
        path = tmp_path / "out.csv"
        assert ballots.export_csv(first, path) == 1
        assert "'=1+1" in path.read_text("utf-8-sig")
        expected = marks_of(first)
    finally:
        first.close()
    other = open_session(sessions[1], write=True)
    try:
        import_file(other, path)
        assert marks_of(other) == expected == {"=1+1": ("区级领导", {("=1+2", ITEM): "好"})}
    finally:
        other.close()


def test_a_formula_without_a_computed_value_is_refused_not_read_as_blank(
    store: Store, tmp_path: Path
) -> None:
    """A workbook written by a program holds formulas without their results: read as blank, the
    grade (or an opinion) would vanish unseen; the import names the cell and writes nothing."""
    i18n.set_lang("en")
    rows = [
        ["ballot", "group", "unit", "item", "value"],
        ["1", "区级领导", YAN, "", '=IF(1,"好","差")'],
        ["1", "区级领导", CHENG, "", "较好"],
    ]
    path = write_xlsx(tmp_path / "f.xlsx", rows)
    with pytest.raises(UserError) as exc:
        import_file(store, path)
    assert "f.xlsx:2" in str(exc.value) and "E2" in str(exc.value)
    assert ballots.load(store) == []


def test_chinese_headers_are_read_and_written_with_lang_zh(
    store: Store, tmp_path: Path, cli
) -> None:
    """编号,类别,单位,项目,评价 (SPEC 6): imported like the English names; `ballots export
    --lang zh` writes them, and the file comes back the same."""
    chinese = [["编号", "类别", "单位", "项目", "评价"], *LONG[1:]]
    import_file(store, write_csv(tmp_path / "zh.csv", chinese))
    assert marks_of(store) == EXPECTED
    store.close()
    out = tmp_path / "out.csv"
    session = tmp_path / "small.toml"
    done = cli("ballots", "export", session, "-o", out, "--lang", "zh")
    assert done.code == 0, done.output
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1] == "编号,类别,单位,项目,评价"  # after the meeting's identity line
    english = cli("ballots", "export", session, "-o", tmp_path / "en.csv", "--lang", "en")
    assert english.code == 0
    en_lines = (tmp_path / "en.csv").read_text("utf-8-sig").splitlines()
    assert en_lines[1] == "ballot,group,unit,item,value"  # after the identity line
    other = open_session(session, tmp_path / "other.db", write=True)
    try:
        import_file(other, out)
        assert marks_of(other) == EXPECTED
    finally:
        other.close()
