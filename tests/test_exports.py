"""Every export format: its content, its SHA-256 line, no rater's name, the CLI and the dialog."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from test_minutes import ENTERED_BY, build

from reviewtui import clock
from reviewtui.export import FORMATS, default_path, export_store, render
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, read_minutes, to_json
from reviewtui.present import glossary
from reviewtui.store import Store, open_session


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


def docx_text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    doc = Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    return paragraphs, tables


# ------------------------------------------------------------------------------------------------
# Markdown


def test_md_minutes(minutes: Minutes, lang: str) -> None:
    text = render(minutes, "md")
    assert isinstance(text, str)
    for expected in (
        "测试用述职评议考核会",
        "雁翅镇党委",
        "城子街道工委",
        "王平镇党委",
        "党代表 张建国",
        "第一书记怎样考核?",
        "每周调度,每月汇报",
        "措施有力,成效明显",
        "区委书记",
        "● 定准位,双向发力聚民心。",
        t("minutes.written"),
        t("minutes.no_answer"),
    ):
        assert expected in text, expected
    # True durations against plan: 35.5 s of a 30 s report, 9 s question, 18 s answer.
    assert t("minutes.against_over", spent="0:35", planned="0:30", over="0:05") in text
    assert t("minutes.question_head", asker="党代表 张建国", time="0:09") in text
    assert t("minutes.answer_head", time="0:18") in text
    # The ranking: rank, unit, meeting score, day-to-day, final, level.
    assert "| 1    | 城子街道工委 | 90.00" in text
    assert "| 2    | 雁翅镇党委   | 88.00" in text
    assert "较好" in text and "一般" in text
    assert text.rstrip().splitlines()[-1] == t("minutes.sha256", sha=minutes.sha256)
    assert ENTERED_BY not in text


def test_md_escapes_user_text_but_keeps_it(minutes: Minutes) -> None:
    from reviewtui.export.md import escape

    assert escape("[red]有力[/red]") == "\\[red\\]有力\\[/red\\]"
    assert escape("# 不是标题") == "\\# 不是标题"
    assert escape("1. 不是列表") == "1\\. 不是列表"


# ------------------------------------------------------------------------------------------------
# Word


def test_docx_minutes(minutes: Minutes, lang: str) -> None:
    data = render(minutes, "docx")
    assert isinstance(data, bytes)
    paragraphs, tables = docx_text(data)
    text = "\n".join(paragraphs)
    assert paragraphs[0] == "测试用述职评议考核会"
    for expected in (
        "雁翅镇党委",
        "党代表 张建国",
        "第一书记怎样考核?",
        "每周调度,每月汇报",
        "措施有力,成效明显",
        "主要举措",
        "取得成效",
        "走访党员群众800余户。",
        t("minutes.against_over", spent="0:35", planned="0:30", over="0:05"),
    ):
        assert expected in text, expected
    ranking, reconciliation = tables
    assert ranking[0] == glossary.header()  # the screen's names, in the screen's order
    assert [row[:6] for row in ranking[1:]] == [
        ["1", "城子街道工委", "90.00", "90.00", "—", "好"],
        ["2", "雁翅镇党委", "88.00", "88.00", "—", "较好"],
        ["3", "王平镇党委", "76.00", "76.00", "—", "一般"],
    ]
    assert reconciliation[1][:5] == ["区级领导", "60%", "3", "2", "2"]
    assert paragraphs[-1] == t("minutes.sha256", sha=minutes.sha256)
    assert ENTERED_BY not in text


def test_docx_is_a4_with_chinese_fonts_and_page_numbers(minutes: Minutes) -> None:
    doc = Document(io.BytesIO(render(minutes, "docx")))  # type: ignore[arg-type]
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)

    def east_asia(style: str) -> str | None:
        fonts = doc.styles[style].element.rPr.find(qn("w:rFonts"))
        return fonts.get(qn("w:eastAsia"))

    assert east_asia("Normal") == "仿宋"
    assert east_asia("Heading 1") == "黑体"
    assert east_asia("Title") == "宋体"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer


def test_docx_column_layout(minutes: Minutes) -> None:
    paragraphs, tables = docx_text(render(minutes, "docx", layout="column"))  # type: ignore[arg-type]
    assert tables == []
    assert "雁翅镇党委" in paragraphs
    start = paragraphs.index("雁翅镇党委")
    assert paragraphs[start + 1 : start + 7] == [
        "雁翅镇注重发挥第一书记作用。",
        "主要举措",
        "● 定准位,双向发力聚民心。",
        "● 不缺位,第一书记在行动。",
        "取得成效",
        "走访党员群众800余户。",
    ]
    assert "城子街道工委" in paragraphs  # on-site, no notes: still has its place
    assert "王平镇党委" not in paragraphs  # written units are not in the column
    assert paragraphs[-1] == t("minutes.sha256", sha=minutes.sha256)


def test_column_headline_from_topic(sample_session: Path, fake_clock: clock.FakeClock) -> None:
    store = open_session(sample_session, write=True)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()
    paragraphs, _ = docx_text(render(minutes, "docx", layout="column"))  # type: ignore[arg-type]
    assert "雁翅镇党委 用活下派“第一书记”" in paragraphs
    # A topic that already names its subject is the headline as it stands.
    assert any(p.endswith("东杨坨村党支部 打造农村社会事务管理新格局") for p in paragraphs)


# ------------------------------------------------------------------------------------------------
# Excel


def test_xlsx_results(minutes: Minutes, lang: str) -> None:
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))  # type: ignore[arg-type]
    assert book.sheetnames == [
        t("export.sheet.results"),
        t("export.sheet.groups"),
        t("export.sheet.ballots"),
        t("export.sheet.timings"),
        t("stats.title"),
        t("export.sheet.about"),
    ]
    results = book[t("export.sheet.results")]
    rows = list(results.iter_rows(values_only=True))
    assert list(rows[0][:9]) == glossary.header(glossary.RANKING_FULL)
    assert [(r[0], r[1], r[5]) for r in rows[1:4]] == [
        (1, "城子街道工委", "好"),
        (2, "雁翅镇党委", "较好"),
        (3, "王平镇党委", "一般"),
    ]
    for row in rows[1:4]:  # numbers as numbers, not text (90.0 reads back as the int 90)
        assert all(isinstance(row[i], int | float) for i in (0, 2, 3, 6, 7, 8)), row
        assert row[4] is None  # no day-to-day score in this plan: empty, not "—"
    assert rows[1][2] == pytest.approx(90.0)
    assert results.cell(2, 3).number_format == "0.00"
    assert minutes.sha256 in results.oddFooter.left.text

    groups = list(book[t("export.sheet.groups")].iter_rows(values_only=True))
    assert groups[0][2:6] == (
        t("export.col.group_votes", group="区级领导"),
        t("export.col.group_score", group="区级领导"),
        t("export.col.group_votes", group="党代表"),
        t("export.col.group_score", group="党代表"),
    )
    assert groups[2][1:6] == ("雁翅镇党委", 2, pytest.approx(100.0), 2, pytest.approx(70.0))

    ballots = list(book[t("export.sheet.ballots")].iter_rows(values_only=True))
    assert ballots[0] == (
        t("export.col.ballot"),
        t("export.col.group"),
        t("export.col.status"),
        "雁翅镇党委",
        "城子街道工委",
        "王平镇党委",
    )
    assert ballots[1] == ("1", "区级领导", t("export.status.valid"), "好", "较好", "好")
    assert [b[0] for b in ballots[1:]] == ["1", "2", "3", "4", "5"]
    assert ballots[5][:3] == ("5", "党代表", t("export.status.invalid"))

    timings = list(book[t("export.sheet.timings")].iter_rows(values_only=True))
    assert len(timings) == 1 + sum(len(i.segments) for i in minutes.items)
    assert timings[1][3:6] == ("report", t("kind.report"), "雁翅镇党委书记")
    assert (timings[1][8], timings[1][9], timings[1][10]) == (35.5, 7.0, 30)

    about = dict(book[t("export.sheet.about")].iter_rows(values_only=True))
    assert about["SHA-256"] == minutes.sha256

    every_cell = [
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert not any(ENTERED_BY in value for value in every_cell)


def test_veto_is_starred_and_explained(
    small_session: Path, fake_clock: clock.FakeClock, lang: str
) -> None:
    from reviewtui.assessment import ballots

    with small_session.open("a", encoding="utf-8") as session:
        session.write('\n[assessment.veto]\ngrades = ["一般", "差"]\nshare = 0.25\n')
    store = open_session(small_session, write=True)
    try:
        # 雁翅镇党委: 100 from 区级领导, (100 + 60) / 2 = 80 from 党代表 → 92, best level,
        # but one 一般 in four marks reaches the 25 % veto share → the second level.
        for code, group, grade in [
            ("1", "区级领导", "好"),
            ("2", "区级领导", "好"),
            ("3", "党代表", "好"),
            ("4", "党代表", "一般"),
        ]:
            ballots.save(store, code=code, group=group, marks={("雁翅镇党委", "总体评价"): grade})
        minutes = read_minutes(store)
    finally:
        store.close()
    (unit,) = [u for u in minutes.results.units if u.unit == "雁翅镇党委"]
    assert unit.vetoed and unit.level == "较好"
    text = render(minutes, "md")
    assert "较好*" in text
    assert t(
        "results.vetoed_note", grades="一般、差" if lang == "zh" else "一般, 差", share="25%"
    ) in (text.replace("\\*", "*"))
    paragraphs, tables = docx_text(render(minutes, "docx"))  # type: ignore[arg-type]
    assert tables[0][1][5] == "较好*"
    assert any(p.startswith("* ") for p in paragraphs)


# ------------------------------------------------------------------------------------------------
# CSV and JSON


def test_csv_ranking(minutes: Minutes, lang: str) -> None:
    text = render(minutes, "csv")
    assert isinstance(text, str) and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:9] == glossary.header(glossary.RANKING_FULL)
    assert rows[0][-1] == t("export.col.sha256")
    assert [row[:6] for row in rows[1:]] == [
        ["1", "城子街道工委", "90.00", "90.00", "—", "好"],
        ["2", "雁翅镇党委", "88.00", "88.00", "—", "较好"],
        ["3", "王平镇党委", "76.00", "76.00", "—", "一般"],
    ]
    assert all(r[-1] == minutes.sha256 for r in rows[1:])


def test_csv_timings(minutes: Minutes, lang: str) -> None:
    text = render(minutes, "timings")
    assert isinstance(text, str) and text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == t("export.col.pos")
    assert rows[0][-1] == t("export.col.sha256")
    body = rows[1:]
    assert len(body) == sum(len(i.segments) for i in minutes.items) == 6
    report = body[0]
    assert report[3:6] == ["report", t("kind.report"), "雁翅镇党委书记"]
    assert report[6:8] == ["2017-02-24T14:30:00.000+08:00", "2017-02-24T14:30:42.500+08:00"]
    assert (float(report[8]), float(report[9]), float(report[10])) == (35.5, 7.0, 30.0)
    kinds = [r[3] for r in body]
    assert kinds == ["report", "question", "answer", "question", "comment", "report"]
    assert body[1][12] == "第一书记怎样考核?"
    assert all(r[-1] == minutes.sha256 for r in body)
    assert ENTERED_BY not in text


def test_json_export(minutes: Minutes) -> None:
    text = render(minutes, "json")
    data = json.loads(text)  # type: ignore[arg-type]
    assert data == json.loads(json.dumps(to_json(minutes), ensure_ascii=False))
    assert data["sha256"] == minutes.sha256


def test_every_format_from_the_store_names_no_rater(meeting_db: Path) -> None:
    store = Store.open_reader(meeting_db)
    try:
        for fmt, spec in FORMATS.items():
            for layout in spec.layouts:
                data = export_store(store, fmt, layout=layout)
                if fmt == "docx":
                    paragraphs, tables = docx_text(data)  # type: ignore[arg-type]
                    text = "\n".join(paragraphs) + str(tables)
                elif fmt == "xlsx":
                    book = load_workbook(io.BytesIO(data))  # type: ignore[arg-type]
                    text = str([list(s.iter_rows(values_only=True)) for s in book.worksheets])
                else:
                    text = str(data)
                assert ENTERED_BY not in text, (fmt, layout)
                assert "王秘书" not in text, (fmt, layout)
    finally:
        store.close()


def test_progress_is_reported(minutes: Minutes) -> None:
    for fmt in FORMATS:
        seen: list[tuple[int, int]] = []

        def progress(done: int, total: int, seen: list[tuple[int, int]] = seen) -> None:
            seen.append((done, total))

        render(minutes, fmt, progress=progress)
        assert seen and seen[-1][0] == seen[-1][1], fmt


# ------------------------------------------------------------------------------------------------
# The command line


def test_default_paths(tmp_path: Path) -> None:
    db = tmp_path / "会议.db"
    assert default_path(db, "docx") == tmp_path / "会议-minutes.docx"
    assert default_path(db, "docx", "column") == tmp_path / "会议-column.docx"
    assert default_path(db, "md") == tmp_path / "会议-minutes.md"
    assert default_path(db, "json") == tmp_path / "会议-minutes.json"
    assert default_path(db, "xlsx") == tmp_path / "会议-results.xlsx"
    assert default_path(db, "csv") == tmp_path / "会议-ranking.csv"
    assert default_path(db, "timings") == tmp_path / "会议-timings.csv"


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "timings"])
def test_cli_text_formats_to_stdout(cli, meeting_db: Path, minutes: Minutes, fmt: str) -> None:
    result = cli("export", meeting_db, "--format", fmt, "-o", "-")
    assert result.code == 0, result.output
    assert result.stdout == render(minutes, fmt)
    assert minutes.sha256 in result.stdout
    ext = FORMATS[fmt].ext
    assert not list(meeting_db.parent.glob(f"*.{ext}"))  # nothing written beside the db


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_cli_binary_to_stdout_is_refused(cli, meeting_db: Path, fmt: str) -> None:
    result = cli("export", meeting_db, "--format", fmt, "-o", "-")
    assert result.code == 2
    assert "-o" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_writes_next_to_the_database(cli, meeting_db: Path, fmt: str) -> None:
    result = cli("export", meeting_db, "--format", fmt)
    assert result.code == 0, result.output
    target = default_path(meeting_db, fmt)
    assert target.is_file() and target.stat().st_size > 0
    assert str(target) in result.stdout


def test_cli_column_layout_and_output_path(cli, meeting_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "专栏.docx"
    result = cli("export", meeting_db, "--format", "docx", "--layout", "column", "-o", out)
    assert result.code == 0, result.output
    paragraphs, _ = docx_text(out.read_bytes())
    assert "主要举措" in paragraphs
    folder = tmp_path / "out"
    folder.mkdir()
    result = cli("export", meeting_db, "--format", "md", "-o", folder)
    assert result.code == 0, result.output
    assert (folder / "small-minutes.md").is_file()


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "md", "--layout", "column"),
        ("--format", "docx", "--layout", "poster"),
        ("--format", "pdf"),
    ],
)
def test_cli_bad_requests_exit_2(cli, meeting_db: Path, args: tuple[str, ...]) -> None:
    result = cli("export", meeting_db, *args)
    assert result.code == 2, result.output
    assert "Traceback" not in result.output


def test_cli_toml_without_database_creates_nothing(cli, small_session: Path) -> None:
    result = cli("export", small_session, "--format", "json", "-o", "-")
    assert result.code == 2
    assert not small_session.with_suffix(".db").exists()


def test_cli_exports_beside_a_live_writer(
    cli, small_session: Path, fake_clock: clock.FakeClock
) -> None:
    from reviewtui.meeting import Meeting

    writer = open_session(small_session, write=True)
    try:
        m = Meeting(writer)
        m.next_item()
        m.start_report()
        fake_clock.advance(10)
        result = cli("export", small_session, "--format", "json", "-o", "-")
        assert result.code == 0, result.output
        segment = json.loads(result.stdout)["items"][0]["segments"][0]
        assert (segment["ended_at"], segment["seconds"]) == (None, 10.0)
    finally:
        writer.close()


def test_cli_chinese(cli, meeting_db: Path) -> None:
    result = cli("export", meeting_db, "--format", "md", "-o", "-", "--lang", "zh")
    assert result.code == 0, result.output
    assert "会议记录" in result.stdout and "数据库内容 SHA-256" in result.stdout


# ------------------------------------------------------------------------------------------------
# The dialog


async def test_export_dialog_writes_the_file(meeting_db: Path, tmp_path: Path) -> None:
    from textual.app import App

    from reviewtui.tui.export_dialog import ExportDialog

    store = Store.open_reader(meeting_db)
    written: list[Path | None] = []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ExportDialog(store, fmt="xlsx"), written.append)

    app = Host()
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            dialog = app.screen
            assert isinstance(dialog, ExportDialog)
            from textual.widgets import Input

            path = dialog.query_one("#path", Input)
            assert path.value == str(default_path(meeting_db, "xlsx"))
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert written == [default_path(meeting_db, "xlsx")]
            assert default_path(meeting_db, "xlsx").is_file()
            assert any(str(written[0]) in n.message for n in app._notifications)
    finally:
        store.close()


async def test_export_dialog_reports_an_error(meeting_db: Path, tmp_path: Path) -> None:
    from textual.app import App
    from textual.widgets import Input

    from reviewtui.tui.export_dialog import ExportDialog

    store = Store.open_reader(meeting_db)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ExportDialog(store, fmt="md"))

    app = Host()
    try:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            dialog = app.screen
            dialog.query_one("#path", Input).value = str(tmp_path / "missing" / "x.md")
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is dialog  # still open, to try another path
            assert any(n.severity == "error" for n in app._notifications)
            assert not dialog.has_class("-running")
    finally:
        store.close()
