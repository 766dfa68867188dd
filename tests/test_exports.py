"""Every export format: its content, its SHA-256 line, no rater's name, the CLI and the dialog."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from test_minutes import ENTERED_BY, build

from reviewtui import clock
from reviewtui.export import FORMATS, default_path, export_store, render
from reviewtui.export import common as c
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
        t("minutes.written_units"),
        t("minutes.no_answer"),
    ):
        assert expected in text, expected
    # True durations: 35.5 s of a 30 s report (against its limit), 9 s question, 18 s answer.
    assert t("minutes.against_limit_over", spent="0:35", limit="0:30", over="0:05") in text
    assert t("minutes.item_time") not in text  # a unit's line times its report only
    assert t("minutes.question_head", asker="党代表 张建国", time="0:09") in text
    assert t("minutes.answer_head_by", answerer="雁翅镇党委书记", time="0:18") in text
    assert f"- {t('minutes.present')}{c.colon()}" in text  # 出席: the plan's leaders
    assert f"- {t('minutes.attending')}{c.colon()}党代表" in text  # 列席: the other groups
    assert t("minutes.assessment") in text
    # The ranking: rank, unit, meeting score, day-to-day, final, level.
    assert "| 1    | 城子街道工委 | 90.00" in text
    assert "| 2    | 雁翅镇党委   | 88.00" in text
    assert "较好" in text and "一般" in text
    # The digest: kept out of sight unless asked for.
    assert t("minutes.sha256", sha=minutes.sha256) not in text
    assert text.rstrip().splitlines()[-1] == f"<!-- sha256: {minutes.sha256} -->"
    shown = render(minutes, "md", digest=True)
    assert isinstance(shown, str)
    assert shown.rstrip().splitlines()[-1] == t("minutes.sha256", sha=minutes.sha256)
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
        t("minutes.against_limit_over", spent="0:35", limit="0:30", over="0:05"),
        t("minutes.assessment"),
    ):
        assert expected in text, expected
    reconciliation, ranking = tables[-2:]  # 测评情况 (last): the forms first, then the ranking
    assert ranking[0] == glossary.header()  # the screen's names, in the screen's order
    assert [row[:6] for row in ranking[1:]] == [
        ["1", "城子街道工委", "90.00", "90.00", "—", "好"],
        ["2", "雁翅镇党委", "88.00", "88.00", "—", "较好"],
        ["3", "王平镇党委", "76.00", "76.00", "—", "一般"],
    ]
    assert reconciliation[0][5] == t("minutes.invalid")
    assert reconciliation[1][:6] == ["区级领导", "60%", "3", "2", "2", "0"]
    assert reconciliation[2][:6] == ["党代表", "40%", "5", "3", "2", "1"]
    # The digest is in the properties; a visible line only with `digest`.
    assert minutes.sha256 not in text
    props = Document(io.BytesIO(data)).core_properties  # type: ignore[arg-type]
    assert props.identifier == f"sha256:{minutes.sha256}"
    assert props.comments == t("minutes.sha256", sha=minutes.sha256)
    shown, _ = docx_text(render(minutes, "docx", digest=True))  # type: ignore[arg-type]
    assert shown[-1] == t("minutes.sha256", sha=minutes.sha256)
    assert ENTERED_BY not in text


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
    # No fingerprint line and no page numbers: no newspaper column carries them.
    data = render(minutes, "docx", layout="column", digest=True)
    assert minutes.sha256 not in "\n".join(docx_text(data)[0])  # type: ignore[arg-type]
    doc = Document(io.BytesIO(data))  # type: ignore[arg-type]
    assert "PAGE" not in doc.sections[0].footer._element.xml
    assert doc.core_properties.identifier == f"sha256:{minutes.sha256}"


def test_column_headline_from_topic(sample_session: Path, fake_clock: clock.FakeClock) -> None:
    store = open_session(sample_session, write=True)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()
    paragraphs, _ = docx_text(render(minutes, "docx", layout="column"))  # type: ignore[arg-type]
    assert "雁翅镇党委 用活下派“第一书记”" in paragraphs
    # The banner from `[meeting] headline`, and a 编者按 with its subject, as the seed has them.
    headline = minutes.meeting.headline
    assert headline and headline.replace(" ", "\n") in paragraphs  # a phrase a line
    assert paragraphs[0].startswith(t("minutes.column.editor_note"))
    assert minutes.meeting.organizer is None  # the seed's own subject, then: 我区
    assert t("minutes.column.we") in paragraphs[0]
    # A topic that already names its subject is the headline as it stands.
    assert any(p.endswith("东杨坨村党支部 打造农村社会事务管理新格局") for p in paragraphs)


def test_column_and_notice_name_only_the_units_that_reported(
    sample_session: Path, fake_clock: clock.FakeClock
) -> None:
    """One unit reported, five on-site units never came up: the column carries that one, and
    neither the column's 编者按 nor the notice says six reported."""
    from reviewtui.export.docx_layouts import column_lead
    from reviewtui.meeting import Meeting

    store = open_session(sample_session, write=True)
    try:
        meeting = Meeting(store)
        meeting.next_item()  # 主持人说明议程
        meeting.next_item()  # 雁翅镇党委
        meeting.start_report()
        fake_clock.advance(60)
        meeting.end_segment()
        minutes = read_minutes(store)
    finally:
        store.close()
    assert [i.unit for i in c.reported_onsite(minutes)] == ["雁翅镇党委"]
    paragraphs, _ = docx_text(render(minutes, "docx", layout="column"))  # type: ignore[arg-type]
    assert "雁翅镇党委 用活下派“第一书记”" in paragraphs
    assert not any(p.startswith("军庄镇党委") for p in paragraphs)
    assert column_lead(minutes, 1) in paragraphs[0]
    notice, _ = docx_text(render(minutes, "notice"))  # type: ignore[arg-type]
    opening = next(p for p in notice if "述职" in p or "report" in p.lower())
    assert "6" not in opening.replace("2016", "").replace("2017", "")


# ------------------------------------------------------------------------------------------------
# Excel


# The workbook's sheets, print setup and figures: tests/test_xlsx.py.


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
    assert tables[-1][1][5] == "较好*"  # the ranking, the last table
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
    assert float(report[11]) == 5.5  # 35.5 s spoken of 30: over by 5.5
    for row in body:  # a segment within its time has no overtime, never a negative one
        if row[10] and float(row[8]) <= float(row[10]):
            assert row[11] == ""
    assert any(row[10] and float(row[8]) < float(row[10]) for row in body)
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
    if fmt == "md":  # --digest: the visible line
        shown = cli("export", meeting_db, "--format", fmt, "--digest", "-o", "-")
        assert shown.stdout == render(minutes, fmt, digest=True)
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
    result = cli("export", meeting_db, "--format", "md", "-o", "-", "--lang", "zh", "--digest")
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
