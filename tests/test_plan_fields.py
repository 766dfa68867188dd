"""The plan's field table (`plan.fields`) is the one declaration of a session-file key: it drives
validation, the stored plan's defaults, the typed model and the TOML `new` writes; and an error's
line is the line its key is written on, whatever a multi-line string above it holds."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from reviewtui import plan
from reviewtui.plan import PlanInvalid, fields, model
from reviewtui.plan.fields import Field, Table
from reviewtui.plan.toml_lines import KeyLines
from reviewtui.prepare import toml_writer

ROOT = Path(__file__).resolve().parents[1]

# Each typed part of the model and the table that declares its keys.
PARTS: list[tuple[type[NamedTuple], Table]] = [  # type: ignore[valid-type]
    (model.Meeting, fields.MEETING),
    (model.Timing, fields.TIMING),
    (model.Group, fields.GROUP),
    (model.Representative, fields.REPRESENTATIVE),
    (model.Unit, fields.UNIT),
    (model.AgendaEntry, fields.AGENDA),
    (model.Grade, fields.GRADE),
    (model.FormItem, fields.ITEM),
    (model.Level, fields.LEVEL),
    (model.Quota, fields.QUOTA),
    (model.Rules, fields.RULES),
    (model.Assessment, fields.ASSESSMENT),
]


@pytest.mark.parametrize(("part", "table"), PARTS, ids=lambda p: getattr(p, "__name__", ""))
def test_every_typed_part_has_its_tables_keys_and_defaults(part: Any, table: Table) -> None:
    assert set(part._fields) == set(table.names())
    for name, value in part._field_defaults.items():
        declared = table[name]
        if isinstance(declared, Field):  # a list of names is a tuple in the typed part
            expected = declared.default
            assert value == (tuple(expected) if isinstance(expected, list) else expected), name
        elif declared.many:  # an array of tables: empty
            assert value == tuple(declared.default), name
        else:  # a sub-table: its typed part at its keys' defaults
            assert value._asdict() == {
                k: tuple(v) if isinstance(v, list) else v
                for k, v in fields.defaults(declared.table).items()
            }


def _with_field(monkeypatch: pytest.MonkeyPatch, table_name: str, field: Field) -> Table:
    table = getattr(fields, table_name)
    grown = Table((*table.fields, field))
    monkeypatch.setattr(fields, table_name, grown)
    return grown


def test_a_field_declared_in_the_test_is_read_defaulted_and_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """[assessment] gains `recount` (a boolean, default false): declared in the table, with its
    typed attribute on `Assessment`, it is validated, defaulted in an older stored plan, carried
    by the plan and its stored JSON, and written by `new`'s TOML."""
    recount = Field("recount", "boolean", default=False)
    assessment = Table((*fields.ASSESSMENT.fields, recount))
    monkeypatch.setattr(fields, "ASSESSMENT", assessment)
    monkeypatch.setattr(
        fields,
        "PLAN",
        Table(
            tuple(
                dataclasses.replace(f, table=assessment) if f.name == "assessment" else f
                for f in fields.PLAN.fields
            )
        ),
    )
    # The typed attribute (in model.py: `recount: bool = default(ASSESSMENT, "recount")`).
    typed = NamedTuple(  # type: ignore[misc]
        "Assessment",
        [*model.Assessment.__annotations__.items(), ("recount", bool)],
    )
    typed.__new__.__defaults__ = (
        *model.Assessment._field_defaults.values(),
        fields.default(assessment, "recount"),
    )
    monkeypatch.setattr(model, "Assessment", typed)

    # The stored plan of an older release has no such key: it reads as the default.
    stored = fields.normalize({"meeting": {"title": "t", "date": "2017-02-24"}})
    assert stored["assessment"]["recount"] is False
    # A session file that says it is read and checked as its kind says.
    text = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
    said = plan.loads(text.replace("[assessment]", "[assessment]\nrecount = true"))
    assert said.assessment.recount is True  # type: ignore[attr-defined]
    assert '"recount": true' in said.to_json()
    assert plan.from_json(said.to_json()).assessment.recount is True  # type: ignore[attr-defined]
    assert plan.loads(text).assessment.recount is False  # type: ignore[attr-defined]
    with pytest.raises(PlanInvalid) as caught:
        plan.loads(text.replace("[assessment]", '[assessment]\nrecount = "yes"'))
    assert [e.key for e in caught.value.errors] == ["assessment.recount"]
    # `new` writes it, with its default.
    written = toml_writer.render({"meeting": {"title": "t", "date": "2017-02-24"}}, "book.xlsx")
    assert tomllib.loads(written)["assessment"]["recount"] is False


def test_new_writes_every_default_of_the_table() -> None:
    """The sections `new` cannot fill from a workbook are written at the table's defaults (a
    Chinese meeting: an English one takes English grades, plan/language.py)."""
    data = {"meeting": {"title": "测试会", "date": "2017-02-24"}, "units": [{"name": "雁翅镇党委"}]}
    written = plan.loads(toml_writer.render(data, "book.xlsx"))
    defaults = fields.normalize({})
    assert written.timing._asdict() == defaults["timing"]
    assessment = written.data["assessment"]
    for name in ("scale", "items", "levels", "trim", "onsite_weight", "double_entry", "opinions",
                 "quorum", "rules", "veto"):  # fmt: skip
        assert assessment[name] == defaults["assessment"][name], name


MULTILINE = '''\
[meeting]
title = "多行说明测试会"
date = "2017-02-24"
venue = """
[timing]
report = "no such time"
"""
headline = \'\'\'
[[units]]
name = "not a unit"
\'\'\'

[timing]
report = "5:00"
question = "1:00"
answer = "2:00"
comment = "3:00"
warn = "1:00"

[[units]]
name = "雁翅镇党委"
report = "forever"
'''


def test_a_multi_line_string_does_not_shift_an_errors_line(tmp_path: Path) -> None:
    """The text of a multi-line string is never read as a key or a header: an error is reported
    at the line of its key (before: line 5, inside `venue`, instead of 21)."""
    lines = KeyLines(MULTILINE)
    assert lines.find("timing.report") == 14
    assert lines.find("units[0]") == 20
    assert lines.find("units[0].report") == 22
    session = tmp_path / "multi.toml"
    session.write_text(MULTILINE, encoding="utf-8")
    with pytest.raises(PlanInvalid) as caught:
        plan.load(session)
    found = {e.key: e.line for e in caught.value.errors}
    assert found["units[0].report"] == 22
