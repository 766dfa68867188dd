"""The assessment form: what a ballot cell may hold, and how a typed value becomes one.

A ballot holds one cell per (unit, item). A cell of a graded item holds a grade of the scale,
a cell of a numeric item (`max = N`) a number 0..N; a blank cell holds nothing and is simply
absent from the ballot's marks. Values are plain data everywhere: a grade is its name (`str`),
a number a `float`.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from reviewtui.i18n import t
from reviewtui.plan import FormItem, Grade, Plan
from reviewtui.textsafe import clean, name_key, shown

Value = str | float
"""A filled cell: a grade's name or a number."""

Cell = tuple[str, str]
"""Where a value sits on the form: (unit, item)."""

Marks = Mapping[Cell, Value]


class CellError(ValueError):
    """A value that does not fit its cell; `message` says why in the user's language."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values

    @property
    def message(self) -> str:
        return t(self.key, **self.values)


@dataclass(frozen=True)
class Form:
    """The form as the plan defines it: rows are units, columns are items."""

    units: tuple[str, ...]
    items: tuple[FormItem, ...]
    scale: tuple[Grade, ...]
    groups: tuple[str, ...]

    @classmethod
    def of(cls, plan: Plan) -> Form:
        a = plan.assessment
        return cls(
            units=tuple(u.name for u in plan.units),
            items=a.items,
            scale=a.scale,
            groups=tuple(g.name for g in plan.groups),
        )

    @property
    def one_item(self) -> bool:
        return len(self.items) == 1

    def item(self, name: str) -> FormItem | None:
        return next((i for i in self.items if i.name == name), None)

    def cells(self) -> list[Cell]:
        """Every cell in reading order: unit by unit, item by item."""
        return [(unit, item.name) for unit in self.units for item in self.items]

    def grade_names(self) -> str:
        return "/".join(g.grade for g in self.scale)

    def parse(self, item: FormItem, raw: object) -> Value | None:
        """The value of a typed or imported cell; `None` for a blank one.

        A graded cell takes a grade's name or its position on the scale (1 = best), as typed on
        the keyboard; a numeric cell takes a number 0..max. Raises `CellError`.
        """
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = raw.strip()
            if not raw:
                return None
        if item.max is None:
            return self._parse_grade(raw)
        return _parse_number(raw, item.max)

    def _parse_grade(self, raw: object) -> str:
        if isinstance(raw, str):
            if any(g.grade == raw for g in self.scale):
                return raw
            # The same grade written another way (full width, an odd space): the same grade.
            key = name_key(raw)
            found = next((g.grade for g in self.scale if name_key(g.grade) == key), None)
            if found is not None:
                return found
            raw = unicodedata.normalize("NFKC", raw).strip()  # "１" typed in Chinese is 1
        index: int | None = None
        if isinstance(raw, bool):
            index = None
        elif isinstance(raw, int):
            index = raw
        elif (isinstance(raw, float) and raw.is_integer()) or (
            isinstance(raw, str) and raw.isdecimal() and len(raw) == 1
        ):
            index = int(raw)
        if index is not None and 1 <= index <= len(self.scale):
            return self.scale[index - 1].grade
        raise CellError(
            "ballot.bad_grade", value=_show(raw), grades=self.grade_names(), count=len(self.scale)
        )

    def check_value(self, item: FormItem, value: object) -> None:
        """Raise `CellError` unless `value` is a stored value of this item (not a typed one)."""
        if item.max is None:
            if not (isinstance(value, str) and any(g.grade == value for g in self.scale)):
                raise CellError(
                    "ballot.bad_grade",
                    value=_show(value),
                    grades=self.grade_names(),
                    count=len(self.scale),
                )
        elif isinstance(value, str):
            raise CellError("ballot.not_number", value=value)
        else:
            _parse_number(value, item.max)

    def check(self, marks: Marks) -> list[str]:
        """Why these marks cannot be saved, one message per bad cell."""
        problems: list[str] = []
        units = set(self.units)
        for (unit, item_name), value in marks.items():
            item = self.item(item_name)
            if unit not in units:
                problems.append(t("ballot.unknown_unit", value=unit))
            elif item is None:
                problems.append(t("ballot.unknown_item", value=item_name))
            else:
                try:
                    self.check_value(item, value)
                except CellError as exc:
                    where = t("ballot.cell_where", unit=unit, item=item_name)
                    problems.append(where + exc.message)
        return problems


def _parse_number(raw: object, maximum: float) -> float:
    if isinstance(raw, bool):
        raise CellError("ballot.not_number", value=_show(raw))
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        if "_" in raw or "," in raw:  # float() takes "1_5"; "1,5" may mean 1.5 or 15: refuse
            raise CellError("ballot.not_number", value=raw)
        try:
            number = float(raw.replace("。", "."))  # a Chinese full stop typed as the point
        except ValueError:
            raise CellError("ballot.not_number", value=raw) from None
    else:
        raise CellError("ballot.not_number", value=_show(raw))
    if not math.isfinite(number):
        raise CellError("ballot.not_number", value=_show(raw))
    if number < 0 or number > maximum:
        raise CellError("ballot.out_of_range", value=_show(raw), max=format_number(maximum))
    return number


def encode_line(form: Form, marks: Marks, unit: str) -> str | None:
    """The stored `cells` of one ballot line: JSON {item: value} in form order; None if blank."""
    cells: dict[str, Value] = {}
    for item in form.items:
        value = marks.get((unit, item.name))
        if value is not None:
            cells[item.name] = value if isinstance(value, str) else float(value)
    return json.dumps(cells, ensure_ascii=False) if cells else None


def encode_lines(form: Form, marks: Marks) -> dict[str, str]:
    """Every non-blank line of a ballot, unit -> stored `cells`, in form order."""
    units = {unit for unit, _ in marks}
    lines = {}
    for unit in form.units:
        if unit in units:
            text = encode_line(form, marks, unit)
            if text is not None:
                lines[unit] = text
    return lines


def decode_line(text: str) -> dict[str, Value]:
    """Stored `cells` back to {item: value}; numbers always as float."""
    return {k: v if isinstance(v, str) else float(v) for k, v in json.loads(text).items()}


def points(item: FormItem, value: Value, scale_points: Mapping[str, float | None]) -> float | None:
    """A mark's points (SPEC 6): a grade's points, or v / max * 100; None when it scores nothing."""
    if item.max is None:
        return scale_points.get(value) if isinstance(value, str) else None
    if isinstance(value, str):
        return None
    return value / item.max * 100


def scale_points(scale: tuple[Grade, ...]) -> dict[str, float | None]:
    return {g.grade: (g.points if g.counted else None) for g in scale}


def format_number(value: float) -> str:
    """A number as a person writes it: 85, 85.5 (never 85.0, never rounded away)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_value(value: Value | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else format_number(value)


def _show(raw: object) -> str:
    """A value as a message quotes it: visible (no control character acts) and short."""
    text = format_number(raw) if isinstance(raw, float) else str(raw)
    text = shown(text)
    return text if len(text) <= 40 else text[:37] + "…"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and line feed are white space
MAX_CODE = 32
"""Characters of a ballot id: a printed serial is a few; a longer one is a mistake."""


def code_problem(raw: object) -> CellError | None:
    """Why `raw` cannot be a ballot id (too long, or holding a control character), or None."""
    if raw is None or isinstance(raw, int | float):
        text = "" if raw is None else normalize_code(raw)
    else:
        text = str(raw)
        if _CONTROL.search(text):
            return CellError("ballot.code_control")
        text = normalize_code(text)
    if len(text) > MAX_CODE:
        return CellError("ballot.code_too_long", count=len(text), limit=MAX_CODE)
    return None


def normalize_code(raw: object) -> str:
    """A ballot id as written on the form: "007", " 7" and 7 (from a spreadsheet) are all "7".

    Full-width characters read as what they are ("Ａ０１７" is "A017"). No integer conversion:
    a ballot id of thousands of digits is text to refuse, not a number to overflow.
    """
    if isinstance(raw, float) and raw.is_integer() and abs(raw) < 1e16:
        raw = int(raw)
    text = str(raw) if raw is not None else ""
    text = clean(unicodedata.normalize("NFKC", text)).strip()
    if text.isdecimal():
        digits = "".join(str(unicodedata.decimal(c)) for c in text)
        return digits.lstrip("0") or "0"
    return text


def code_sort_key(code: str) -> tuple[int, int, str]:
    """Numeric ids in numeric order (no leading zeros: by length, then digits), then the others."""
    return (0, len(code), code) if code.isdecimal() else (1, 0, code)
