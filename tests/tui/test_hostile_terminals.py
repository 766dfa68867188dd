"""Hostile terminals (issue 7): resizing while a timer runs, a 60x20 terminal on every screen,
very long Chinese names, and 500 questions on one unit. No crash, no broken layout.

The pilot tests check what a person would see: the countdown still shows the right time, every
key of the footer is on screen, long names are cut with "…" where they are cut, the columns
that matter stay in view. The snapshots (plain `def` tests, fake clock frozen, cursor blink off)
keep the layouts as they were looked at: the live screen at 60x20 with a running timer, the agenda
at 60x20, the agenda and live screens with the long names at 80x24, and the live screen with 500
questions scrolled to the end at 120x40.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, Digits

from reviewtui import clock, i18n
from reviewtui.clock import format_countdown, format_duration
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.present import glossary
from reviewtui.store import Store, open_session
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.ballots import BallotGrid, BallotScreen
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.results import ResultsScreen
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.countdown import BigTime, Countdown
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.records import RecordList

from ._live_support import SIZE, make_app, open_first, start, type_text

# sessions/small.toml: report 0:30, question 0:10, answer 0:20, comment 0:20, warn 0:10.
REPORT, WARN = 30, 10

# The meeting keys of SPEC 5, by their footer descriptions: every one must be on screen.
LIVE_KEYS = (
    "kind.report",
    "kind.question",
    "kind.answer",
    "kind.comment",
    "live.key.pause",
    "live.key.end",
    "live.key.next",
    "live.key.back",
)

# -- helpers -------------------------------------------------------------------------------------


def screen_lines(app) -> list[str]:
    """What the terminal shows, line by line (the screen as composed, dialogs over it)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def assert_whole(app) -> None:
    """Nothing runs off the terminal: every line fits, and every key of the footer is in view."""
    width, height = app.size
    lines = screen_lines(app)
    assert len(lines) == height
    assert all(cell_len(line) == width for line in lines), [cell_len(x) for x in lines]
    screen = app.screen.region
    bars = list(app.screen.query(KeyBar))
    if not isinstance(app.screen, SegmentDialog):  # a dialog's own screen has no footer
        assert bars, "no footer"
    for bar in bars:
        assert screen.contains_region(bar.region), (bar.id, bar.region, screen)
        assert bar.fits(), bar.id  # every key in view, none cut


async def settle(pilot, countdown: Countdown, expected: str) -> None:
    """Wait (2 s at most: the screen looks at the clock every 0.25 s) for `expected`."""
    for _ in range(40):
        if countdown.time_text == expected:
            break
        await pilot.pause(0.05)


def shown_digits(countdown: Countdown) -> str:
    """The digits on screen: the block font on tall terminals, else the 3-row digits."""
    if countdown.has_class("-tall"):
        big = countdown.query_one("#count-big", BigTime)
        assert big.display
        return big.value
    digits = countdown.query_one("#count-digits", Digits)
    assert digits.display
    return digits.value


# -- resizing while a timer runs -----------------------------------------------------------------

# Sizes the terminal goes through while the report runs (each after 5 more seconds): past the
# warning at 0:10 left and into overtime at 0:30.
RESIZES = [(60, 20), (80, 24), (200, 60), (60, 20), (120, 40), (200, 60), (80, 24), (60, 20)]


async def test_resizing_while_a_report_runs_keeps_the_right_time(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        countdown = app.screen.query_one(Countdown)
        elapsed = 0
        for width, height in RESIZES:
            fake_clock.advance(5)
            elapsed += 5
            await pilot.resize_terminal(width, height)
            expected = format_countdown(REPORT - elapsed)
            await settle(pilot, countdown, expected)
            assert isinstance(app.screen, LiveScreen)
            assert app.size == (width, height)
            assert countdown.time_text == expected, (width, height)
            assert shown_digits(countdown) == expected, (width, height)
            assert countdown.has_class("-tall") == (height >= 30)
            left = REPORT - elapsed
            warn = clock.warn_at(30, WARN)  # the small session's 0:30 report
            state = "over" if left <= 0 else ("warn" if left <= warn else "running")
            assert countdown.state == state
            text = screen_text(app)
            assert t("live.used", time=format_duration(elapsed)) in text
            assert t(f"live.state.{state}") in text
            assert app.screen.region.contains_region(countdown.region)
            for key in LIVE_KEYS:
                assert t(key) in text, (key, width, height)
            assert_whole(app)
        # the report is still the one running, its time counted from its start
        running = Meeting(small_store).running()
        assert running is not None and running.kind == "report"
        assert running.elapsed() == elapsed


# -- a 60x20 terminal ----------------------------------------------------------------------------


async def test_a_60x20_terminal_shows_every_screen_whole(small_store, fake_clock, lang):
    app = make_app(small_store)
    async with app.run_test(size=(60, 20)) as pilot:
        await start(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert_whole(app)
        assert "雁翅镇党委" in screen_text(app)

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("r")
        fake_clock.advance(12)
        countdown = app.screen.query_one(Countdown)
        await settle(pilot, countdown, "0:18")
        assert shown_digits(countdown) == "0:18"
        text = screen_text(app)
        for key in LIVE_KEYS:
            assert t(key) in text, key
        assert t("live.state.running") in text
        assert_whole(app)

        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)
        await type_text(pilot, "zjg")
        assert "党代表 张建国" in screen_text(app)
        box = app.screen.query_one("#dialog-box")
        assert app.screen.region.contains_region(box.region)
        assert_whole(app)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("escape")  # back to the agenda
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BallotScreen)
        await pilot.press("1", "2")
        await pilot.pause()
        grid = app.screen.query_one(BallotGrid)
        text = screen_text(app)
        assert "总体评价" in text  # the item's column and its marks stay in view
        assert "较好" in text
        assert app.screen.region.contains_region(grid.region)
        assert_whole(app)
        await pilot.press("escape", "escape")  # the second escape discards the unsaved ballot
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        ranking = app.screen.query_one("#results-ranking", DataTable)
        assert ranking.row_count == 3
        # a name wider than the narrow unit column wraps onto a second line, never cut; the
        # last unit is a scroll away
        await pilot.press("down", "down")
        await pilot.pause()
        assert "王平镇党" in screen_text(app)
        assert "…" not in "".join(str(cell) for cell in ranking.get_row("王平镇党委"))
        assert_whole(app)


