"""The results workbook (`export --format xlsx`): the sheet to print and sign, its print setup,
figures equal to `results --json` rounded as SPEC section 6 says, Excel times, the per-ballot
sheet only on request, the per-group anonymity rule, and text that is never a formula."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from datetime import datetime, timedelta
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook import Workbook
from test_minutes import ENTERED_BY, build

from reviewtui import clock
from reviewtui.export import render, results_text, xlsx_results
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, read_minutes
from reviewtui.present import glossary
from reviewtui.store import Store

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v1"
HEAD = xlsx_results.HEAD


@pytest.fixture
def meeting_db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    return build(small_session, fake_clock)


@pytest.fixture
def minutes(meeting_db: Path) -> Minutes:
    store = Store.open_reader(meeting_db)
    try:
        return read_minutes(store)
    finally:
        store.close()


def book_of(minutes: Minutes, *, ballots: bool = False) -> Workbook:
    return load_workbook(io.BytesIO(render(minutes, "xlsx", ballots=ballots)))  # type: ignore[arg-type]


def half_up(value: float, places: str) -> float:
    """SPEC section 6: float noise below 1e-9 removed, then half up."""
    exact = Decimal(repr(value)).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
    return float(exact.quantize(Decimal(places), rounding=ROUND_HALF_UP))


# ------------------------------------------------------------------------------------------------
# Sheets and the sheet to print


def test_sheet_order_and_the_ballots_only_on_request(minutes: Minutes, lang: str) -> None:
    plain = book_of(minutes)
    assert plain.sheetnames == [
        t("export.sheet.results"),
        t("method.title"),  # 计分办法: its own page, so the signed sheet stays one page
        t("chart.sheet"),  # the charts over the figures (no last-year sheet: no previous)
        t("export.sheet.groups"),
        t("export.sheet.timings"),
        t("stats.title"),
        t("export.sheet.about"),
    ]
    assert plain.active.title == t("export.sheet.results")  # opens on the results
    assert plain.sheetnames[0] == ("测评结果" if lang == "zh" else "Results")
    internal = book_of(minutes, ballots=True)
    assert internal.sheetnames == [
        t("export.sheet.results"),
        t("method.title"),  # 计分办法: its own page, so the signed sheet stays one page
        t("chart.sheet"),  # the charts over the figures (no last-year sheet: no previous)
        t("export.sheet.groups"),
        t("export.sheet.ballots_internal"),
        t("export.sheet.timings"),
        t("stats.title"),
        t("export.sheet.about"),
    ]
    sheet = internal[t("export.sheet.ballots_internal")]
    assert ("内部" if lang == "zh" else "internal") in sheet.title
    assert sheet.oddHeader.center.text == t("export.ballots.internal")
    ballots = list(sheet.iter_rows(values_only=True))
    assert ballots[0] == (
        t("export.col.ballot"),
        t("results.col.group"),
        t("export.col.status"),
        "雁翅镇党委",
        "城子街道工委",
        "王平镇党委",
    )
    assert ballots[1] == ("1", "区级领导", t("export.status.valid"), "好", "较好", "好")
    assert [b[0] for b in ballots[1:]] == ["1", "2", "3", "4", "5"]
    assert ballots[5][:3] == ("5", "党代表", t("export.status.invalid"))
    every_cell = [
        str(value)
        for ws in internal.worksheets
        for row in ws.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert not any(ENTERED_BY in value for value in every_cell)


def test_results_sheet_to_print_and_sign(minutes: Minutes, lang: str) -> None:
    sheet = book_of(minutes)[t("export.sheet.results")]
    # The title rows: the meeting, then the results and the date; merged across the table.
    assert sheet["A1"].value == "测试用述职评议考核会"
    assert sheet["A2"].value == t("export.results.subtitle", date=_long_date(lang))
    merged = {str(r) for r in sheet.merged_cells.ranges}
    columns = xlsx_results.columns(minutes)
    last = chr(ord("A") + len(columns) - 1)
    assert {f"A1:{last}1", f"A2:{last}2"} <= merged
    # No day-to-day score in this plan: no 日常考核 column at all.
    assert glossary.DAILY not in columns
    rows = list(sheet.iter_rows(min_row=HEAD, values_only=True))
    assert list(rows[0][: len(columns)]) == glossary.header(columns)
    assert [(r[0], r[1], r[columns.index(glossary.LEVEL)]) for r in rows[1:4]] == [
        (1, "城子街道工委", "好"),
        (2, "雁翅镇党委", "较好"),
        (3, "王平镇党委", "一般"),
    ]
    numeric = [i for i, col in enumerate(columns) if col.numeric]
    for row in rows[1:4]:  # numbers as numbers (90.0 reads back as the int 90)
        assert all(isinstance(row[i], int | float) for i in numeric), row
    final = columns.index(glossary.FINAL) + 1
    rate = columns.index(glossary.GOOD_RATE) + 1
    assert sheet.cell(HEAD + 1, final).value == pytest.approx(90.0)
    assert sheet.cell(HEAD + 1, final).number_format == "0.00"
    assert sheet.cell(HEAD + 1, columns.index(glossary.COMPOSITE) + 1).number_format == "0.00"
    assert sheet.cell(HEAD + 1, rate).number_format == "0.0%"
    assert sheet.cell(HEAD, 1).border.bottom.style == "thin"
    assert sheet.cell(HEAD + 3, final).border.left.style == "thin"

    # Print setup: landscape A4, figures and signatures on one page, centred (issue 26, 5).
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows is None
    assert sheet.print_options.horizontalCentered
    assert sheet.freeze_panes == f"A{HEAD + 1}"
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert minutes.sha256 in sheet.oddFooter.left.text

    # The forms per group, from column B, and the total; invalid = returned - valid.
    texts = _texts(sheet)
    forms_row = next(r for r, v in texts.items() if t("minutes.issued") in v)
    assert texts[forms_row][:5] == [
        t("minutes.group"),
        t("minutes.issued"),
        t("minutes.returned"),
        t("minutes.valid"),
        t("minutes.invalid"),
    ]
    assert sheet.cell(forms_row, 1).value is None
    forms = [[sheet.cell(forms_row + k, c).value for c in range(2, 7)] for k in (1, 2, 3)]
    assert forms == [
        ["区级领导", 3, 2, 2, 0],
        ["党代表", 5, 3, 2, 1],
        [t("export.results.total"), 8, 5, 4, 1],
    ]
    # The signature line, merged, under everything; nothing below it.
    sign_row = sheet.max_row
    assert sheet.cell(sign_row, 1).value == t("export.results.signatures")
    for word in ("计票人", "监票人", "负责人") if lang == "zh" else ("Counted by", "Scrutineer"):
        assert word in sheet.cell(sign_row, 1).value
    assert f"A{sign_row}:{last}{sign_row}" in merged


def test_a_big_meeting_signs_every_page(tmp_path: Path) -> None:
    """More units than fit one page: one page wide, the header and the signature line on every
    printed page (the footer), the date's blanks kept whole on their own line."""
    from reviewtui.i18n import set_lang
    from reviewtui.plan import loads

    set_lang("zh")
    units = "".join(
        f'[[units]]\nname = "单位{n:02d}"\nreporter = "书记{n:02d}"\nmode = "written"\n\n'
        for n in range(xlsx_results.ONE_PAGE_UNITS + 5)
    )
    text = (
        '[meeting]\ntitle = "大会"\ndate = "2017-02-24"\n\n[[leaders]]\nname = "区委书记"\n\n'
        '[[groups]]\nname = "党代表"\nweight = 1.0\nissued = 3\n\n' + units
    )
    store = Store.create(tmp_path / "big.db", loads(text, "big.toml"))
    sheet = load_workbook(io.BytesIO(render(read_minutes(store), "xlsx")))["测评结果"]
    store.close()
    assert int(sheet.page_setup.fitToHeight) == 0 and sheet.print_title_rows == f"${HEAD}:${HEAD}"
    footer = sheet.oddFooter.center.text
    assert "计票人" in footer and "负责人" in footer and "日期" in footer and "&P" in footer
    sign = sheet.cell(sheet.max_row, 1).value
    assert sign.splitlines()[1].endswith("日期：　　　　年　　月　　日")


