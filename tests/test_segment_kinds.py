"""The registry of segment kinds (`segment_kinds`): a kind declared in the test alone is seen by
every part that lists kinds — the meeting's generic start, undo, an on-site unit's budget, the
time statistics, the rectification list, the live screen's key and the dialog."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui import clock, i18n
from reviewtui import segment_kinds as kinds
from reviewtui.meeting import Meeting
from reviewtui.meeting import kinds as meeting_kinds
from reviewtui.minutes import read_minutes
from reviewtui.minutes.time_stats import kind_rows, time_stats
from reviewtui.plan.hints import planned_timing
from reviewtui.rectify import Rectification, read_lines
from reviewtui.rectify.lines import sources
from reviewtui.segment_kinds import SegmentKind
from reviewtui.store import Store, open_session, schema_sql

# A leader's follow-up (追问): its own key, timed like an answer, a line of the rectification list.
FOLLOW_UP = SegmentKind(
    "follow_up", "f", "commenter", text=True, rectification=True, timing="answer"
)
STRINGS = {
    "kind.follow_up": ("追问", "Follow-up"),
    "dialog.who.follow_up": ("追问领导", "Asked by"),
    "dialog.text.follow_up": ("追问要点", "Gist"),
    "rectify.source.follow_up": ("领导追问", "follow-up"),
    "rectify.said.follow_up": ("{speaker}追问", "follow-up by {speaker}"),
}


@pytest.fixture
def follow_up(monkeypatch: pytest.MonkeyPatch, small_session: Path) -> Iterator[Store]:
    """sessions/small.toml's new database, with `follow_up` declared (registry and catalog
    only: the schema is left as it is)."""
    monkeypatch.setitem(kinds.KINDS, FOLLOW_UP.name, FOLLOW_UP)
    for key, value in STRINGS.items():
        monkeypatch.setitem(i18n.CATALOG, key, value)
    store = open_session(small_session, write=True)
    try:
        yield store
    finally:
        store.close()


def _accepted(store: Store) -> tuple[str, ...]:
    return tuple(row["name"] for row in store.rows("SELECT name FROM segment_kinds ORDER BY name"))


def test_the_database_accepts_the_registry_kinds_and_no_other(small_store: Store) -> None:
    assert "'question'" not in schema_sql()  # no list of segment kinds in the schema
    assert _accepted(small_store) == tuple(sorted(kinds.names()))
    item = small_store.row("SELECT id FROM items ORDER BY pos LIMIT 1")["id"]
    row = {"item_id": item, "started_at": "2017-02-24T14:30:00+08:00"}
    with pytest.raises(sqlite3.IntegrityError), small_store.transaction("bad") as tx:
        tx.insert("segments", {**row, "kind": "nonsense"})
    with small_store.transaction("report") as tx:
        tx.insert("segments", {**row, "kind": "report"})


def test_a_new_kind_is_accepted_by_a_file_made_before_it(
    monkeypatch: pytest.MonkeyPatch, small_session: Path
) -> None:
    """A release that declares a kind opens an existing file and may record it at once."""
    open_session(small_session, write=True).close()
    monkeypatch.setitem(kinds.KINDS, FOLLOW_UP.name, FOLLOW_UP)
    store = open_session(small_session, write=True)
    try:
        assert "follow_up" in _accepted(store)
        item = store.row("SELECT id FROM items ORDER BY pos LIMIT 1")["id"]
        with store.transaction("follow_up") as tx:
            tx.insert(
                "segments",
                {"item_id": item, "kind": "follow_up", "started_at": "2017-02-24T14:30:00+08:00"},
            )
    finally:
        store.close()
    reader = open_session(small_session, write=False)
    try:
        assert [r["kind"] for r in reader.rows("SELECT kind FROM segments")] == ["follow_up"]
    finally:
        reader.close()


def test_builtin_kinds_as_spec_8_lists_them() -> None:
    assert kinds.names() == ("report", "question", "answer", "comment", "speech")
    assert kinds.unit_phases() == ("report", "question", "answer", "comment")
    assert kinds.text_kinds() == {"question", "answer", "comment"}  # the dialog's own list
    assert kinds.rectification_kinds() == ("question", "comment")
    assert [k.key for k in kinds.keyed()] == ["r", "q", "a", "c"]
    assert set(planned_timing()) == {k.timing for k in kinds.KINDS.values() if k.timing}
    for kind in kinds.KINDS.values():  # every name a kind declares is in the catalog
        for key in (kind.label, kind.who_label, kind.text_label):
            assert key is None or key in i18n.CATALOG, key
    for source in sources():
        assert f"rectify.source.{source}" in i18n.CATALOG


def _follow_up_spoken(store: Store, fake_clock: clock.FakeClock) -> Meeting:
    meeting = Meeting(store)
    first = meeting.items()[0]
    meeting.open_item(first.id)
    meeting.start_report()
    fake_clock.advance(30)
    segment = meeting.start_kind("follow_up")
    meeting.edit_segment(segment.id, text="村路为什么还没修")
    fake_clock.advance(25)  # planned like an answer (sessions/small.toml: 0:20): 5 s over
    meeting.end_segment()
    return meeting


def test_a_kind_declared_in_the_test_is_seen_by_the_core(
    fake_clock: clock.FakeClock, follow_up: Store
) -> None:
    small_store = follow_up
    meeting = _follow_up_spoken(small_store, fake_clock)
    spoken = [s for s in meeting.segments() if s.kind == "follow_up"]
    assert len(spoken) == 1
    assert spoken[0].speaker == "区委书记"  # the unit's commenter, as `speaker` says
    assert spoken[0].planned == small_store.plan.timing.answer  # its `timing` key
    assert "follow_up" in meeting_kinds.undoable()
    assert meeting.last_undoable() is not None

    minutes = read_minutes(small_store)
    item = minutes.items[0]
    budget = dict(item.budget)
    assert budget["follow_up"] == small_store.plan.timing.answer
    stats = time_stats(minutes)
    assert [k.name for k in stats.kinds] == ["report", "follow_up"]
    assert [p.phase for p in stats.items[0].phases] == [
        "report", "question", "answer", "comment", "follow_up"
    ]  # fmt: skip
    assert ("追问" if i18n.get_lang() == "zh" else "Follow-up") in [
        row[0] for row in kind_rows(stats).rows
    ]
    lines = [line for line in read_lines(small_store) if line.source == "follow_up"]
    assert [(line.problem, line.speaker) for line in lines] == [("村路为什么还没修", "区委书记")]
    Rectification(small_store).edit(lines[0].key, owner="组织委员")  # the line gets its row
    edited = [line for line in read_lines(small_store) if line.source == "follow_up"]
    assert [(line.owner, line.id is not None) for line in edited] == [("组织委员", True)]


async def test_a_kind_declared_in_the_test_has_its_key_on_the_live_screen(
    fake_clock: clock.FakeClock, follow_up: Store
) -> None:
    small_store = follow_up
    from textual.widgets import Label

    from reviewtui.tui.segment_dialog import SegmentDialog
    from reviewtui.tui.widgets.who import who_pool
    from tests.tui._live_support import SIZE, make_app, open_first, segments

    assert who_pool(Meeting(small_store), "follow_up", None) == list(small_store.plan.leaders)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        footer = " ".join(
            str(b.description) for b in app.screen._bindings.key_to_bindings.get("f", [])
        )
        assert footer == "Follow-up"
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)  # it takes text: its dialog opens
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert "Asked by" in labels and "Gist" in labels
    assert [s.kind for s in segments(small_store)] == ["follow_up"]


def test_a_kind_this_release_does_not_know_is_shown_as_stored() -> None:
    """A later release's kind, in a file this one reads: its stored name, not a KeyError."""
    assert kinds.shown("follow_up") == "follow_up"
    assert kinds.shown("report") == ("述职" if i18n.get_lang() == "zh" else "Report")
