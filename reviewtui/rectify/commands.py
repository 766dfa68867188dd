"""Changing the rectification list: edit, merge, drop, add and move lines, and undo.

Each change is one command (one transaction, journaled, `UNDOABLE` by the list's own ctrl+z).
The first change to a unit's list gives every line of that unit a row (`materialise`), in the
same command, so undoing that change leaves the list exactly as it read before. A line's text
stays NULL (its record's) until the secretary types a different one.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.rectify.lines import STATUSES, ProblemLine, read_lines
from reviewtui.store.journal import last_command
from reviewtui.textsafe import clean, name_key

if TYPE_CHECKING:
    from reviewtui.store import Store
    from reviewtui.store.journal import Tx

ACTIONS = ("rectify.edit", "rectify.merge", "rectify.drop", "rectify.add", "rectify.move")
UNDOABLE = frozenset(ACTIONS)  # what ctrl+z on the list takes back (the live screen's is its own)
FIELDS = ("problem", "measure", "owner", "deadline", "status")
MAX_TEXT = 2000  # characters of one line's problem or measure
MAX_OWNER = 100  # characters of its owner (a person or an office)
_SHOWN = 40  # characters of a refused value quoted back in a message

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_deadline(value: str | None) -> str | None:
    """An ISO date from what the secretary typed: 2017-06-30, 2017/6/30, 2017年6月30日 (full-width
    digits too); empty is no deadline. A UserError says what is wrong."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        return None
    match = _DATE.match(text)
    try:
        if match is None:
            raise ValueError(text)
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        raise UserError(t("rectify.bad_deadline", value=_quoted(text)), field="deadline") from None


def _quoted(text: str) -> str:
    """A refused value as a message quotes it: cleaned, and cut if it is long."""
    value = clean(text).strip()
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def checked_text(value: object, field: str) -> str:
    """A field's text cleaned; too long is refused (UserError), never cut: nothing typed is lost."""
    multiline = field in ("problem", "measure")
    text = clean(str(value or ""), multiline=multiline).strip()
    limit = MAX_TEXT if multiline else MAX_OWNER
    if len(text) > limit:
        name = t(f"rectify.col.{field}")
        too_long = t("rectify.too_long", field=name, count=len(text), limit=limit)
        raise UserError(too_long, field=field)
    return text


