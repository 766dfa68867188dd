"""The settings screen: forms issued and attendance typed, saved as one undoable amendment."""

from __future__ import annotations

from reviewtui.amend import Attendance, attendance
from reviewtui.i18n import set_lang
from reviewtui.store import Store
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.settings import FIELDS, SettingsScreen, parse_count
from reviewtui.tui.widgets.fields import TextField

from ._live_support import SIZE, make_app, notifications, start, static_text, type_text


async def _open(pilot) -> SettingsScreen:
    await start(pilot)
    await pilot.press("o")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def _fill(pilot, field_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{field_id}", TextField)
    field.focus()
    await pilot.pause()
    await pilot.press("ctrl+u")  # clear what is there (keys in order: before the text)
    field.clear()
    await type_text(pilot, text)


def test_counts_parse_full_width_and_refuse_the_rest() -> None:
    assert parse_count(" １２ ") == 12
    assert parse_count("") is None
    for bad in ("-1", "三", "1.5", "12a"):
        try:
            parse_count(bad)
        except Exception:
            continue
        raise AssertionError(bad)


async def test_type_save_see_it_and_undo_from_the_agenda(small_store: Store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await _fill(pilot, "settings-1-issued", "7")  # 党代表
        await _fill(pilot, "settings-1-present", "５")  # full width
        await _fill(pilot, "settings-1-absent", "2")
        await _fill(pilot, "settings-0-present", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert small_store.plan.group("党代表").issued == 7
        assert attendance(small_store) == [
            Attendance("区级领导", 3, 3, None),
            Attendance("党代表", 7, 5, 2),
        ]
        assert "Settings saved" in notifications(app)[-1]
        summary = static_text(app, "#agenda-summary")
        assert "expected 10 · present 8 · absent —" in summary
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert small_store.plan.group("党代表").issued == 5
        assert [a.present for a in attendance(small_store)] == [None, None]
        assert "present" not in static_text(app, "#agenda-summary")


async def test_attendance_alone_is_its_own_command(small_store: Store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await _fill(pilot, "settings-0-present", "2")
        await _fill(pilot, "settings-0-absent", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert attendance(small_store)[0] == Attendance("区级领导", 3, 2, 1)
        assert small_store.plan.group("党代表").issued == 5


async def test_bad_numbers_name_the_field_and_save_nothing(small_store: Store) -> None:
    before = small_store.content_sha256()
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await _fill(pilot, "settings-0-absent", "-1")
        await _fill(pilot, "settings-1-present", "五")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        message = static_text(app, "#settings-message")
        assert "党代表: present must be a whole number" in message and "'五'" in message
        assert "区级领导: absent" in message
        # the cursor leaves the last field typed for the first field the refusal names
        assert app.focused is app.screen.query_one("#settings-0-absent", TextField)
        await _fill(pilot, "settings-1-present", "5")
        await _fill(pilot, "settings-0-absent", "")
        await _fill(pilot, "settings-1-absent", "1")  # 5 + 1 > 5 expected
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "more than the 5 expected" in static_text(app, "#settings-message")
        assert small_store.content_sha256() == before


async def test_expected_typed_is_checked_with_the_new_plan(small_store: Store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await _fill(pilot, "settings-1-expected", "8")
        await _fill(pilot, "settings-1-present", "7")
        await _fill(pilot, "settings-1-absent", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert attendance(small_store)[1] == Attendance("党代表", 8, 7, 1)
        assert small_store.plan.group("党代表").issued == 5


async def test_escape_asks_when_something_is_typed(small_store: Store) -> None:
    before = small_store.content_sha256()
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("escape")  # nothing typed: straight back
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("o")
        await pilot.pause()
        await _fill(pilot, "settings-0-issued", "9")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#settings-0-issued", TextField).value == "9"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # discard
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
    assert small_store.content_sha256() == before


async def test_chinese_messages(small_store: Store) -> None:
    set_lang("zh")
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await _fill(pilot, "settings-1-absent", "x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "“党代表”的请假应是不小于 0 的整数" in static_text(app, "#settings-message")


def test_snapshot_settings_80x24(snap_compare, small_session, lang) -> None:
    from reviewtui.amend import set_attendance
    from reviewtui.store import open_session

    store = open_session(small_session, write=True)
    set_attendance(store, {"党代表": (4, 1)})
    try:
        app = make_app(store)
        assert snap_compare(app, terminal_size=(80, 24), press=["o"])
    finally:
        store.close()


async def test_tab_goes_from_field_to_field(small_store: Store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        seen = []
        for _ in range(9):
            seen.append(app.focused.id if app.focused else None)
            await pilot.press("tab")
        fields = [f"settings-{i}-{f}" for i in (0, 1) for f in FIELDS]
        assert seen == [*fields, fields[0]]