def test_no_note_sets_a_column_width(minutes: Minutes) -> None:
    """Notes (the invalid forms' ids here) are merged across the table, so the rank column stays
    as narrow as its figures and its header."""
    sheet = book_of(minutes)[t("export.sheet.results")]
    (note,) = results_text.invalid_notes(minutes)  # "invalid forms: 1 × nothing scored (5)"
    assert "5" in note
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == note)
    assert any(str(m).startswith(f"A{row}:") for m in sheet.merged_cells.ranges)
    assert sheet.column_dimensions["A"].width <= 10
    assert sheet.cell(row, 1).alignment.wrap_text


def test_provisional_results_say_so_in_the_title(
    small_session: Path, fake_clock: clock.FakeClock
) -> None:
    from reviewtui.assessment import ballots

    db = build(small_session, fake_clock)
    store = Store.open_reader(db)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()
    assert not minutes.results.provisional
    assert t("export.results.provisional_tag") not in str(
        book_of(minutes)[t("export.sheet.results")]["A2"].value
    )
    # Another meeting, one form back of the 8 expected: provisional.
    other = small_session.with_name("other.toml")
    shutil.copy(small_session, other)
    from reviewtui.store import open_session

    store = open_session(other, write=True)
    ballots.save(store, code="1", group="区级领导", marks={("雁翅镇党委", "总体评价"): "好"})
    minutes = read_minutes(store)
    store.close()
    assert minutes.results.provisional
    sheet = book_of(minutes)[t("export.sheet.results")]
    assert str(sheet["A2"].value).endswith(t("export.results.provisional_tag"))
    notes = [str(v) for v in _texts(sheet).values()]
    assert any(t("results.provisional", returned=1, share="50%", expected=8) in n for n in notes)


