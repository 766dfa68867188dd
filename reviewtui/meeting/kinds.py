"""The kinds of segment and of command the live meeting knows, declared once.

A segment kind's name on screen and in documents comes from the catalog (`live.phase.<kind>`);
`UNDOABLE` is the journal actions ctrl+z may revert.
"""

from __future__ import annotations

# Segment kinds (SPEC section 8): the timed parts of an item.
SEGMENT_KINDS = ("report", "question", "answer", "comment", "speech")

# Kinds whose dialog asks who spoke and what was said.
TEXT_KINDS = frozenset({"question", "comment"})

# Journal actions that ctrl+z may revert. Typing (notes, dialog drafts) and screen state are
# saved continuously and are not steps a secretary would expect undo to walk back through.
UNDOABLE = frozenset(
    {
        "open",
        *SEGMENT_KINDS,
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
