"""The kinds of timed segment, declared once.

`KINDS` is the registry of segment kinds (SPEC section 8): each `SegmentKind` says, in one place,
what every part of the product needs to know about it — the live screen's key and its footer
label, the dialog's labels and whom it offers, the plan's `timing` key of its planned time, how an
on-site unit's planned time budgets it, and whether it becomes a line of the rectification list.
The minutes, the time statistics, the live screen, its dialogs and the rectification list read
the registry (through the functions below, at call time), never a list of literals; a kind's
names in both languages are catalog keys (`kind.<name>`, `dialog.who.<name>`, `dialog.text.<name>`).
The database accepts exactly these names: the store writes them into its `segment_kinds` table,
which `segments.kind` references (schema 6), so a new kind needs no change of schema.sql.

A leaf of the core (no import of the meeting or the store), so the store can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewtui.i18n import CATALOG, t

if TYPE_CHECKING:
    from reviewtui.plan import Plan, Unit


@dataclass(frozen=True)
class SegmentKind:
    """One kind of timed segment."""

    name: str  # stored in `segments.kind`, the journal action that starts one, the i18n suffix
    key: str | None  # its key on the live screen (None: started another way)
    # Who speaks, which is also whom the dialog offers:
    #   "item": the item's reporter or speaker (then the leaders);
    #   "asker": the representatives, then the leaders;
    #   "commenter": the unit's commenter by default; the leaders.
    speaker: str
    text: bool  # its dialog asks what was said, under `dialog.text.<name>`
    rectification: bool  # each record of a unit is a line of the rectification list
    # The plan's `timing` key of its planned time (None: the item's own planned time).
    timing: str | None = None
    per_question: bool = False  # an on-site unit budgets it once per expected question
    unit_phase: bool = True  # a phase of an on-site unit (its budget, its time statistics)

    @property
    def label(self) -> str:
        """The catalog key of its name (述职 / Report), on screen and in every document."""
        return f"kind.{self.name}"

    @property
    def who_label(self) -> str:
        return f"dialog.who.{self.name}"

    @property
    def text_label(self) -> str | None:
        return f"dialog.text.{self.name}" if self.text else None


def _declare(*kinds: SegmentKind) -> dict[str, SegmentKind]:
    return {k.name: k for k in kinds}


# In the order they are tallied and shown (time statistics, the phases of a unit).
KINDS: dict[str, SegmentKind] = _declare(
    SegmentKind("report", "r", "item", text=False, rectification=False, timing="report"),
    SegmentKind(
        "question", "q", "asker", text=True, rectification=True, timing="question",
        per_question=True,
    ),
    SegmentKind(
        "answer", "a", "item", text=True, rectification=False, timing="answer",
        per_question=True,
    ),
    SegmentKind("comment", "c", "commenter", text=True, rectification=True, timing="comment"),
    # A speech item's timer (also a break's and the assessment's): `r` starts it, as a report.
    SegmentKind("speech", None, "item", text=False, rectification=False, unit_phase=False),
)  # fmt: skip

# Segment kinds (SPEC section 8): the timed parts of an item, as declared at import.
SEGMENT_KINDS = tuple(KINDS)


def shown(name: str) -> str:
    """A kind's name in the current language (述职 / Report), on screen and in every document; a
    kind this release does not declare (a later release's, in a file it reads) as it is stored."""
    key = f"kind.{name}"
    return t(key) if key in CATALOG else name


def get(name: str) -> SegmentKind | None:
    return KINDS.get(name)


def names() -> tuple[str, ...]:
    """Every segment kind, in registry order (read at call time: a test may add one)."""
    return tuple(KINDS)


def unit_phases() -> tuple[str, ...]:
    """The phases of an on-site unit, in order."""
    return tuple(k.name for k in KINDS.values() if k.unit_phase)


def overrun_listed() -> tuple[str, ...]:
    """The kinds whose speakers the filed minutes list among those who ran over: a unit's own
    phases spoken by its reporter or a representative, never a leader's comment or speech."""
    return tuple(k.name for k in KINDS.values() if k.unit_phase and k.speaker != "commenter")


def keyed() -> tuple[SegmentKind, ...]:
    """The kinds the live screen starts with a key of their own."""
    return tuple(k for k in KINDS.values() if k.key)


def rectification_kinds() -> tuple[str, ...]:
    """The kinds whose records of a unit are lines of its rectification list."""
    return tuple(k.name for k in KINDS.values() if k.rectification)


def text_kinds() -> frozenset[str]:
    """Kinds whose dialog asks what was said."""
    return frozenset(k.name for k in KINDS.values() if k.text)


def planned(kind: SegmentKind, plan: Plan, unit: Unit | None = None) -> float | None:
    """The plan's seconds for one segment of `kind` (a unit's own `report` overrides timing's)."""
    if kind.timing is None:
        return None
    own = getattr(unit, kind.timing, None) if unit is not None else None
    return float(own) if own is not None else float(getattr(plan.timing, kind.timing))


def unit_budget(plan: Plan, unit: Unit) -> tuple[tuple[str, float], ...]:
    """An on-site unit's planned time split by phase (adds up to `Plan.unit_seconds`)."""
    out: list[tuple[str, float]] = []
    for kind in KINDS.values():
        if not kind.unit_phase:
            continue
        seconds = planned(kind, plan, unit) or 0.0
        if kind.per_question:
            seconds *= plan.timing.questions
        if kind.speaker == "commenter" and not unit.commenter:
            seconds = 0.0
        out.append((kind.name, seconds))
    return tuple(out)
