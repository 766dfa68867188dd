"""The live meeting (core, no Textual): `Meeting` runs it; the read models feed the screens.

- `kinds`: which journal actions are undo steps (the segment kinds: `reviewtui.segment_kinds`).
- `models`: `Item`, `Segment`, `Schedule`, `Undone`.
- `queries`: reading the meeting; `drafts`: typing and screen state (not undo steps);
  `commands`: `Meeting`, every command one journaled transaction.
- `projector`: the projector's read model (one consistent read) and its view (a pure function).
"""

from reviewtui.meeting import kinds
from reviewtui.meeting.commands import Meeting
from reviewtui.meeting.kinds import UNDOABLE
from reviewtui.meeting.models import Item, Schedule, Segment, Undone

__all__ = ["UNDOABLE", "Item", "Meeting", "Schedule", "Segment", "Undone", "kinds"]