# -- very long Chinese names ---------------------------------------------------------------------

# Forty characters each: a unit, its reporter, its topic, the commenting leader, a representative.
UNIT = "北京市门头沟区永定镇党委暨所属各村社区和非公有制经济组织党组织联合工作委员会一支"
UNIT2 = "北京市门头沟区永定镇党委暨所属各村社区和非公有制经济组织党组织联合工作委员会二支"
REPORTER = "北京市门头沟区永定镇党委书记兼所属各村社区和非公有制经济组织联合党委书记同志本人"
TOPIC = "以党建引领基层治理创新推动城乡结合部村庄社区化管理全面覆盖的实践探索与体会总结篇"
LEADER = "中共北京市门头沟区委员会常务委员会委员兼区委组织部部长和区委党校校长主持全面工作"
REPRESENTATIVE = "中国共产党北京市门头沟区第四次代表大会代表永定镇冯村社区党总支部书记张建国老同志"
GROUP = "中国共产党北京市门头沟区第四次代表大会代表"
TITLE = (
    "北京市门头沟区2016年度全区镇(街)、系统党(工)委书记抓基层党建工作述职评议考核会"
    "暨基层党建工作推进会"
)

LONG_TOML = f"""
[meeting]
title = "{TITLE}"
date = "2017-02-24"
start = "14:30"

[timing]
report = "5:00"
question = "1:00"
answer = "2:00"
comment = "3:00"
warn = "1:00"

[[leaders]]
name = "{LEADER}"

[[groups]]
name = "{GROUP}"

[[representatives]]
name = "{REPRESENTATIVE}"
group = "{GROUP}"

[[units]]
name = "{UNIT}"
reporter = "{REPORTER}"
commenter = "{LEADER}"
topic = "{TOPIC}"

[[units]]
name = "{UNIT2}"
reporter = "{REPORTER}"
mode = "written"
"""


def test_the_long_names_are_forty_characters():
    for name in (UNIT, UNIT2, REPORTER, TOPIC, LEADER, REPRESENTATIVE):
        assert len(name) == 40, name


