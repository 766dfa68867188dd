"""The ballot screen's scan (`S`, SPEC 10): the copier's file read without quitting `run`, the
clear forms saved, the held ones waiting at `V`, the whole file taken back by one ctrl+z."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, ProgressBar, Static

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment.scan import review
from reviewtui.store import Store, open_session
from reviewtui.tui.ballot_import import ReportDialog
from reviewtui.tui.ballot_scan import ScanDialog
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.scan_review import ScanReviewScreen

from .test_ballot_screen import ScreenApp

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "scan"
SIZE = (120, 40)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    i18n.set_lang("en")
    session = tmp_path / "m.toml"
    shutil.copy(ROOT / "sessions" / "mentougou-2017.toml", session)
    opened = open_session(session, write=True)
    yield opened
    opened.close()
    i18n.set_lang("zh")


async def _scan(app: ScreenApp, pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.press("S")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ScanDialog)
    field = dialog.query_one("#scan-path", Input)
    field.value = name  # beside the database
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def _lines(app: ScreenApp) -> str:
    report = app.screen
    assert isinstance(report, ReportDialog)
    return "\n".join(report.lines)


async def test_s_scans_a_file_holds_a_form_for_v_and_ctrl_z_takes_it_back(store: Store) -> None:
    folder = store.path.resolve().parent
    shutil.copy(FIXTURES / "clear-C001.jpg", folder / "copier-1.jpg")
    app = ScreenApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _scan(app, pilot, "copier-1.jpg")
        text = _lines(app)
        assert "1 pages read: 1 saved, 0 held for review" in text
        saved = ballots.find(store, "C001", 1)
        assert saved is not None and saved.source == "scan"
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        assert screen.saved_table.row_count == 1

        shutil.copy(FIXTURES / "held-D001.jpg", folder / "copier-2.jpg")
        await _scan(app, pilot, "copier-2.jpg")
        text = _lines(app)
        assert "1 held for review" in text and "D001 has unclear cells" in text
        assert "press V" in text
        assert ballots.find(store, "D001", 1) is None
        assert [h.serial for h in review.held(store)] == ["D001"]
        await pilot.press("escape", "V")  # the held form waits in the review queue
        await pilot.pause()
        assert isinstance(app.screen, ScanReviewScreen)
        assert "D001" in str(app.screen.query_one("#scan-head", Static).render())
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+z")  # the second scan, whole, after asking
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "Undo the whole scan" in confirm.question
        await pilot.press("y")
        await pilot.pause()
        assert review.held(store) == []
        assert ballots.find(store, "C001", 1) is not None  # the first scan stays
        assert store.conn.execute("SELECT count(*) FROM scan_pages").fetchone() == (1,)


async def test_a_missing_file_is_named_and_nothing_is_written(store: Store) -> None:
    before = store.content_sha256()
    app = ScreenApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await _scan(app, pilot, "nowhere.pdf")
        dialog = app.screen
        assert isinstance(dialog, ScanDialog)
        message = str(dialog.query_one("#import-message", Static).render())
        assert "nowhere.pdf: no such file" in message
        assert not dialog.query_one("#scan-progress", ProgressBar).display
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BallotScreen)
    assert store.content_sha256() == before


async def test_the_footer_shows_the_scan_key_in_both_languages(store: Store) -> None:
    for lang, word in (("en", "Scan a file"), ("zh", "扫描读入")):
        i18n.set_lang(lang)
        app = ScreenApp(store)
        async with app.run_test(size=(200, 40)) as pilot:
            await pilot.pause()
            bindings = app.screen.active_bindings.values()
            shown = {b.binding.key: b.binding.description for b in bindings if b.binding.show}
            assert shown.get("S") == word


async def test_escape_stops_the_reading_and_nothing_is_written(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from reviewtui.assessment.scan import command

    folder = store.path.resolve().parent
    shutil.copy(FIXTURES / "clear-C001.jpg", folder / "copier-1.jpg")
    reading, go = threading.Event(), threading.Event()
    real = command.read_page

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        reading.set()
        go.wait(10)  # the page is being read when escape is pressed
        return real(*args, **kwargs)

    monkeypatch.setattr(command, "read_page", slow)
    before = store.content_sha256()
    app = ScreenApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ScanDialog)
        dialog.query_one("#scan-path", Input).value = "copier-1.jpg"
        await pilot.press("enter")
        assert reading.wait(10)
        assert dialog.query_one("#scan-progress", ProgressBar).display
        await pilot.press("escape")  # stops the reading; the dialog stays
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is dialog
        message = str(dialog.query_one("#import-message", Static).render())
        assert "Stopped: nothing was saved" in message
    assert store.content_sha256() == before
    assert ballots.find(store, "C001", 1) is None
