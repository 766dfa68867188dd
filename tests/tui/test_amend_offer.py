"""`run` on a session file changed since its database was made: the amendments are offered."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui.amend import open_amendable
from reviewtui.assessment import ballots
from reviewtui.errors import UserError
from reviewtui.meeting import Meeting
from reviewtui.store import Store, open_session
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.amend_offer import AmendOffer
from reviewtui.tui.app import ReviewApp

from ._live_support import SIZE, notifications, start, static_text


def _changed(session: Path) -> None:
    Store.create(session.with_suffix(".db"), _load(session), session).close()
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("issued = 5", "issued = 7"), encoding="utf-8")


def _load(session: Path):
    from reviewtui.plan import load

    return load(session)


async def test_enter_applies_and_the_meeting_goes_on(small_session: Path) -> None:
    _changed(small_session)
    store, pending = open_amendable(small_session)
    assert pending is not None and pending.proposal.refusals == []
    app = ReviewApp(store, cursor_blink=False, pending=pending)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            assert isinstance(app.screen, AmendOffer)
            shown = static_text(app, "#offer-changes Static")
            assert "党代表, forms issued: 5 → 7" in shown
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen)
            assert store.plan.group("党代表").issued == 7
            assert "Applied the session file's changes (1)" in notifications(app)[-1]
            await pilot.press("ctrl+z")  # the amendment is one undoable command
            await pilot.pause()
            assert store.plan.group("党代表").issued == 5
        assert app.declined is None
    finally:
        store.close()


async def test_escape_quits_changing_nothing(small_session: Path) -> None:
    _changed(small_session)
    store, pending = open_amendable(small_session)
    before = store.content_sha256()
    app = ReviewApp(store, cursor_blink=False, pending=pending)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            await pilot.press("escape")
            await pilot.pause()
        assert app.return_code == 2
        assert app.declined is not None and "has changed" in app.declined[0]
        assert store.content_sha256() == before
    finally:
        store.close()
    with pytest.raises(UserError):  # results/export still refuse it, with the message
        open_session(small_session, write=False)


def test_unchanged_opens_with_nothing_pending(small_session: Path) -> None:
    store, pending = open_amendable(small_session)  # a new database
    store.close()
    store, pending = open_amendable(small_session)
    store.close()
    assert pending is None


def test_a_refused_change_is_refused_before_the_app(small_session: Path) -> None:
    store = open_session(small_session, write=True)
    meeting = Meeting(store)
    meeting.open_item(meeting.items()[0].id)  # 雁翅镇党委 reports on site
    meeting.start_report()
    meeting.end_segment()
    item = store.plan.assessment.items[0].name
    marks = {(u.name, item): "好" for u in store.plan.units}
    ballots.save(store, code="B001", group="党代表", marks=marks)
    before = store.content_sha256()
    store.close()
    # 雁翅镇党委 (timed, with ballots) and the written 王平镇党委 swap names
    text = small_session.read_text(encoding="utf-8")
    text = text.replace('name = "雁翅镇党委"', 'name = "王平镇党委"', 1).replace(
        'name = "王平镇党委"\nreporter = "王平镇党委书记"',
        'name = "雁翅镇党委"\nreporter = "王平镇党委书记"',
    )
    small_session.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        open_amendable(small_session)
    lines = "\n".join(caught.value.lines)
    assert "has changed" in lines and "cannot be made" in lines and "雁翅镇党委" in lines
    reader = open_session(small_session.with_suffix(".db"), write=False)
    assert reader.content_sha256() == before
    reader.close()
