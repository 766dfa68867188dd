"""The projector (issue 6): a read-only second screen that follows the live meeting.

A writer `Store` + `Meeting` in the test drives the database, as `reviewtui run` would, while the
projector app (a reader) follows it. The clock is a `FakeClock`, so every time shown is exact.
"""

from __future__ import annotations

import math
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewtui import clock, i18n
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.store import Store, open_session
from reviewtui.tui.projector import (
    FONT_HEIGHT,
    Face,
    ProjectorApp,
    View,
    big_lines,
    choose_scale,
    countdown_template,
    next_delay,
    pixel_width,
    read_state,
)

ROOT = Path(__file__).resolve().parents[2]
SESSIONS = ROOT / "sessions"
START = datetime(2017, 2, 24, 14, 30, 0, tzinfo=timezone(timedelta(hours=8)))


# ------------------------------------------------------------------------------------------------
# Fixtures (local: tests/conftest.py belongs to the whole suite)


@pytest.fixture
def fake() -> Iterator[clock.FakeClock]:
    fake = clock.FakeClock(START)
    clock.set_source(fake)
    yield fake
    clock.set_source(None)


def copy_session(folder: Path, name: str = "small.toml") -> Path:
    target = folder / name
    shutil.copyfile(SESSIONS / name, target)
    return target


@pytest.fixture
def small(tmp_path: Path, fake: clock.FakeClock) -> Iterator[Meeting]:
    """The writer of a fresh small meeting: 雁翅镇党委, 城子街道工委 (on-site, 0:30 reports,
    warn 0:10), 王平镇党委 (written), then the assessment."""
    meeting = Meeting(open_session(copy_session(tmp_path), write=True))
    try:
        yield meeting
    finally:
        meeting.store.close()  # a test may have replaced it with a restarted writer


async def look(app: ProjectorApp, pilot) -> View:
    """What the projector shows now (without waiting for its own tick)."""
    app.refresh_view()
    await pilot.pause()
    assert app.view is not None
    return app.view


def item_id(meeting: Meeting, title: str) -> int:
    return next(i.id for i in meeting.items() if i.title == title)


# ------------------------------------------------------------------------------------------------
# The block digits


def test_digits_fill_the_space_they_have() -> None:
    template = countdown_template(300)
    pixels = pixel_width(template)
    small = choose_scale(pixels, 78, 14)
    large = choose_scale(pixels, 118, 30)
    huge = choose_scale(pixels, 300, 80)
    assert small and large and huge
    assert small[0] < large[0] < huge[0]
    for (sx, sy), (width, height) in ((small, (78, 14)), (large, (118, 30)), (huge, (300, 80))):
        lines = big_lines(template, sx, sy)
        assert len(lines) <= height
        assert max(len(line) for line in lines) <= width
        # The next scale up would not fit: the digits are as large as the space allows.
        bigger = big_lines(template, sx + 1, math.ceil((sx + 1) * 3 / 4))
        assert len(bigger[0]) > width or len(bigger) > height


def test_digits_stay_roughly_square_and_fall_back_when_tiny() -> None:
    pixels = pixel_width("-0:00")
    sx, sy = choose_scale(pixels, 200, 200)  # type: ignore[misc]
    assert sx * 3 / 4 <= sy <= sx * 3 / 2
    assert choose_scale(pixels, 20, 10) is None  # narrower than one pixel per column
    assert choose_scale(pixels, 80, 3) is None  # lower than 7 half rows
    assert choose_scale(pixels, 80, 4) == (1, 1)  # 4 rows: the smallest scale


def test_big_lines_draw_the_glyphs() -> None:
    lines = big_lines("8", 1, 1)
    assert len(lines) == (FONT_HEIGHT + 1) // 2
    assert lines[0] == "█▀▀▀█"
    assert big_lines("1", 2, 2) == ["        ██"] * 7


def test_the_template_keeps_the_scale_when_time_runs_out() -> None:
    assert pixel_width(countdown_template(300)) >= pixel_width("-0:59")
    assert countdown_template(30 * 60) == "30:00"


