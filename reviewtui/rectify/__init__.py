"""The rectification list (整改清单): every question and comment of a unit is a problem line of
it; the secretary edits, merges, drops and adds lines; last year's list can be brought in.

- `lines`: `read_lines(store)`, the lines as they read now (records and rows combined);
- `commands`: `Rectification(store)`, the changes, each one journaled and undoable;
- `previous`: `load_previous(store)`, last year's list (`[meeting] previous`), read-only.
"""

from reviewtui.rectify.commands import ACTIONS, UNDOABLE, Rectification, parse_deadline
from reviewtui.rectify.lines import SOURCES, STATUSES, ProblemLine, read_lines, unit_lines
from reviewtui.rectify.previous import Previous, load_previous

__all__ = [
    "ACTIONS",
    "SOURCES",
    "STATUSES",
    "UNDOABLE",
    "Previous",
    "ProblemLine",
    "Rectification",
    "load_previous",
    "parse_deadline",
    "read_lines",
    "unit_lines",
]