@pytest.fixture
def long_store(tmp_path: Path, fake_clock, lang):
    """The long-named meeting with its report over time, a long question answered, and the
    leader's comment running (made in the test's language: it names the default agenda items)."""
    path = tmp_path / "long.toml"
    path.write_text(LONG_TOML, encoding="utf-8")
    store = open_session(path, write=True)
    meeting = Meeting(store)
    meeting.open_item(meeting.items()[0].id)
    meeting.start_report()
    fake_clock.advance(301)
    meeting.start_question(REPRESENTATIVE, "村庄社区化管理怎样" * 8 + "?")
    fake_clock.advance(41)
    meeting.start_answer()
    fake_clock.advance(100)
    meeting.start_comment(text=TOPIC)
    fake_clock.advance(30)
    yield store
    store.close()


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_long_chinese_names_are_cut_not_spilled(long_store, fake_clock, lang, size):
    app = make_app(long_store)
    async with app.run_test(size=size) as pilot:
        await start(pilot)
        assert isinstance(app.screen, LiveScreen)  # the comment is running
        lines = screen_lines(app)
        assert lines[0].startswith(" 北京市门头沟区") and "…" in lines[0]  # the title, cut
        assert "…" in lines[1] and lines[1].strip().startswith(UNIT[:10])  # the item line
        assert t("live.state.running") in screen_text(app)  # the long phase leaves room for it
        assert t("kind.comment") + " · 中共北京市" in screen_text(app)
        assert_whole(app)
        records = app.screen.query_one(RecordList)
        assert records.option_count == 4

        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "zjg")
        dialog = app.screen
        assert isinstance(dialog, SegmentDialog)
        assert dialog.resolved() == REPRESENTATIVE
        lines = screen_lines(app)
        offered = next(x for x in lines if x.strip(" │").startswith("中国共产党"))
        assert "…" in offered  # the name offered is cut, not wrapped out of its one row
        resolved = next(x for x in lines if t("dialog.will_record").strip() in x)
        assert "中国共产党北京市" in resolved and "…" in resolved  # shown, cut, not wrapped away
        assert_whole(app)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        text = screen_text(app)
        assert UNIT[:3] in text and "…" in text
        assert t("agenda.status.written") in text
        assert_whole(app)

        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BallotScreen)
        assert "总体评价" in screen_text(app)  # the grade column is not pushed out of view
        await pilot.press("1")
        await pilot.pause()
        assert "好" in screen_text(app).split("总体评价", 1)[1]
        assert_whole(app)
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        header = next(x for x in screen_lines(app) if t("results.col.rank") in x)
        # the scores are not pushed out of view by the name (at 60 columns the last ones are
        # reached with →, as in any table wider than the terminal)
        wanted = glossary.RANKING if size[0] >= 80 else (glossary.FINAL,)
        for column in wanted:
            assert column.label in header, column.id
        assert_whole(app)


# -- 500 questions on one unit -------------------------------------------------------------------

QUESTIONS = 500


def ask_500(store: Store, clock) -> None:
    """雁翅镇党委 reports, then 500 questions, each answered; the last answer ended."""
    meeting = Meeting(store)
    meeting.open_item(meeting.items()[0].id)
    meeting.start_report()
    clock.advance(28)
    askers = ("党代表 张建国", "党代表 李秀英", "区委书记", "[b]杨丽华[/b]")
    for number in range(1, QUESTIONS + 1):
        meeting.start_question(askers[number % len(askers)], f"第 {number} 个问题:怎样落实?")
        clock.advance(5 + number % 11)
        meeting.start_answer()
        clock.advance(10 + number % 17)
    meeting.end_segment()


@pytest.fixture
def store_500(small_store, fake_clock) -> Store:
    ask_500(small_store, fake_clock)
    return small_store


async def test_500_questions_scroll_to_the_last(store_500):
    segments = Meeting(store_500).segments()
    assert sum(s.kind == "question" for s in segments) == QUESTIONS
    app = make_app(store_500)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert isinstance(app.screen, LiveScreen)
        records = app.screen.query_one(RecordList)
        assert records.option_count == 2 * QUESTIONS + 1
        await pilot.press("home")
        await pilot.pause()
        assert records.highlighted == 0 and records.scroll_y == 0
        assert "第 1 个问题" in screen_text(app)
        for _ in range(5):
            await pilot.press("pagedown")
        await pilot.pause()
        assert 0 < records.highlighted < 2 * QUESTIONS
        assert records.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert records.highlighted == 2 * QUESTIONS
        assert records.scroll_y == records.max_scroll_y
        text = screen_text(app)
        assert f"第 {QUESTIONS} 个问题" in text  # the last question, and its answer below it
        last = segments[-1]
        assert f"{last.started_at:%H:%M:%S}  {t('kind.answer')}" in text
        assert "[b]杨丽华[/b]" in text  # a name is never read as markup
        assert_whole(app)


# -- snapshots -----------------------------------------------------------------------------------


@pytest.fixture
def running_60x20(small_session, fake_clock, lang):
    """雁翅镇党委 reporting, 0:22 into its 0:30 (the warning shows at 0:10 left); the database
    made in the test's language (it names the default agenda items)."""
    store = open_session(small_session, write=True)
    meeting = Meeting(store)
    meeting.open_item(meeting.items()[0].id)
    meeting.start_report()
    fake_clock.advance(22)
    yield store
    store.close()


def test_snapshot_live_60x20_running(snap_compare, running_60x20, lang):
    assert snap_compare(make_app(running_60x20), terminal_size=(60, 20))


def test_snapshot_agenda_60x20(snap_compare, running_60x20, lang):
    assert snap_compare(make_app(running_60x20), terminal_size=(60, 20), press=["escape"])


def test_snapshot_live_long_names_80x24(snap_compare, long_store, lang):
    assert snap_compare(make_app(long_store), terminal_size=(80, 24))


def test_snapshot_agenda_long_names_80x24(snap_compare, long_store, lang):
    assert snap_compare(make_app(long_store), terminal_size=(80, 24), press=["escape"])


def test_snapshot_live_500_questions_at_the_end_120x40(snap_compare, store_500):
    i18n.set_lang("zh")
    press = ["enter", "home", "pagedown", "pagedown", "end"]
    assert snap_compare(make_app(store_500), terminal_size=(120, 40), press=press)
