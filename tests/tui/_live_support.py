"""Helpers for the live meeting's pilot and snapshot tests (not fixtures: plain functions)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from reviewtui.meeting import Meeting, Segment
from reviewtui.store import Store
from reviewtui.tui.app import ReviewApp

SIZE = (100, 30)

# sessions/small.toml: items 1 雁翅镇党委 (onsite, commenter 区委书记), 2 城子街道工委 (onsite,
# commenter 区委副书记), 3 王平镇党委 (written), 4 填写测评表. report 0:30, question 0:10,
# answer 0:20, comment 0:20, warn 0:10.


def make_app(store: Store) -> ReviewApp:
    return ReviewApp(store, cursor_blink=False)


async def start(pilot: Pilot) -> None:
    """Let the app settle (the agenda is shown and focused)."""
    await pilot.pause()
    await pilot.pause()


async def open_first(pilot: Pilot) -> None:
    """From the agenda: enter on the first item (雁翅镇党委)."""
    await start(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` key by key (Chinese characters too) into whatever has focus."""
    for char in text:
        await pilot.press(char)
    await pilot.pause()


def segments(store: Store) -> list[Segment]:
    return Meeting(store).segments()


def only(store: Store, kind: str) -> Segment:
    found = [s for s in segments(store) if s.kind == kind]
    assert len(found) == 1, found
    return found[0]


def notifications(app: ReviewApp) -> list[str]:
    return [n.message for n in app._notifications]


def static_text(app: ReviewApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


def field(app: ReviewApp, selector: str) -> Input:
    return app.screen.query_one(selector, Input)