def test_ticks_land_just_after_the_shown_second_turns(small: Meeting, fake) -> None:
    small.next_item()
    small.start_report()
    fake.advance(0.3)
    state = read_state(small.store)
    assert next_delay(state, clock.now()) == pytest.approx(0.5)  # never longer than POLL
    fake.advance(0.5)  # 0.8 s in: the shown second turns 0.2 s from now
    assert next_delay(state, clock.now()) == pytest.approx(0.22)


# ------------------------------------------------------------------------------------------------
# Each state, followed from a writer


async def test_before_the_meeting_starts(small: Meeting) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await look(app, pilot)
        assert view.title == "测试用述职评议考核会"
        assert view.message[1] == t("projector.not_started")
        assert view.time is None
        assert view.next == t("projector.first", item="雁翅镇党委 · 雁翅镇党委书记")
        assert view.mark == "14:30"
        assert app.screen.has_class("-message")


async def test_an_opened_item_shows_the_time_its_speaker_will_have(small: Meeting) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        view = await look(app, pilot)
        assert view.item == "雁翅镇党委"
        assert view.who == f"{t('kind.report')} · 雁翅镇党委书记"
        assert view.time == "0:30"
        assert view.mood == "idle"
        assert view.status == t("projector.ready")
        assert view.next == t("projector.next", item="城子街道工委 · 城子街道工委书记")


