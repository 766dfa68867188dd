"""Two laptops entering ballots at once (assessment/merge.py): `ballots export` on the second,
`ballots import` on the first, reporting new ballots, duplicates and conflicts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewtui.assessment import ballots
from reviewtui.store import open_session

ROOT = Path(__file__).resolve().parent.parent
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"
HEADER = "ballot,group,unit,item,value\n"


def meeting(folder: Path, *, double: bool = False) -> Path:
    """small.toml in `folder`, its database made; with double entry if asked."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8")
    if double:
        text = text.replace("[assessment]", "[assessment]\ndouble_entry = true", 1)
        assert "double_entry = true" in text
    session = folder / "m.toml"
    session.write_text(text, encoding="utf-8")
    open_session(session, write=True).close()
    return session


def enter(db: Path, *forms: tuple[str, str, dict[str, str]], entry: int = 1, by: str = "") -> None:
    store = open_session(db, write=True)
    try:
        for code, group, grades in forms:
            marks = {(unit, ITEM): grade for unit, grade in grades.items()}
            ballots.save(store, code=code, group=group, marks=marks, entry=entry, entered_by=by)
    finally:
        store.close()


def stored(db: Path, entry: int = 1) -> dict[str, tuple[str, dict[tuple[str, str], object]]]:
    store = open_session(db, write=False)
    try:
        return {b.code: (b.group, b.marks) for b in ballots.load(store, entry=entry)}
    finally:
        store.close()


def write(path: Path, body: str) -> Path:
    path.write_text(HEADER + body, encoding="utf-8")
    return path


FORMS = (
    ("1", "区级领导", {YAN: "好", CHENG: "较好", WANG: "一般"}),
    ("2", "党代表", {YAN: "差"}),
    ("3", "党代表", {}),  # all blank: travels too
)


def test_export_then_import_round_trip(cli, tmp_path: Path) -> None:
    """The second laptop's copy exports; the first imports every ballot, marks unchanged."""
    first = meeting(tmp_path / "a")
    copy = tmp_path / "b" / "copy.db"
    copy.parent.mkdir()
    shutil.copyfile(first.with_suffix(".db"), copy)
    enter(copy, *FORMS, by="laptopB")
    out = tmp_path / "b" / "out.csv"
    exported = cli("ballots", "export", copy, "-o", out)
    assert exported.code == 0, exported.output
    assert f"Wrote 3 ballot(s) of entry round 1 to {out}" in exported.stdout
    assert "ballots import MEETING out.csv --entry 1" in exported.stdout
    named, header = out.read_text("utf-8-sig").splitlines()[:2]
    assert named.startswith("#reviewtui-meeting,") and header == HEADER.strip()  # its meeting
    imported = cli("ballots", "import", first, out, "--entered-by", "laptopB")
    assert imported.code == 0, imported.output
    assert f"Imported 3 ballot(s) (4 marks) from {out} as entry round 1" in imported.stdout
    assert "duplicate" not in imported.stdout
    assert stored(first.with_suffix(".db")) == stored(copy)
    store = open_session(first.with_suffix(".db"), write=False)
    try:
        (one,) = [b for b in ballots.load(store) if b.code == "1"]
        assert (one.entered_by, one.source) == ("laptopB", "out.csv")  # told apart
    finally:
        store.close()


