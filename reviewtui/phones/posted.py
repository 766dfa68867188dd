"""Reading a posted ballot form: its fields (nothing but the form's own cells), the marks and
opinions they carry, and what the confirm page warns of. Mixed into `Desk` (phones/desk.py).
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from reviewtui.assessment import opinions as opinion_lines
from reviewtui.assessment.forms import CellError, Form, Value
from reviewtui.assessment.rules import Rulebook, blank_units
from reviewtui.i18n import t
from reviewtui.phones import pages
from reviewtui.phones.door import MAX_FIELDS, BadRequest
from reviewtui.present.rules import label as reason_label
from reviewtui.store import Store


class PostedForm:
    """Mixed into `Desk`, which sets these attributes when it follows the plan."""

    store: Store | None
    form: Form
    rules: Rulebook
    opinions: int  # the longest opinion line a unit may take; 0: the form takes none

    # -- reading a submission ------------------------------------------------------------------

    def fields(self, body: bytes) -> tuple[str, dict[str, str]]:
        """The submit button and the cells of a posted form; BadRequest for anything else."""
        try:
            text = body.decode("ascii")  # urlencoded: percent-escapes, never raw bytes
            pairs = parse_qsl(
                text, keep_blank_values=True, strict_parsing=bool(text), encoding="utf-8",
                errors="strict", max_num_fields=MAX_FIELDS,
            )  # fmt: skip
        except (UnicodeDecodeError, ValueError):
            raise BadRequest from None
        names = {
            pages.field_name(u, i)
            for u in range(len(self.form.units))
            for i in range(len(self.form.items))
        }
        lines = (
            {pages.opinion_name(u) for u in range(len(self.form.units))} if self.opinions else set()
        )
        go = "submit"
        values: dict[str, str] = {}
        seen: set[str] = set()
        for name, value in pairs:
            if name in seen:
                raise BadRequest
            seen.add(name)
            if name == "go":
                if value not in ("submit", "confirm", "edit"):
                    raise BadRequest
                go = value
            elif (
                (name in names and len(value) <= 40)
                or (name == pages.PLAN_FIELD and len(value) <= 64)
                or (name in lines and len(value) <= self.opinions)
            ):
                values[name] = value
            else:
                raise BadRequest
        return go, values

    def marks(self, values: pages.Fields) -> dict[tuple[str, str], Value]:
        """The ballot's marks from checked fields; CellError for a value its cell refuses."""
        marks: dict[tuple[str, str], Value] = {}
        for u, unit in enumerate(self.form.units):
            for i, item in enumerate(self.form.items):
                raw = values.get(pages.field_name(u, i), "").strip()
                if not raw:
                    continue
                if item.max is None:
                    if not (
                        raw.isascii() and raw.isdigit() and 1 <= int(raw) <= len(self.form.scale)
                    ):
                        raise BadRequest  # our buttons send only positions
                    marks[(unit, item.name)] = self.form.scale[int(raw) - 1].grade
                else:
                    try:
                        number = self.form.parse(item, raw)
                    except CellError as exc:
                        where = t("ballot.cell_where", unit=unit, item=item.name)
                        raise CellError("phones.bad_cell", where=where, why=exc.message) from None
                    if number is not None:
                        marks[(unit, item.name)] = number
        return marks

    def opinion_texts(self, values: pages.Fields) -> dict[str, str]:
        """unit -> the opinion typed for it (empty ones left out), when the form has them."""
        if not self.opinions:
            return {}
        texts = {
            unit: opinion_lines.normalized(values.get(pages.opinion_name(u), ""))
            for u, unit in enumerate(self.form.units)
        }
        return {unit: text for unit, text in texts.items() if text}

    def first_concerned(self, marks: dict[tuple[str, str], Value]) -> int:
        """The unit (0-based) "back to the form" lands on: the first left blank, else the top."""
        for u, unit in enumerate(self.form.units):
            if not any((unit, item.name) in marks for item in self.form.items):
                return u
        return 0

    def warnings(self, marks: dict[tuple[str, str], Value]) -> list[str]:
        """What the confirm page says: the rule that voids the form, and the units left blank."""
        assert self.store is not None
        plan = self.store.plan
        said: list[str] = []
        reason = self.rules.judge_marks(marks)
        if reason is not None:
            said.append(t("rules.confirm.invalid") + ": " + reason_label(reason))
        blanks = blank_units(plan, marks)
        if blanks:
            said.append(t("rules.confirm.blanks", count=blanks, units=len(plan.units)))
        return said