# ------------------------------------------------------------------------------------------------
# Figures: every score and rate is `results --json`, rounded as SPEC section 6 says


def test_every_figure_equals_results_json_rounded(cli, tmp_path: Path) -> None:
    db = tmp_path / "sample.db"
    shutil.copy(FIXTURES / "sample-v1.db", db)
    shutil.copy(FIXTURES / "sample-v1.toml", tmp_path / "sample.toml")
    shown = cli("results", db, "--json")
    assert shown.code == 0, shown.output
    data = json.loads(shown.stdout)
    out = tmp_path / "out.xlsx"
    assert cli("export", db, "--format", "xlsx", "-o", out, "--lang", "en").code == 0
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[HEAD]]
    col = {
        key: header.index(t(f"results.col.{key}"))
        for key in ("rank", "unit", "final", "composite", "daily", "votes", "good_rate", "level")
    }
    units = data["units"]
    assert len(units) == 15
    rows = list(sheet.iter_rows(min_row=HEAD + 1, max_row=HEAD + len(units), values_only=True))
    for unit, row in zip(units, rows, strict=True):
        assert row[col["unit"]] == unit["unit"] and row[col["rank"]] == unit["rank"]
        for key in ("final", "composite", "daily"):
            assert row[col[key]] == half_up(unit[key], "0.01"), (unit["unit"], key)
        assert row[col["good_rate"]] == pytest.approx(half_up(unit["good_rate"] * 100, "0.1") / 100)
        assert row[col["votes"]] == unit["votes"] and row[col["level"]] == unit["level"]
    # The per-group sheet: every group's votes and score, rounded the same way.
    groups = book[t("export.sheet.groups")]
    head = [c.value for c in groups[1]]
    by_unit = {r[1]: r for r in groups.iter_rows(min_row=2, values_only=True) if r[1]}
    for unit in units:
        row = by_unit[unit["unit"]]
        assert row[head.index(glossary.COMPOSITE.label)] == half_up(unit["composite"], "0.01")
        for name, g in unit["groups"].items():
            assert row[head.index(t("export.col.group_votes", group=name))] == g["votes"]
            score = row[head.index(t("export.col.group_score", group=name))]
            assert score == half_up(g["score"], "0.01"), (unit["unit"], name)
    # The CSV: the ranking, each figure as the text the other outputs show.
    text = cli("export", db, "--format", "csv", "-o", "-", "--lang", "en").stdout
    table = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r[t("results.col.unit")] for r in table] == [u["unit"] for u in units]
    for unit, line in zip(units, table, strict=True):
        for key in ("final", "composite", "daily"):
            assert line[t(f"results.col.{key}")] == f"{half_up(unit[key], '0.01'):.2f}"
        assert line[t("results.col.good_rate")] == f"{half_up(unit['good_rate'] * 100, '0.1')}%"


def test_cells_hold_the_rounded_figure_itself(minutes: Minutes) -> None:
    """Not the raw float under a format: the cell sums and copies what it shows."""
    sheet = book_of(minutes)[t("export.sheet.results")]
    for u, row in zip(
        minutes.results.units, sheet.iter_rows(min_row=HEAD + 1, values_only=True), strict=False
    ):
        final = xlsx_results.columns(minutes).index(glossary.FINAL)
        if u.final is not None:
            assert row[final] == half_up(u.final, "0.01")
            assert repr(row[final]) == repr(round(row[final], 2))


# ------------------------------------------------------------------------------------------------
# Per group, timings


