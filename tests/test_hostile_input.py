"""ISSUE12: session files and ballot files that `check` passed and other commands crashed on,
and files that are not what they seem. Each is refused with a clear message (exit 2) or read
as the person meant it; never a traceback, never a hang."""

from __future__ import annotations

import csv
import os
import time
import zipfile
from pathlib import Path

import pytest

from reviewtui import plan
from reviewtui.assessment import ballots
from reviewtui.assessment.importer import import_file
from reviewtui.errors import UserError
from reviewtui.plan import PlanInvalid
from reviewtui.store import Store

MINIMAL = """[meeting]
title = "会"
date = "2017-02-24"

[[leaders]]
name = "区委书记"

[[groups]]
name = "甲"

[[units]]
name = "甲镇党委"
commenter = "区委书记"
"""


def errors_of(text: str) -> dict[str, plan.PlanError]:
    with pytest.raises(PlanInvalid) as info:
        plan.loads(text, "s.toml")
    return {e.key: e for e in info.value.errors}


def test_full_width_digits_read_as_digits(cli, tmp_path: Path) -> None:
    text = MINIMAL.replace(
        'date = "2017-02-24"', 'date = "２０１７-０２-２４"\nstart = "１４：３０"'
    )
    text = text.replace('name = "甲镇党委"', 'name = "甲镇党委"\nreport = "１０:００"')
    p = plan.loads(text)
    assert (p.meeting.date, p.meeting.start, p.units[0].report) == ("2017-02-24", "14:30", 600)
    path = tmp_path / "fw.toml"
    path.write_text(text, "utf-8")
    result = cli("check", path)
    assert result.code == 0, result.output
    assert "14:30" in result.stdout


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("[timing]\nreport = 99999999999999999", "timing.report"),
        ('[timing]\nreport = "99999999999999999999999"', "timing.report"),
        ('[timing]\nquestion = "25:00:00"', "timing.question"),
        ('[[groups]]\nname = "乙"\nweight = 1e308', "groups[1].weight"),
        ('[[groups]]\nname = "乙"\nweight = inf', "groups[1].weight"),
        ('[[groups]]\nname = "乙"\nweight = nan', "groups[1].weight"),
        ('[[groups]]\nname = "乙"\nissued = 99999999999999999999', "groups[1].issued"),
        ('[assessment]\nitems = [{ name = "甲", weight = 1e308 }]', "assessment.items[0].weight"),
        ('[assessment]\nitems = [{ name = "甲", max = 1e308 }]', "assessment.items[0].max"),
        ("[assessment]\ntrim = 10000000000000000000000", "assessment.trim"),
        ('[assessment]\nscale = [{ grade = "好", points = 1e308 }]', "assessment.scale[0].points"),
    ],
)
def test_huge_and_infinite_numbers_are_refused_with_their_key(
    line: str, key: str, lang: str
) -> None:
    found = errors_of(MINIMAL + "\n" + line + "\n")
    assert key in found, found
    assert found[key].line is not None
    assert "nan" not in found[key].message.lower() or "nan" in line


def test_far_dates_are_refused_and_the_planned_end_never_overflows(cli, tmp_path: Path) -> None:
    found = errors_of(
        MINIMAL.replace("2017-02-24", "9999-12-31") + '\n[timing]\nreport = "23:59:59"\n'
    )
    assert set(found) == {"meeting.date"}
    latest = plan.loads(
        MINIMAL.replace("2017-02-24", "2999-12-31").replace(
            'title = "会"', 'title = "会"\nstart = "23:59"'
        )
        + '\n[timing]\nreport = "24:00:00"\ncomment = "24:00:00"\n'
    )
    assert latest.planned_end() is not None
    path = tmp_path / "late.toml"
    path.write_text(
        MINIMAL.replace('title = "会"', 'title = "会"\nstart = "23:59"').replace(
            "2017-02-24", "2999-12-31"
        ),
        "utf-8",
    )
    assert cli("check", path).code == 0


def test_a_toml_nested_thousands_deep_is_refused_with_the_file(cli, tmp_path: Path) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(MINIMAL + "x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    result = cli("check", path)
    assert result.code == 2, result.output
    assert str(path) in result.output and "Traceback" not in result.output
    path.write_text(MINIMAL + "x = " + "1" * 5000 + "\n", "utf-8")  # past int() limits
    result = cli("check", path)
    assert result.code == 2 and str(path) in result.output, result.output


def test_control_characters_are_refused_with_line_and_key(lang: str) -> None:
    text = MINIMAL.replace('title = "会"', 'title = "会\\u001b]0;pwned\\u0007"')
    found = errors_of(text)
    assert set(found) == {"meeting.title"}
    assert found["meeting.title"].line == 2
    assert "U+001B" in found["meeting.title"].message


def test_names_that_look_the_same_are_the_same_name() -> None:
    for twin in ["甲镇\u200b党委", "甲镇党委 ", "\u3000甲镇党委\u3000"]:
        text = MINIMAL + f'\n[[units]]\nname = "{twin}"\n'
        assert "units[1].name" in errors_of(text), twin
    text = MINIMAL + '\n[[units]]\nname = "乙镇 党委"\n\n[[units]]\nname = "乙镇  党委"\n'
    assert "units[2].name" in errors_of(text)
    text = (
        MINIMAL.replace("(", "(") + '\n[[units]]\nname = "乙(镇)"\n\n[[units]]\nname = "乙(镇)"\n'
    )
    assert "units[2].name" in errors_of(text)
    nfd = "\u0041\u030a"  # Å decomposed
    text = MINIMAL + f'\n[[units]]\nname = "{nfd}"\n\n[[units]]\nname = "\u00c5"\n'
    assert "units[2].name" in errors_of(text)


def test_references_resolve_to_the_spelling_they_name() -> None:
    text = MINIMAL.replace('commenter = "区委书记"', 'commenter = "区委书记\u200b "')
    text = text.replace(
        'name = "甲"', 'name = "甲"\n\n[[representatives]]\nname = "代表"\ngroup = "甲 "'
    )
    p = plan.loads(text)
    assert p.units[0].commenter == "区委书记"
    assert p.representatives[0].group == "甲"


def test_text_is_folded_and_invisible_characters_dropped() -> None:
    p = plan.loads(MINIMAL.replace('title = "会"', 'title = "  会\\t议\u200b  一 "'))
    assert p.meeting.title == "会 议 一"


def test_overlong_text_is_refused() -> None:
    found = errors_of(MINIMAL.replace('name = "甲镇党委"', f'name = "{"甲" * 101}"'))
    assert "units[0].name" in found


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ('[timing]\nwarn = "1:00"\nquestion = "1:00"', "timing.warn"),
        (
            '[[units]]\nname = "乙镇党委"\ndaily = 90',
            "units[1].daily",
        ),  # the unit whose daily score counts for nothing
        ('[assessment]\nveto = { grades = ["差"], share = 0 }', "assessment.veto.share"),
    ],
)
def test_warnings_print_on_check_and_do_not_fail_it(
    cli, tmp_path: Path, extra: str, key: str
) -> None:
    text = MINIMAL + "\n" + extra + "\n"
    if "warn" not in extra:
        text += '\n[timing]\nwarn = "0:05"\nquestion = "1:00"\n'
    path = tmp_path / "w.toml"
    path.write_text(text, "utf-8")
    assert [w.key for w in plan.load(path).warnings] == [key]
    result = cli("check", path)
    assert result.code == 0, result.output
    assert "warning" in result.stdout and key in result.stdout


