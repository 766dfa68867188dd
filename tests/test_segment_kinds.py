"""The registry of segment kinds (`meeting.kinds`): a kind declared in the test alone is seen by
every part that lists kinds — the meeting's generic start, undo, an on-site unit's budget, the
time statistics, the rectification list, the live screen's key and the dialog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui import clock, i18n
from reviewtui.meeting import Meeting, kinds
from reviewtui.meeting.kinds import SegmentKind
from reviewtui.minutes import read_minutes
from reviewtui.minutes.time_stats import kind_rows, time_stats
from reviewtui.plan.hints import planned_timing
from reviewtui.rectify import read_lines
from reviewtui.rectify.lines import sources
from reviewtui.store import Store, open_session, schema_sql
from reviewtui.store import database as store_database

# The one place a kind is named outside the registry: the database's CHECK (schema.sql). A real
# new kind adds its name there too (and, for older files, a rebuild of `segments`).
_SEGMENT_CHECK = re.compile(r"CHECK \(kind IN \(('report'[^)]*)\)\)")


def _schema_kinds(sql: str) -> tuple[str, ...]:
    found = _SEGMENT_CHECK.search(sql)
    assert found is not None
    return tuple(name.strip(" '") for name in found.group(1).split(","))


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
    """sessions/small.toml's new database, with `follow_up` declared (registry, catalog, schema)."""
    monkeypatch.setitem(kinds.KINDS, FOLLOW_UP.name, FOLLOW_UP)
    for key, value in STRINGS.items():
        monkeypatch.setitem(i18n.CATALOG, key, value)
    sql = schema_sql()
    listed = ", ".join(f"'{name}'" for name in kinds.names())
    patched = _SEGMENT_CHECK.sub(f"CHECK (kind IN ({listed}))", sql, count=1)
    monkeypatch.setattr(store_database, "schema_sql", lambda: patched)
    store = open_session(small_session, write=True)
    try:
        yield store
    finally:
        store.close()


def test_the_schema_names_the_registry_kinds() -> None:
    assert _schema_kinds(schema_sql()) == kinds.names()


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
    assert "follow_up" in kinds.undoable()
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