async def test_a_running_report_counts_down_in_big_digits(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        view = await look(app, pilot)
        assert (view.item, view.time, view.mood) == ("雁翅镇党委", "0:30", "run")
        assert view.status == t("projector.remaining")
        fake.advance(7.5)
        view = await look(app, pilot)
        assert view.time == "0:23"  # 22.5 s left shows as 0:23 until it is 0:22
        face = app.query_one(Face)
        assert face.scale is not None  # drawn in the block font, not as a line of text
        assert app.screen.has_class("-run")


async def test_the_warning_comes_at_timing_warn_or_a_quarter(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        fake.advance(20)  # 10 s left = timing.warn, but a quarter of 0:30 is shorter
        assert (await look(app, pilot)).mood == "run"
        fake.advance(2.5)  # 7.5 s left
        view = await look(app, pilot)
        assert (view.time, view.mood, view.status) == ("0:08", "warn", t("projector.warn"))
        assert app.screen.has_class("-warn")
        assert not app.screen.has_class("-run")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_overtime_shows_negative_time_and_the_word(small: Meeting, fake, lang) -> None:
    i18n.set_lang(lang)
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        fake.advance(42.2)
        view = await look(app, pilot)
        assert view.time == "-0:12"
        assert view.mood == "over"
        assert view.status == {"zh": "超时", "en": "OVERTIME"}[lang]
        assert app.screen.has_class("-over")


async def test_a_paused_segment_freezes_and_says_so(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        fake.advance(5)
        small.toggle_pause()
        fake.advance(60)
        view = await look(app, pilot)
        assert (view.time, view.mood, view.status) == ("0:25", "paused", t("projector.paused"))
        small.toggle_pause()
        fake.advance(1)
        view = await look(app, pilot)
        assert (view.time, view.mood) == ("0:24", "run")


async def test_each_phase_names_its_speaker(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        small.start_question("党代表 张建国", "问题")
        view = await look(app, pilot)
        assert view.who == f"{t('kind.question')} · 党代表 张建国"
        assert view.time == "0:10"
        small.start_answer()
        assert (await look(app, pilot)).who == f"{t('kind.answer')} · 雁翅镇党委书记"
        small.start_comment()
        view = await look(app, pilot)
        assert view.who == f"{t('kind.comment')} · 区委书记"
        assert view.time == "0:20"


async def test_between_segments_the_next_item_is_shown(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        fake.advance(33)
        small.end_segment()
        fake.advance(20)  # time passing between segments changes nothing shown
        view = await look(app, pilot)
        assert view.time is None
        assert view.message == (t("projector.next_heading"), "城子街道工委", "城子街道工委书记")
        assert view.status == t("projector.segment_done", phase=t("kind.report"), time="0:33") + t(
            "projector.segment_over", time="0:03"
        )


async def test_the_assessment_shows_a_notice(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.next_item()
        assert small.next_item().kind == "assessment"  # the written unit is skipped
        view = await look(app, pilot)
        assert view.message[1] == t("projector.assessment")
        assert view.next == ""
        small.start_report()  # a timer for the forms (no planned time: it counts up)
        fake.advance(65)
        view = await look(app, pilot)
        assert (view.time, view.who, view.status) == ("1:05", "", t("projector.assessment"))


async def test_the_closing_screen(small: Meeting, fake) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        fake.advance(30)
        small.next_item()
        small.start_report()
        fake.advance(30)
        small.next_item()
        fake.advance(600)
        assert small.next_item() is None
        view = await look(app, pilot)
        assert view.message[1:] == (t("projector.closed"), t("projector.thanks"))
        assert view.status == t("projector.duration", time="1:00")


async def test_user_text_is_never_markup(tmp_path: Path, fake) -> None:
    session = copy_session(tmp_path)
    text = session.read_text(encoding="utf-8").replace("雁翅镇党委", "[red]雁翅[/red]镇党委")
    session.write_text(text, encoding="utf-8")
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.next_item()
    meeting.start_question("[b]张[/b]", "")
    app = ProjectorApp(store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await look(app, pilot)
        rendered = app.export_screenshot()
        assert "[red]雁翅[/red]镇党委" in rendered.replace("&#160;", " ")
        assert "[b]张[/b]" in rendered
    store.close()


# ------------------------------------------------------------------------------------------------
# Following: within a second, through a missing file, a replaced file, a killed writer


async def test_follows_within_a_second_on_its_own(small: Meeting) -> None:
    app = ProjectorApp(small.store.path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        small.next_item()
        small.start_report()
        await pilot.pause(0.9)  # no help from the test: the projector's own tick
        assert app.view is not None
        assert (app.view.item, app.view.time) == ("雁翅镇党委", "0:30")


async def test_waits_for_the_database_to_be_created(tmp_path: Path, fake) -> None:
    session = copy_session(tmp_path)
    db = session.with_suffix(".db")
    app = ProjectorApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        view = await look(app, pilot)
        assert view.message[1] == t("projector.waiting")
        assert db.name in view.message[2]
        assert not db.exists()  # the projector never creates it
        store = open_session(session, write=True)
        view = await look(app, pilot)
        assert view.message[1] == t("projector.not_started")
        assert not view.reconnecting
        store.close()


async def test_keeps_the_last_state_while_the_database_is_gone(small: Meeting, fake) -> None:
    db = small.store.path
    app = ProjectorApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        small.next_item()
        small.start_report()
        assert (await look(app, pilot)).time == "0:30"
        small.store.close()  # the writer goes away ...
        db.rename(db.with_suffix(".away"))  # ... and the file with it, for a moment
        fake.advance(3)
        view = await look(app, pilot)
        assert view.reconnecting
        assert view.mark.startswith(t("projector.reconnecting"))
        assert (view.item, view.time) == ("雁翅镇党委", "0:27")  # still derived from the clock
        assert app.screen.has_class("-reconnecting")
        db.with_suffix(".away").rename(db)
        writer = Store.open_writer(db)  # the restarted writer
        Meeting(writer).toggle_pause()
        view = await look(app, pilot)
        assert not view.reconnecting
        assert (view.time, view.mood) == ("0:27", "paused")
        writer.close()
        small.store = Store.open_writer(db)  # for the fixture to close


async def test_follows_a_database_file_that_was_replaced(small: Meeting, fake, tmp_path) -> None:
    db = small.store.path
    app = ProjectorApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        assert (await look(app, pilot)).message[1] == t("projector.not_started")
        small.next_item()
        small.store.close()
        copy = tmp_path / "copy.db"
        shutil.copyfile(db, copy)
        os.replace(copy, db)  # a new inode: the old connection would show stale data forever
        writer = Store.open_writer(db)
        Meeting(writer).start_report()
        view = await look(app, pilot)
        assert (view.item, view.time) == ("雁翅镇党委", "0:30")
        small.store = writer


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from reviewtui.store import Store
    from reviewtui.meeting import Meeting
    store = Store.open_writer(Path(sys.argv[1]))
    meeting = Meeting(store)
    meeting.next_item()
    meeting.start_report()
    print("started", flush=True)
    time.sleep(120)
    """
)


async def test_survives_a_killed_writer_and_follows_its_restart(tmp_path: Path) -> None:
    session = copy_session(tmp_path)
    open_session(session, write=True).close()
    db = session.with_suffix(".db")
    app = ProjectorApp(db)
    async with app.run_test(size=(100, 30)) as pilot:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "started"
            view = await look(app, pilot)
            assert (view.item, view.mood) == ("雁翅镇党委", "run")
            writer.send_signal(signal.SIGKILL)
            writer.wait(10)
        finally:
            writer.kill()
        view = await look(app, pilot)
        assert (view.item, view.mood) == ("雁翅镇党委", "run")  # the report is still running
        restarted = Store.open_writer(db)  # the lock of a killed writer is taken over
        Meeting(restarted).toggle_pause()
        view = await look(app, pilot)
        assert view.mood == "paused"
        assert not view.reconnecting
        restarted.close()


# ------------------------------------------------------------------------------------------------
# Never a writer


def _journal(db: Path) -> list[tuple]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT * FROM journal ORDER BY id").fetchall()
    finally:
        conn.close()


def _wal(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


async def test_the_database_is_unchanged_after_a_projector_session(tmp_path: Path, fake) -> None:
    store = open_session(copy_session(tmp_path), write=True)
    meeting = Meeting(store)
    meeting.next_item()
    meeting.start_report()
    fake.advance(12)
    db = store.path
    store.close()  # the last connection: checkpointed into the .db, the -wal removed
    assert not db.with_name(db.name + "-wal").exists()
    journal = _journal(db)
    before = (db.read_bytes(), _wal(db), db.stat().st_mtime_ns)

    app = ProjectorApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            fake.advance(20)
            await look(app, pilot)
        assert app.view is not None and app.view.mood == "over"
        assert app.store is not None
        assert not app.store.writable
        assert app.store.conn.total_changes == 0
        await pilot.press("q")
    assert app.store is None  # closed on exit

    assert (db.read_bytes(), _wal(db), db.stat().st_mtime_ns) == before
    assert _journal(db) == journal


async def test_never_takes_the_writers_lock(small: Meeting, fake) -> None:
    db = small.store.path
    small.store.close()
    app = ProjectorApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await look(app, pilot)
        writer = Store.open_writer(db)  # would be refused if the projector held the lock
        small.store = writer
        Meeting(writer).next_item()
        assert (await look(app, pilot)).item == "雁翅镇党委"
        assert app.store is not None and app.store.conn.total_changes == 0


# ------------------------------------------------------------------------------------------------
# The command line


def _cli(*args: str) -> tuple[int, str]:
    from reviewtui.cli.fast import main

    runner = CliRunner()
    with runner.isolation() as (_, stderr, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    i18n.set_lang("en")
    return code, stderr.getvalue().decode()


def test_cli_refuses_a_missing_db_and_a_file_that_is_no_meeting(tmp_path: Path) -> None:
    code, err = _cli("projector", str(tmp_path / "nope.db"))
    assert code == 2 and "nope.db" in err
    junk = tmp_path / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    code, err = _cli("projector", str(junk))
    assert code == 2 and "junk.db" in err
    assert junk.read_text(encoding="utf-8") == "not a database"
    code, err = _cli("projector", str(tmp_path / "nope.toml"))
    assert code == 2 and "nope.toml" in err


def test_cli_waits_for_the_database_of_a_session_file(tmp_path: Path, monkeypatch) -> None:
    import reviewtui.tui.projector as projector

    session = copy_session(tmp_path)
    opened: list[Path] = []
    monkeypatch.setattr(projector, "run_projector", opened.append)
    code, err = _cli("projector", str(session))
    assert (code, err) == (0, "")
    assert opened == [session.with_suffix(".db")]
    assert not session.with_suffix(".db").exists()  # not created by a reader


# ------------------------------------------------------------------------------------------------
# Snapshots: each state at 80x24 and 120x40, in Chinese and English, the clock frozen


STATES = (
    "not_started",
    "running",
    "warning",
    "overtime",
    "paused",
    "between",
    "assessment",
    "closing",
)


def _sample_meeting(tmp_path: Path, lang: str, fake: clock.FakeClock) -> Meeting:
    i18n.set_lang(lang)
    clock.set_source(fake)
    return Meeting(open_session(copy_session(tmp_path, "mentougou-2017.toml"), write=True))


def _drive(meeting: Meeting, fake: clock.FakeClock, state: str) -> None:
    if state == "not_started":
        return
    if state == "ready":
        meeting.open_item(item_id(meeting, "雁翅镇党委"))
        return
    if state in ("assessment", "closing"):
        meeting.open_item(item_id(meeting, "填写测评表"))
        if state == "closing":
            meeting.start_report()
            fake.advance(35 * 60 + 12)
            meeting.next_item()
        return
    meeting.open_item(item_id(meeting, "雁翅镇党委"))
    meeting.start_report()
    if state == "running":
        fake.advance(72.4)
    elif state in ("warning", "reconnecting"):
        fake.advance(250)
    elif state == "overtime":
        fake.advance(317)
    elif state == "paused":
        fake.advance(100)
        meeting.toggle_pause()
        fake.advance(30)
    elif state == "between":
        fake.advance(310)
        meeting.end_segment()
    elif state == "comment":
        fake.advance(300)
        meeting.start_comment()
        fake.advance(30)


def _snapshot(snap_compare, tmp_path: Path, state: str, lang: str, size: tuple[int, int]):
    fake = clock.FakeClock(START)
    meeting = _sample_meeting(tmp_path, lang, fake)
    try:
        _drive(meeting, fake, state)
        db = meeting.store.path
        app = ProjectorApp(db)

        async def go_away(pilot) -> None:  # the file vanishes after the projector read it
            await pilot.pause()
            db.rename(db.with_suffix(".away"))
            fake.advance(3)
            app.refresh_view()

        run_before = go_away if state == "reconnecting" else None
        return snap_compare(app, terminal_size=size, run_before=run_before)
    finally:
        meeting.store.close()
        clock.set_source(None)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("state", STATES)
def test_snapshot(snap_compare, tmp_path: Path, state: str, lang: str, size) -> None:
    assert _snapshot(snap_compare, tmp_path, state, lang, size)


@pytest.mark.parametrize("state", ["ready", "comment", "reconnecting"])
def test_snapshot_more_states(snap_compare, tmp_path: Path, state: str) -> None:
    assert _snapshot(snap_compare, tmp_path, state, "zh", (80, 24))


def test_snapshot_waiting_for_the_database(snap_compare, tmp_path: Path) -> None:
    i18n.set_lang("zh")
    clock.set_source(clock.FakeClock(START))
    try:
        app = ProjectorApp(tmp_path / "会议.db")
        assert snap_compare(app, terminal_size=(80, 24))
    finally:
        clock.set_source(None)


def test_snapshot_no_color(snap_compare, tmp_path: Path, monkeypatch) -> None:
    """NO_COLOR: no colour at all, and overtime still says 超时 in words."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert _snapshot(snap_compare, tmp_path, "overtime", "zh", (80, 24))