class Rectification:
    """The list of one meeting database (a writer store for the changes)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------------------------

    def lines(self, unit: str | None = None, *, include_merged: bool = False) -> list[ProblemLine]:
        found = read_lines(self.store, include_merged=include_merged)
        return found if unit is None else [line for line in found if line.unit == unit]

    def line(self, key: str) -> ProblemLine:
        found = next((x for x in read_lines(self.store) if x.key == key), None)
        if found is None:
            raise UserError(t("rectify.no_line"))
        return found

    def absorbed(self, key: str) -> list[ProblemLine]:
        """The lines merged into `key`'s line."""
        line = self.line(key)
        if line.id is None:
            return []
        return [x for x in read_lines(self.store) if x.merged_into == line.id]

    # -- changing --------------------------------------------------------------------------------

    def edit(self, key: str, **changes: Any) -> ProblemLine:
        """Change some of a line's `FIELDS`; the values are checked first (UserError)."""
        line = self.line(key)
        values = self._checked(line, changes)
        with self.store.transaction("rectify.edit") as tx:
            row_id = self._row(tx, line)
            tx.update("problems", {"id": row_id}, values)
        return self.line(key)

    def drop(self, key: str) -> ProblemLine:
        """Take a line off the list; its row stays (status 'dropped'), a later edit restores it."""
        line = self.line(key)
        with self.store.transaction("rectify.drop") as tx:
            tx.update("problems", {"id": self._row(tx, line)}, {"status": "dropped"})
        return self.line(key)

    def merge(self, keep_key: str, absorb_key: str) -> ProblemLine:
        """`keep` absorbs `absorb`: its text gains the other's, empty fields take the other's;
        the absorbed line keeps its row (`merged_into`), as do the lines merged into it."""
        keep, absorb = self.line(keep_key), self.line(absorb_key)
        if keep.key == absorb.key:
            raise UserError(t("rectify.merge_same"))
        if keep.unit != absorb.unit:
            raise UserError(t("rectify.merge_units"))
        if keep.merged or absorb.merged:
            raise UserError(t("rectify.merge_merged"))
        with self.store.transaction("rectify.merge") as tx:
            keep_id, absorb_id = self._row(tx, keep), self._row(tx, absorb)
            text = keep.problem
            if absorb.problem.strip() and absorb.problem.strip() not in keep.problem:
                text = t("rectify.joined", first=keep.problem, second=absorb.problem)
            values: dict[str, Any] = {"problem": text}
            for name in ("measure", "owner", "deadline"):
                if not getattr(keep, name) and getattr(absorb, name):
                    values[name] = getattr(absorb, name)
            tx.update("problems", {"id": keep_id}, values)
            for row in self.store.rows(
                "SELECT id FROM problems WHERE merged_into = ?", (absorb_id,)
            ):
                tx.update("problems", {"id": row["id"]}, {"merged_into": keep_id})
            tx.update("problems", {"id": absorb_id}, {"merged_into": keep_id})
        return self.line(keep.key)

    def add(
        self,
        unit: str,
        problem: str,
        *,
        measure: str = "",
        owner: str = "",
        deadline: str | None = None,
        status: str = "open",
    ) -> ProblemLine:
        """The secretary's own line, at the end of the unit's list; every value is checked
        before anything is written."""
        name = self._unit(unit)
        text = checked_text(problem, "problem")
        if not text:
            raise UserError(t("rectify.empty_problem"), field="problem")
        values = {
            "measure": checked_text(measure, "measure"),
            "owner": checked_text(owner, "owner"),
            "deadline": parse_deadline(deadline),
            "status": _status(status),
        }
        with self.store.transaction("rectify.add") as tx:
            self.materialise(tx, name)
            row_id = tx.insert(
                "problems",
                {
                    "unit": name,
                    "pos": self._next_pos(name),
                    "source": "secretary",
                    "problem": text,
                    **values,
                },
            )
        return self.line(f"p{row_id}")

    def move(self, key: str, step: int) -> bool:
        """Move a line one place up (`step` -1) or down (+1) among its unit's shown lines;
        False at either end."""
        line = self.line(key)
        shown = self.lines(line.unit)
        index = next(i for i, x in enumerate(shown) if x.key == key)
        other = index + (1 if step > 0 else -1)
        if not 0 <= other < len(shown):
            return False
        with self.store.transaction("rectify.move") as tx:
            self.materialise(tx, line.unit)
            rows = {
                r["segment_id"] or -r["id"]: r
                for r in self.store.rows(
                    "SELECT id, segment_id, pos FROM problems WHERE unit = ?", (line.unit,)
                )
            }
            mine, theirs = (rows[_ident(x)] for x in (line, shown[other]))
            pos_a, pos_b = mine["pos"], theirs["pos"]
            if pos_a == pos_b:  # rows added in one command share no pos, but be sure
                pos_b = pos_a + (1 if step > 0 else -1)
            tx.update("problems", {"id": mine["id"]}, {"pos": pos_b})
            tx.update("problems", {"id": theirs["id"]}, {"pos": pos_a})
        return True

    def last_undoable(self) -> tuple[int, str] | None:
        return last_command(self.store, UNDOABLE)

    def undo(self) -> str | None:
        """Revert the latest change to the list; its action, or None when there is none."""
        last = self.last_undoable()
        if last is None:
            return None
        self.store.undo(last[0])
        return last[1]

    # -- internals -------------------------------------------------------------------------------

    def materialise(self, tx: Tx, unit: str) -> None:
        """Give each line of `unit` that is read from its record a row (text NULL: still its
        record's), after the unit's rows, in the order spoken."""
        pending = [x for x in read_lines(self.store) if x.unit == unit and x.id is None]
        pos = self._next_pos(unit)
        for offset, line in enumerate(pending):
            tx.insert(
                "problems",
                {
                    "unit": unit,
                    "pos": pos + offset,
                    "source": line.source,
                    "segment_id": line.segment_id,
                    "problem": None,
                },
            )

    def _row(self, tx: Tx, line: ProblemLine) -> int:
        if line.id is not None:
            return line.id
        self.materialise(tx, line.unit)
        row = self.store.row("SELECT id FROM problems WHERE segment_id = ?", (line.segment_id,))
        assert row is not None
        return int(row["id"])

    def _next_pos(self, unit: str) -> int:
        row = self.store.row(
            "SELECT coalesce(max(pos), 0) + 1 AS pos FROM problems WHERE unit = ?", (unit,)
        )
        return int(row["pos"]) if row else 1

    def _unit(self, unit: str) -> str:
        wanted = name_key(unit)
        for candidate in self.store.plan.units:
            if name_key(candidate.name) == wanted:
                return candidate.name
        raise UserError(t("rectify.unknown_unit", unit=clean(unit)))

    def _checked(self, line: ProblemLine, changes: dict[str, Any]) -> dict[str, Any]:
        unknown = set(changes) - set(FIELDS)
        if unknown:
            raise ValueError(f"not a field of a problem line: {sorted(unknown)}")
        values: dict[str, Any] = {}
        if "problem" in changes:
            text = checked_text(changes["problem"], "problem")
            record = self._record_text(line)
            if line.source == "secretary" and not text:
                raise UserError(t("rectify.empty_problem"), field="problem")
            # The record's own text (or none) keeps the line following its record.
            values["problem"] = None if record is not None and text in ("", record) else text
        if "measure" in changes:
            values["measure"] = checked_text(changes["measure"], "measure")
        if "owner" in changes:
            values["owner"] = checked_text(changes["owner"], "owner")
        if "deadline" in changes:
            values["deadline"] = parse_deadline(changes["deadline"])
        if "status" in changes:
            values["status"] = _status(changes["status"])
        return values

    def _record_text(self, line: ProblemLine) -> str | None:
        if line.segment_id is None:
            return None
        row = self.store.row("SELECT text FROM segments WHERE id = ?", (line.segment_id,))
        return None if row is None else str(row["text"]).strip()


def _status(value: object) -> str:
    if value not in STATUSES:
        raise UserError(t("rectify.bad_status", value=_quoted(str(value))), field="status")
    return str(value)


def _ident(line: ProblemLine) -> int:
    """A line's key among its unit's rows: its record's id, or minus its row id."""
    return line.segment_id if line.segment_id is not None else -(line.id or 0)