def test_export_names_the_round_and_the_laptop_beside_the_database(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a", double=True)
    enter(session.with_suffix(".db"), FORMS[0], entry=2)
    done = cli("ballots", "export", session, "--entry", "2")
    assert done.code == 0, done.output
    (written,) = (tmp_path / "a").glob("m-ballots-2-*.csv")
    assert f"to {written}" in done.stdout
    # the meeting's line, the header, one line per unit
    assert written.read_text("utf-8-sig").count("\n") == 2 + 3
    # A folder given to -o gets the same name inside it.
    folder = tmp_path / "out"
    folder.mkdir()
    assert cli("ballots", "export", session, "--entry", "2", "-o", folder).code == 0
    assert len(list(folder.glob("m-ballots-2-*.csv"))) == 1


def test_export_refuses_the_meeting_files_and_a_missing_database(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    before = session.read_bytes()
    refused = cli("ballots", "export", session, "-o", session)
    assert refused.code == 2 and session.read_bytes() == before
    missing = cli("ballots", "export", tmp_path / "none.db")
    assert missing.code == 2 and "Traceback" not in missing.output
    single = cli("ballots", "export", session, "--entry", "2")
    assert single.code == 2 and "does not use double entry" in single.stderr


def test_duplicates_are_skipped_and_reported(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    db = session.with_suffix(".db")
    enter(db, FORMS[0])
    path = write(
        tmp_path / "f.csv",
        f"1,区级领导,{YAN},,好\n1,区级领导,{CHENG},,较好\n1,区级领导,{WANG},,一般\n"
        f"5,党代表,{YAN},,较好\n",
    )
    done = cli("ballots", "import", session, path)
    assert done.code == 0, done.output
    assert "Imported 1 ballot(s) (1 marks)" in done.stdout
    assert "Skipped 1 duplicate(s), already entered in round 1 with the same marks: 1\n" in (
        done.stdout
    )
    assert set(stored(db)) == {"1", "5"}
    again = cli("ballots", "import", session, path)  # the same file twice: nothing new
    assert again.code == 0 and "Imported 0 ballot(s)" in again.stdout
    assert "Skipped 2 duplicate(s), already entered in round 1 with the same marks: 1、5" in (
        again.stdout
    )


def test_conflicts_refuse_the_file_with_their_lines(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    db = session.with_suffix(".db")
    enter(db, FORMS[0], FORMS[1])
    before = open_session(db, write=False)
    sha = before.content_sha256()
    before.close()
    path = write(
        tmp_path / "f.csv",
        f"1,区级领导,{YAN},,较好\n1,区级领导,{CHENG},,较好\n1,区级领导,{WANG},,一般\n"  # 2–4
        f"2,区级领导,{YAN},,差\n"  # 5: another group
        f"7,党代表,{YAN},,好\n",  # 6: new
    )
    refused = cli("ballots", "import", session, path)
    assert refused.code == 2
    lines = refused.stderr.splitlines()
    assert lines[0] == (
        f"{path}:2–4: ballot 1 is already entered in entry round 1 with other marks: "
        f"{YAN}: entered 好, in the file 较好"
    )
    assert lines[1] == (
        f"{path}:5: ballot 2 is already entered in entry round 1 with other marks: "
        f"group: entered 党代表, in the file 区级领导"
    )
    assert "2 ballot(s) differ from the ones entered; nothing was imported" in lines[2]
    assert "(1 new, 0 identical duplicate(s) besides)" in lines[2]
    assert "--skip-conflicts" in lines[2]
    after = open_session(db, write=False)
    assert after.content_sha256() == sha  # nothing written
    after.close()
    # Asked explicitly: the new one goes in, each conflicting one keeps its entered version.
    skipped = cli("ballots", "import", session, path, "--skip-conflicts")
    assert skipped.code == 0, skipped.output
    assert "Imported 1 ballot(s)" in skipped.stdout
    assert "2 conflicting ballot(s) not imported; the entered version is kept" in skipped.stdout
    assert f"{path}:2–4: ballot 1 is already entered" in skipped.stdout
    now = stored(db)
    assert set(now) == {"1", "2", "7"} and now["1"][1][(YAN, ITEM)] == "好"


def test_a_bad_row_still_refuses_everything(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    path = write(tmp_path / "f.csv", f"1,区级领导,{YAN},,好\n2,区级领导,门头沟,,好\n")
    refused = cli("ballots", "import", session, path)
    assert refused.code == 2 and "is not a unit of this meeting" in refused.stderr
    assert stored(session.with_suffix(".db")) == {}


def test_refusal_in_chinese_and_english(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    enter(session.with_suffix(".db"), FORMS[1])
    path = write(tmp_path / "f.csv", f"2,党代表,{YAN},,好\n")
    zh = cli("ballots", "import", session, path, "--lang", "zh")
    assert zh.code == 2
    said = f"测评表 2 在第 1 遍录入中已经录过，但与文件不同：{YAN}：已录为 差，文件中为 好"
    assert f"{path}:2：{said}" in zh.stderr
    assert "整个文件没有导入，数据库未作任何改动" in zh.stderr
    en = cli("ballots", "import", session, path, "--lang", "en")
    assert en.code == 2 and f"{YAN}: entered 差, in the file 好" in en.stderr
    assert "Traceback" not in zh.output + en.output


def test_double_entry_across_two_laptops(cli, tmp_path: Path) -> None:
    """Laptop A types round 1, laptop B (a copy) round 2; B exports, A imports with --entry 2:
    agreeing forms count, the one typed differently is listed and counted nowhere."""
    session = meeting(tmp_path / "a", double=True)
    db = session.with_suffix(".db")
    copy = tmp_path / "b" / "copy.db"
    copy.parent.mkdir()
    shutil.copyfile(db, copy)  # taken before any ballot
    enter(db, *FORMS, entry=1, by="A")
    typed_on_b = (FORMS[0], ("2", "党代表", {YAN: "较好"}), FORMS[2])  # form 2 typed differently
    enter(copy, *typed_on_b, entry=2, by="B")
    out = tmp_path / "b" / "round2.csv"
    assert cli("ballots", "export", copy, "--entry", "2", "-o", out).code == 0
    # Forgetting --entry 2: form 2 conflicts with round 1, the rest are duplicates; the hint
    # names the round.
    forgot = cli("ballots", "import", session, out)
    assert forgot.code == 2
    assert "ballot 2 is already entered in entry round 1" in forgot.stderr
    assert "import it with --entry 2" in forgot.stderr
    done = cli("ballots", "import", session, out, "--entry", "2")
    assert done.code == 0, done.output
    assert "Imported 3 ballot(s) (4 marks)" in done.stdout and "round 2" in done.stdout
    results = json.loads(cli("results", session, "--json").stdout)
    assert results["ballots"]["unconfirmed"] == ["2"]
    assert results["ballots"]["entered"] == 3
    assert results["ballots"]["valid"] == 1  # form 1; form 3 is confirmed but blank
    store = open_session(db, write=False)
    try:
        status = {c.code: c.status for c in ballots.compare_store(store)}
    finally:
        store.close()
    assert status == {"1": "confirmed", "2": "mismatched", "3": "confirmed"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--entry", "2"], "--entry and --entered-by go with --entry-only"),
        (["--entered-by", "B"], "--entry and --entered-by go with --entry-only"),
        (["--entry-only", "--entry", "2"], "does not use double entry"),
        (["--entry-only", "--entry", "3"], None),
    ],
)
def test_run_options_refused_before_the_screen(
    cli, tmp_path: Path, args: list[str], expected: str | None
) -> None:
    session = meeting(tmp_path / "a")
    done = cli("run", session, *args)
    assert done.code == 2, done.output
    if expected:
        assert expected in done.stderr
    assert "Traceback" not in done.output


def test_run_entry_only_refused_in_chinese(cli, tmp_path: Path) -> None:
    session = meeting(tmp_path / "a")
    done = cli("run", session, "--entry", "2", "--lang", "zh")
    assert done.code == 2 and "只能与 --entry-only 一起使用" in done.stderr


def test_an_opinion_that_differs_is_a_conflict_not_a_silent_duplicate(cli, tmp_path: Path) -> None:
    """Same marks, another opinion: the file's text would be lost unseen if it were skipped."""
    (tmp_path / "a").mkdir()
    session = tmp_path / "a" / "m.toml"
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8")
    session.write_text(text.replace("[assessment]", "[assessment]\nopinions = true", 1), "utf-8")
    store = open_session(session, write=True)
    try:
        marks = {(YAN, ITEM): "好", (CHENG, ITEM): "较好"}
        ballots.save(store, code="1", group="区级领导", marks=marks, opinions={YAN: "抓好落实"})
    finally:
        store.close()
    path = tmp_path / "f.csv"
    path.write_text(
        "ballot,group,unit,item,value,opinion\n"
        f"1,区级领导,{YAN},,好,抓好落实\n1,区级领导,{CHENG},,较好,加强队伍建设\n",
        encoding="utf-8",
    )
    refused = cli("ballots", "import", session, path, "--lang", "en")
    assert refused.code == 2, refused.output
    assert "加强队伍建设" in refused.stderr and "f.csv:2–3" in refused.stderr
    skipped = cli("ballots", "import", session, path, "--skip-conflicts", "--lang", "en")
    assert skipped.code == 0 and "1 conflicting ballot(s) not imported" in skipped.stdout
    same = tmp_path / "same.csv"
    same.write_text(
        "ballot,group,unit,item,value,opinion\n"
        f"1,区级领导,{YAN},,好,抓好落实\n1,区级领导,{CHENG},,较好,\n",
        encoding="utf-8",
    )
    dup = cli("ballots", "import", session, same, "--lang", "en")
    assert dup.code == 0 and "Skipped 1 duplicate(s)" in dup.stdout
