"""The rules that void a form (`assessment.void_rules`) are declared once: a rule declared in the
test alone, with its plan field, is read from the session file, judged by the tally in the order
declared, counted per rule, explained on the ballot screen and printed on the paper and phone
forms — no other module names it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from reviewtui import i18n, plan
from reviewtui.assessment import ballots, void_rules
from reviewtui.assessment.rule_text import rule_lines
from reviewtui.assessment.rules import count_reasons, reason_of
from reviewtui.assessment.tally import tally_store
from reviewtui.assessment.void_rules import Counts, VoidRule
from reviewtui.plan import Plan, fields, model
from reviewtui.plan.fields import Field, Table
from reviewtui.present import rules as words
from reviewtui.store import open_session

ROOT = Path(__file__).resolve().parents[1]
UNITS = ("雁翅镇党委", "城子街道工委", "王平镇党委")
ITEM = "总体评价"


def _all_top(_: Any, counts: Counts) -> str | None:
    _, graded, grades = counts
    return "all_top" if graded and not any(grades[1:]) else None


# 全部评为“好”的测评表无效: `all_top = true` under [assessment.rules].
ALL_TOP = VoidRule(
    "all_top",
    lambda p: p.assessment.rules.all_top or None,  # type: ignore[attr-defined]
    _all_top,
    explained=lambda _, counts, __: {"units": counts[1]},
)
STRINGS = {
    "rules.reason.all_top": ("全部评为最高等次", "every unit the top grade"),
    "rules.why.all_top": ("{units} 个单位全部评为最高等次", "all {units} units the top grade"),
    "print.rule_all_top": ("全部评为最高等次的测评表无效。", "A form of top grades only is void."),
}


def _replace_field(table: Table, name: str, new: Any) -> Table:
    return Table(
        tuple(dataclasses.replace(f, table=new) if f.name == name else f for f in table.fields)
    )


@pytest.fixture
def all_top(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The plan field (table and typed attribute), the rule after `all_same`, its words."""
    rules = Table((*fields.RULES.fields, Field("all_top", "boolean", default=False)))
    assessment = _replace_field(fields.ASSESSMENT, "rules", rules)
    monkeypatch.setattr(fields, "RULES", rules)
    monkeypatch.setattr(fields, "ASSESSMENT", assessment)
    monkeypatch.setattr(fields, "PLAN", _replace_field(fields.PLAN, "assessment", assessment))
    # The typed attribute (in model.py: `all_top: bool = default(RULES, "all_top")`).
    typed = NamedTuple(  # type: ignore[misc]
        "Rules", [*model.Rules.__annotations__.items(), ("all_top", bool)]
    )
    typed.__new__.__defaults__ = (*model.Rules._field_defaults.values(), False)
    monkeypatch.setattr(model, "Rules", typed)
    declared = list(void_rules.RULES)
    declared.insert(2, ALL_TOP)
    monkeypatch.setattr(void_rules, "RULES", tuple(declared))
    for key, value in STRINGS.items():
        monkeypatch.setitem(i18n.CATALOG, key, value)
    yield


def _session(tmp_path: Path, rules: str) -> Path:
    text = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
    path = tmp_path / "small.toml"
    path.write_text(text.replace("[assessment]", f"[assessment.rules]\n{rules}\n\n[assessment]"))
    return path


def _plan(tmp_path: Path, rules: str) -> Plan:
    return plan.load(_session(tmp_path, rules))


def form(*grades: str) -> dict[tuple[str, str], str]:
    return {(unit, ITEM): grade for unit, grade in zip(UNITS, grades, strict=True)}


def test_a_rule_declared_in_the_test_voids_forms_in_its_order(
    all_top: None, tmp_path: Path
) -> None:
    on = _plan(tmp_path, "all_top = true\nall_same = true\nmin_marked = 1")
    assert on.assessment.rules.all_top is True  # type: ignore[attr-defined]
    assert reason_of(on, form("好", "好", "好")) == "all_same"  # all_same is declared first
    assert reason_of(on, form("好", "较好", "好")) is None
    off = _plan(tmp_path, "all_same = false")
    assert reason_of(off, form("好", "好", "好")) is None
    only = _plan(tmp_path, "all_top = true")
    assert reason_of(only, {(UNITS[0], ITEM): "好"}) == "all_top"
    # Counted per rule in the registry's order: after all_same, before min_marked.
    reasons = {"A1": "min_marked", "A2": "all_top", "A3": "all_same"}
    assert list(count_reasons(reasons)) == ["all_same", "all_top", "min_marked"]


def test_its_words_on_the_ballot_screen_and_the_printed_form(all_top: None, tmp_path: Path) -> None:
    i18n.set_lang("zh")
    on = _plan(tmp_path, "all_top = true\nmin_marked = 0.5")
    assert words.label("all_top") == "全部评为最高等次"
    assert words.why(on, form("好", "好", "好"), "all_top") == "3 个单位全部评为最高等次"
    assert rule_lines(on) == [
        "对所有单位都未作评价的测评表无效。",
        "全部评为最高等次的测评表无效。",
        "评价的单位少于 2 个的测评表无效。",
    ]


def test_the_tally_of_a_meeting_voids_by_it(all_top: None, tmp_path: Path) -> None:
    store = open_session(_session(tmp_path, "all_top = true"), write=True)
    try:
        ballots.save(store, code="1", group="区级领导", marks=form("好", "好", "好"))
        ballots.save(store, code="2", group="区级领导", marks=form("好", "较好", "好"))
        results = tally_store(store)
    finally:
        store.close()
    assert results.invalid_reasons == {"1": "all_top"}