def test_a_group_with_fewer_than_3_forms_shows_no_score(minutes: Minutes, lang: str) -> None:
    sheet = book_of(minutes)[t("export.sheet.groups")]
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    leaders_score = head.index(t("export.col.group_score", group="区级领导"))
    leaders_votes = head.index(t("export.col.group_votes", group="区级领导"))
    reps_score = head.index(t("export.col.group_score", group="党代表"))
    by_unit = {r[1]: r for r in rows[1:] if r[1] in minutes.units}
    # 区级领导 returned 2 forms: votes shown, no score; 党代表 returned 3: its score is there.
    assert minutes.results.groups[0].returned == 2 and minutes.results.groups[1].returned == 3
    assert all(r[leaders_score] is None for r in by_unit.values())
    assert by_unit["雁翅镇党委"][leaders_votes] == 2
    assert by_unit["雁翅镇党委"][reps_score] == pytest.approx(70.0)
    assert sheet.cell(2, reps_score + 1).number_format == "0.00"
    note = t("export.groups.hidden", group="区级领导", returned=2, min=3)
    assert note in _texts(sheet).get(sheet.max_row, [])
    shown_notes = str(list(_texts(sheet).values()))
    assert "党代表" + ("只" if lang == "zh" else " returned") not in shown_notes


def test_timings_are_excel_date_times_and_durations(minutes: Minutes) -> None:
    sheet = book_of(minutes)[t("export.sheet.timings")]
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == sum(len(i.segments) for i in minutes.items)
    report = rows[0]
    values = [c.value for c in report]
    assert values[3:5] == [t("kind.report"), "雁翅镇党委书记"]
    segment = minutes.items[0].segments[0]
    started, ended = report[5], report[6]
    assert isinstance(started.value, datetime) and started.value.tzinfo is None
    # The wall clock of the meeting's own offset (+08:00), not UTC.
    assert started.value == segment.started_at.replace(tzinfo=None)
    assert started.value.hour == 14 and started.is_date
    assert started.number_format == "yyyy-mm-dd hh:mm:ss"
    assert isinstance(ended.value, datetime) and ended.value > started.value
    spoken, paused, planned, over = report[7], report[8], report[9], report[10]
    # 35.5 s spoken shows 0:35, as the minutes show it; 7 s paused, 30 s planned, 5 s over.
    assert spoken.value == timedelta(seconds=35) and spoken.number_format == "[m]:ss"
    assert paused.value == timedelta(seconds=7) and planned.value == timedelta(seconds=30)
    assert over.value == timedelta(seconds=5) and over.number_format == "[m]:ss"
    assert not any(
        isinstance(c.value, str) and re.match(r"\d{4}-\d\d-\d\dT", c.value)
        for row in rows
        for c in row
    )  # no ISO strings


# ------------------------------------------------------------------------------------------------
# Text stays text


def test_a_unit_named_like_a_formula_stays_text(
    small_session: Path, fake_clock: clock.FakeClock
) -> None:
    from reviewtui.assessment import ballots
    from reviewtui.store import open_session

    small_session.write_text(
        small_session.read_text(encoding="utf-8").replace("王平镇党委", "=1+1"), encoding="utf-8"
    )
    store = open_session(small_session, write=True)
    for code, group in (("1", "区级领导"), ("2", "党代表")):
        ballots.save(store, code=code, group=group, marks={("=1+1", "总体评价"): "好"})
    minutes = read_minutes(store)
    store.close()
    data = render(minutes, "xlsx", ballots=True)
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(r"<f[ >]", archive.read(name).decode()), name
    book = load_workbook(io.BytesIO(data))
    found = [
        (ws.title, cell.data_type)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.value == "=1+1"
    ]
    sheets = {title for title, _ in found}
    assert {t("export.sheet.results"), t("export.sheet.groups")} <= sheets
    assert t("export.sheet.ballots_internal") in sheets  # its column header
    assert all(kind == "s" for _, kind in found), found


# ------------------------------------------------------------------------------------------------
# The command line


def test_cli_ballots_option(cli, meeting_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "internal.xlsx"
    result = cli("export", meeting_db, "--format", "xlsx", "--ballots", "-o", out)
    assert result.code == 0, result.output
    assert t("export.sheet.ballots_internal") in load_workbook(out).sheetnames
    plain = tmp_path / "plain.xlsx"
    assert cli("export", meeting_db, "--format", "xlsx", "-o", plain).code == 0
    assert t("export.sheet.ballots_internal") not in load_workbook(plain).sheetnames
    refused = cli("export", meeting_db, "--format", "csv", "--ballots", "-o", tmp_path / "x.csv")
    assert refused.code == 2
    assert "--ballots" in refused.stderr and "Traceback" not in refused.output
    assert not (tmp_path / "x.csv").exists()


# ------------------------------------------------------------------------------------------------


def _texts(sheet: object) -> dict[int, list[str]]:
    """Each row's text cells, by row number."""
    out: dict[int, list[str]] = {}
    for row in sheet.iter_rows():  # type: ignore[attr-defined]
        cells = [c.value for c in row if isinstance(c.value, str)]
        if cells:
            out[row[0].row] = cells
    return out


def _long_date(lang: str) -> str:
    return "2017年2月24日" if lang == "zh" else "24 February 2017"