def test_the_sample_sessions_warn_only_where_meant() -> None:
    root = Path(__file__).resolve().parent.parent / "sessions"
    for path in root.glob("*.toml"):
        assert {w.key for w in plan.load(path).warnings} <= {"timing.warn"}


# ------------------------------------------------------------------------------------------------
# Files that are not what they seem


def special_files(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    return [fifo, zero, folder]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_session_file_that_is_not_a_regular_file_is_refused_before_reading(
    cli, tmp_path: Path
) -> None:
    big = tmp_path / "big.toml"
    big.write_text(MINIMAL + "#" * (2 * 1024 * 1024) + "\n", "utf-8")
    for path in [*special_files(tmp_path), big]:
        started = time.monotonic()
        result = cli("check", path)
        assert result.code == 2, (path, result.output)
        assert str(path) in result.output
        assert time.monotonic() - started < 30  # did not hang on the FIFO or read /dev/zero


@pytest.fixture
def store(small_session: Path):
    from reviewtui.store import open_session

    opened = open_session(small_session, write=True)
    yield opened
    opened.close()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_ballot_file_that_is_not_a_regular_file_is_refused(store: Store, tmp_path: Path) -> None:
    for path in special_files(tmp_path):
        csv_path = path.with_suffix(".csv")
        path.rename(csv_path)
        with pytest.raises(UserError) as info:
            import_file(store, csv_path)
        assert str(csv_path) in str(info.value)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    chunk = b"0" * (1024 * 1024)
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(210):
            member.write(chunk)
    assert path.stat().st_size < 3 * 1024 * 1024
    before = store.content_sha256()
    with pytest.raises(UserError) as info:
        import_file(store, path)
    assert "MB" in str(info.value) and str(path) in str(info.value)
    assert store.content_sha256() == before


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


HEADER = ["ballot", "group", "unit", "item", "value"]


def test_a_ballot_id_of_thousands_of_digits_is_refused_not_converted(
    store: Store, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "b.csv", [HEADER, ["9" * 4301, "区级领导", "雁翅镇党委", "", "好"]])
    with pytest.raises(UserError) as info:
        import_file(store, path)
    assert f"{path}:2" in str(info.value) and "32" in str(info.value)
    with pytest.raises(UserError):
        ballots.save(store, code="9" * 4301, group="区级领导", marks={})
    assert ballots.next_code(store) == "1"


def test_a_ballot_id_with_a_control_character_is_refused_with_its_line(
    store: Store, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "b.csv", [HEADER, ["7\x1b[2J", "区级领导", "雁翅镇党委", "", "好"]])
    with pytest.raises(UserError) as info:
        import_file(store, path)
    assert f"{path}:2" in str(info.value)
    assert "\x1b" not in str(info.value)


def test_a_formula_as_ballot_id_is_just_text(store: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "b.csv", [HEADER, ["=1+1", "区级领导", "雁翅镇党委", "", "好"]])
    import_file(store, path)
    assert [b.code for b in ballots.load(store)] == ["=1+1"]


def test_names_in_a_ballot_file_match_however_they_are_spaced(store: Store, tmp_path: Path) -> None:
    rows = [HEADER, ["０７", " 区级领导\u200b", " 雁翅镇党委\u200b ", "", "１"]]
    import_file(store, write_csv(tmp_path / "b.csv", rows))
    (ballot,) = ballots.load(store)
    assert (ballot.code, ballot.group) == ("7", "区级领导")
    assert dict(ballot.marks) == {("雁翅镇党委", "总体评价"): "好"}


def test_unknown_values_are_quoted_harmlessly(store: Store, tmp_path: Path) -> None:
    rows = [HEADER, ["1", "区级领导", "雁\x1b]0;x\x07镇" + "长" * 500, "", "\x1b[31m好"]]
    with pytest.raises(UserError) as info:
        import_file(store, write_csv(tmp_path / "b.csv", rows))
    said = str(info.value)
    assert "\x1b" not in said and "\x07" not in said
    assert len(said) < 1000
