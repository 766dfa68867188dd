"""The kinds of command the live meeting knows: which journal actions ctrl+z may revert.

The kinds of segment are declared in `reviewtui.segment_kinds` (starting one is an undo step).
"""

from __future__ import annotations

from reviewtui.segment_kinds import KINDS


def undoable() -> frozenset[str]:
    """Journal actions ctrl+z may revert: starting any segment kind, and `UNDOABLE`."""
    return UNDOABLE | frozenset(KINDS)


# Journal actions that ctrl+z may revert, beside starting a segment (`undoable`). Typing (notes,
# dialog drafts) and screen state are saved continuously and are not steps a secretary would
# expect undo to walk back through.
UNDOABLE = frozenset(
    {
        "open",
        "pause",
        "resume",
        "end",
        "next",
        "edit",
        "delete",
        "amend",
        "reveal",  # 当场公布 (assessment.reveal): on and off the projector
        "hide",
    }
)

# Journal actions of typing and screen state: saved as they happen, never undo steps.
TYPING = frozenset({"note", "draft", "ui"})
