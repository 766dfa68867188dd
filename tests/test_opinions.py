"""Opinions on the forms (意见建议): saved with the marks, corrected, deleted and undone with them,
and read back grouped by unit from the ballots the tally counts, never with their serial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewtui import plan as plans
from reviewtui.assessment import ballots, opinions
from reviewtui.errors import UserError
from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
ITEM = "总体评价"
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"


def opinion_session(tmp_path: Path, *, double_entry: bool = False) -> Path:
    text = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
    extra = "opinions = true\n" + ("double_entry = true\n" if double_entry else "")
    path = tmp_path / "m.toml"
    path.write_text(text.replace("[assessment]\n", "[assessment]\n" + extra), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Store:
    path = opinion_session(tmp_path)
    s = Store.create(tmp_path / "m.db", plans.load(path), source=path)
    yield s
    s.close()


def marks(*values: str | None) -> dict[tuple[str, str], str]:
    return {(u, ITEM): v for u, v in zip((YAN, CHENG, WANG), values, strict=False) if v}


def test_saved_with_the_marks_and_read_back(store: Store) -> None:
    saved = ballots.save(
        store,
        code="1",
        group="区级领导",
        marks=marks("好", "较好", "好"),
        opinions={WANG: " 加强\x1b调研 ", YAN: "多下基层", CHENG: ""},
    )
    assert saved.opinions == {YAN: "多下基层", WANG: "加强调研"}  # plan order, cleaned
    tx = store.conn.execute("SELECT max(tx) FROM journal").fetchone()[0]
    tables = {r[0] for r in store.conn.execute("SELECT tbl FROM journal WHERE tx = ?", (tx,))}
    assert tables == {"ballots", "marks", "opinions"}  # one transaction


def test_correct_delete_and_undo_move_opinions_with_marks(store: Store) -> None:
    first = ballots.save(
        store, code="1", group="区级领导", marks=marks("好"), opinions={YAN: "甲", CHENG: "乙"}
    )
    ballots.save(
        store,
        code="1",
        group="区级领导",
        marks=marks("差"),
        replacing=first.id,
        opinions={YAN: "甲改", WANG: "丙"},
    )
    assert ballots.get(store, first.id).opinions == {YAN: "甲改", WANG: "丙"}
    # a replacement that says nothing of opinions keeps them
    ballots.save(store, code="1", group="区级领导", marks=marks("一般"), replacing=first.id)
    assert ballots.get(store, first.id).opinions == {YAN: "甲改", WANG: "丙"}
    ballots.undo_last(store)
    ballots.undo_last(store)  # the correction: marks and opinions back as first saved
    again = ballots.get(store, first.id)
    assert again.marks == marks("好") and again.opinions == {YAN: "甲", CHENG: "乙"}

    ballots.delete(store, first.id)
    assert store.conn.execute("SELECT count(*) FROM opinions").fetchone()[0] == 0
    undone = ballots.undo_last(store)
    assert undone is not None and undone.action == "delete"
    assert ballots.get(store, first.id).opinions == {YAN: "甲", CHENG: "乙"}


def test_too_long_or_unknown_unit_is_refused_and_nothing_written(store: Store) -> None:
    with pytest.raises(UserError) as caught:
        ballots.save(
            store,
            code="1",
            group="区级领导",
            marks=marks("好"),
            opinions={YAN: "长" * (opinions.LIMIT + 1), "某单位": "x"},
        )
    message = str(caught.value)
    assert f"{opinions.LIMIT + 1} characters" in message and "某单位" in message
    assert store.conn.execute("SELECT count(*) FROM ballots").fetchone()[0] == 0
    ballots.save(store, code="1", group="区级领导", marks=marks("好"), opinions={YAN: "长" * 500})


def test_a_plan_without_opinions_refuses_them(small_store: Store) -> None:
    with pytest.raises(UserError, match="no opinion lines"):
        ballots.save(small_store, code="1", group="党代表", marks=marks("好"), opinions={YAN: "x"})
    # empty texts are no opinions: fine anywhere
    ballots.save(small_store, code="1", group="区级领导", marks=marks("好"), opinions={YAN: " "})


def test_by_unit_counts_only_valid_ballots_in_plan_order(store: Store) -> None:
    ballots.save(store, code="A001", group="区级领导", marks=marks("好"), opinions={WANG: "乙意见"})
    ballots.save(store, code="A002", group="区级领导", marks=marks("差"), opinions={WANG: "甲意见"})
    # an all-blank form is invalid: its opinion is not counted
    ballots.save(store, code="B001", group="党代表", marks={}, opinions={YAN: "废票上的意见"})
    found = opinions.by_unit(store)
    assert list(found) == [YAN, CHENG, WANG]
    assert found == {YAN: [], CHENG: [], WANG: ["乙意见", "甲意见"]}


def test_double_entry_takes_confirmed_ballots_entry_one_first(tmp_path: Path) -> None:
    path = opinion_session(tmp_path, double_entry=True)
    store = Store.create(tmp_path / "d.db", plans.load(path), source=path)
    try:
        g = "区级领导"
        ballots.save(store, code="1", group=g, marks=marks("好"), opinions={YAN: "一录"}, entry=1)
        ballots.save(
            store, code="1", group=g, marks=marks("好"), opinions={YAN: "二录", CHENG: "仅二录"},
            entry=2,
        )  # fmt: skip
        # opinions differ but the marks agree: confirmed
        ballots.save(store, code="2", group=g, marks=marks("好"), opinions={YAN: "未确认"}, entry=1)
        ballots.save(store, code="2", group=g, marks=marks("差"), entry=2)  # marks differ
        assert opinions.by_unit(store) == {YAN: ["一录"], CHENG: ["仅二录"], WANG: []}
    finally:
        store.close()


def test_an_unupgraded_reader_has_no_opinions(tmp_path: Path) -> None:
    fixtures = sorted((ROOT / "tests" / "fixtures" / "v1").glob("*.db"))
    assert fixtures
    copy = tmp_path / fixtures[0].name
    copy.write_bytes(fixtures[0].read_bytes())
    reader = Store.open_reader(copy)
    try:
        found = opinions.by_unit(reader)
        assert set(found) == {u.name for u in reader.plan.units}
        assert all(texts == [] for texts in found.values())
        assert all(b.opinions == {} for b in ballots.load(reader))
    finally:
        reader.close()


# ------------------------------------------------------------------------------------------------
# Ballot files with an opinion column


def write_csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_reads_one_opinion_per_ballot_and_unit(store: Store, tmp_path: Path) -> None:
    from reviewtui.assessment.importer import import_file

    f = write_csv(
        tmp_path / "b.csv",
        "ballot,group,unit,item,value,opinion\n"
        f"A001,区级领导,{YAN},,好,多下基层\n"
        f"A001,区级领导,{CHENG},,较好,\n"
        f"A001,区级领导,{WANG},,好,\n"
        f"A002,区级领导,{YAN},,差\n"
        f'A002,区级领导,{WANG},,差,"加强, 调研"\n',
    )
    result = import_file(store, f)
    assert result.ballots == 2
    assert {b.code: b.opinions for b in ballots.load(store)} == {
        "A001": {YAN: "多下基层"},
        "A002": {WANG: "加强, 调研"},
    }
    assert opinions.by_unit(store) == {YAN: ["多下基层"], CHENG: [], WANG: ["加强, 调研"]}
    # the export writes the column, and reads back the same
    out = tmp_path / "out.csv"
    ballots.export_csv(store, out)
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1] == "ballot,group,unit,item,value,opinion"  # after the identity line
    (tmp_path / "again").mkdir()
    path = opinion_session(tmp_path / "again")
    again = Store.create(tmp_path / "again" / "m.db", plans.load(path), source=path)
    try:
        import_file(again, out)
        assert [b.opinions for b in ballots.load(again)] == [
            {YAN: "多下基层"},
            {WANG: "加强, 调研"},
        ]
    finally:
        again.close()


def test_import_bad_opinion_rows_name_their_lines(store: Store, tmp_path: Path) -> None:
    from reviewtui.assessment.importer import import_file

    f = write_csv(
        tmp_path / "b.csv",
        "ballot,group,unit,item,value,opinion\n"
        f"A001,区级领导,{YAN},,好,甲\n"
        f"A001,区级领导,{CHENG},,好,乙\n"
        f"A001,区级领导,{YAN},总体评价,好,丙\n"  # same unit again: a second opinion (and cell)
        f"A002,区级领导,{YAN},,好,{'长' * (opinions.LIMIT + 1)}\n",
    )
    with pytest.raises(UserError) as caught:
        import_file(store, f)
    text = str(caught.value)
    assert f"b.csv:4: opinion: ballot A001 has two different opinions on '{YAN}'" in text
    assert "(the other on line 2)" in text
    assert "b.csv:5: opinion:" in text and "too long" in text
    assert store.conn.execute("SELECT count(*) FROM ballots").fetchone()[0] == 0


def test_an_opinion_column_without_opinion_lines_is_an_error(
    small_store: Store, tmp_path: Path
) -> None:
    from reviewtui.assessment.importer import import_file

    f = write_csv(
        tmp_path / "b.csv", f"ballot,group,unit,item,value,opinion\n1,党代表,{YAN},,好,x\n"
    )
    with pytest.raises(UserError, match=r"b.csv:1: .*opinions = true"):
        import_file(small_store, f)
    f2 = write_csv(tmp_path / "c.csv", f"ballot,group,unit,item,value\n1,党代表,{YAN},,好\n")
    assert import_file(small_store, f2).ballots == 1


# ------------------------------------------------------------------------------------------------
# Outputs: grouped by unit, never with the serial or group of the form


SERIAL = "B004"  # a serial that appears nowhere else in the outputs


@pytest.fixture
def with_opinions(store: Store) -> Store:
    ballots.save(
        store, code="A002", group="区级领导", marks=marks("好", "好"), opinions={YAN: "多调研"}
    )
    ballots.save(
        store,
        code=SERIAL,
        group="党代表",
        marks=marks("较好", "一般", "好"),
        opinions={YAN: "=1+1 少开会", WANG: "书面材料*再精炼*"},
    )
    return store


def test_minutes_json_md_docx_and_xlsx_show_opinions_by_unit(
    with_opinions: Store, lang: str
) -> None:
    import io

    from docx import Document
    from openpyxl import load_workbook

    from reviewtui.export import render
    from reviewtui.i18n import t
    from reviewtui.minutes import read_minutes, to_json

    minutes = read_minutes(with_opinions)
    data = to_json(minutes)
    units = {i["unit"]: i["opinions"] for i in data["items"] if i["kind"] == "unit"}
    assert units == {YAN: ["=1+1 少开会", "多调研"], CHENG: [], WANG: ["书面材料*再精炼*"]}
    assert all("opinions" not in i for i in data["items"] if i["kind"] != "unit")

    md = render(minutes, "md")
    # the on-site unit's under a heading, the written unit's in the written units' table
    assert md.count(f"**{t('opinion.title')}**") == 1
    assert any(line.startswith("| 1 ") and WANG in line and "再精炼" in line
               for line in md.splitlines())  # fmt: skip
    assert "- \\=1+1 少开会" in md and "书面材料\\*再精炼\\*" in md
    yan, cheng = md.index(f"## {'一、' if lang == 'zh' else '1. '}"), md.index(CHENG)
    assert yan < md.index("多调研") < cheng < md.index("书面材料")

    doc = Document(io.BytesIO(render(minutes, "docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    assert "1. =1+1 少开会" in paragraphs and "2. 多调研" in paragraphs

    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))
    sheet = book[t("opinion.title")]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows == [
        [t("results.col.unit"), t("opinion.col.text")],
        [YAN, "=1+1 少开会"],
        [YAN, "多调研"],
        [WANG, "书面材料*再精炼*"],
    ]
    assert sheet["B2"].data_type == "s"  # text, never a formula
    # nothing in the opinions' neighbourhood names the form: the serial is not beside them
    for text in (md, json.dumps(units, ensure_ascii=False)):
        assert SERIAL not in text
    assert SERIAL not in json.dumps(rows, ensure_ascii=False)
    assert not any(SERIAL in p for p in paragraphs)

    # The feedback pages carry each unit's opinions on its own page, and no serial.
    pages = Document(io.BytesIO(render(minutes, "feedback")))
    text = "\n".join(p.text for p in pages.paragraphs)
    # one heading per unit with opinions (the rectification line may name them in passing)
    assert [p.text for p in pages.paragraphs].count(t("opinion.title")) == 2
    assert "1. =1+1 少开会" in text and "1. 书面材料*再精炼*" in text
    assert text.index("多调研") < text.index(CHENG) < text.index("书面材料")
    assert SERIAL not in text


def test_without_opinions_no_sheet_and_no_section(small_store: Store) -> None:
    from reviewtui.export import render
    from reviewtui.minutes import read_minutes, to_json

    ballots.save(small_store, code="1", group="党代表", marks=marks("好"))
    minutes = read_minutes(small_store)
    assert "意见建议" not in render(minutes, "md") and "Opinions" not in render(minutes, "md")
    assert [i["opinions"] for i in to_json(minutes)["items"] if i["kind"] == "unit"] == [[], [], []]


def test_cli_import_and_export_json(tmp_path: Path, cli) -> None:
    session = opinion_session(tmp_path)
    good = write_csv(
        tmp_path / "good.csv",
        f"ballot,group,unit,item,value,opinion\n{SERIAL},党代表,{YAN},,好,少开会\n",
    )
    result = cli("ballots", "import", str(session), str(good))
    assert result.code == 0, result.output
    result = cli("export", str(session), "--format", "json", "-o", str(tmp_path / "m.json"))
    assert result.code == 0, result.output
    data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert [i["opinions"] for i in data["items"] if i["kind"] == "unit"] == [["少开会"], [], []]
    bad = write_csv(
        tmp_path / "bad.csv",
        f"ballot,group,unit,item,value,opinion\nB002,党代表,{YAN},,好,甲\nB002,党代表,{YAN},,好,乙\n",
    )
    result = cli("ballots", "import", str(session), str(bad), env={"LANG": "zh_CN.UTF-8"})
    assert result.code == 2
    assert "bad.csv:3" in result.output and "两条不同的意见建议" in result.output
    assert "Traceback" not in result.output
