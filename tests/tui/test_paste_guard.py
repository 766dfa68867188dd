"""A paste holding ESC (issue 30.4): one paste, in order, without the ESC, however the
terminal's reads split it; input outside a paste is read as before."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from reviewtui.tui.paste_guard import PasteSafeParser

PASTE = "\x1b[200~AAA \x1b[31m BBB\x1b[201~"


def _events(reads: list[str], parser: XTermParser) -> list[object]:
    found: list[object] = []
    for data in reads:
        found += list(parser.feed(data))
    found += list(parser.tick())
    return found


def _splits(text: str) -> list[list[str]]:
    return [[text]] + [[text[:n], text[n:]] for n in range(1, len(text))]


@pytest.mark.parametrize("reads", _splits("x" + PASTE + "y"))
def test_a_paste_holding_esc_comes_whole_and_in_order(reads: list[str]) -> None:
    found = _events(reads, PasteSafeParser())
    pastes = [e.text for e in found if isinstance(e, events.Paste)]
    keys = [e.character for e in found if isinstance(e, events.Key)]
    assert pastes == ["AAA [31m BBB"]
    assert keys == ["x", "y"]
    assert found.index(next(e for e in found if isinstance(e, events.Paste))) == 1  # in order


def test_textuals_own_parser_splits_it() -> None:
    """What the guard is for: without it the text after ESC arrives as keys, first."""
    found = _events([PASTE], XTermParser())
    pastes = [e.text for e in found if isinstance(e, events.Paste)]
    assert pastes != ["AAA [31m BBB"]


def test_keys_and_escape_outside_a_paste_are_untouched() -> None:
    plain = _events(["a\x1b[Ab"], XTermParser())
    guarded = _events(["a\x1b[Ab"], PasteSafeParser())
    assert [(type(e), getattr(e, "key", None)) for e in guarded] == [
        (type(e), getattr(e, "key", None)) for e in plain
    ]
    assert any(getattr(e, "key", None) == "up" for e in guarded)
