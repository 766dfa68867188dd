"""Ballot files (issue 30.9): a TRUE cell after a cell holding 1 is still not a grade; a column
the long form lacks is named as an unknown column, not as a unit."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.assessment.importer import import_file
from reviewtui.errors import UserError
from reviewtui.store import Store
from tests.test_ballots_import import ITEM, YAN, marks_of, store, write_xlsx  # noqa: F401


def test_true_after_1_is_not_a_grade(store: Store, tmp_path: Path) -> None:  # noqa: F811
    i18n.set_lang("en")
    rows = [
        ["ballot", "group", "unit", "item", "value"],
        ["B001", "党代表", YAN, ITEM, 1],  # the first grade, by its position
        ["B002", "党代表", YAN, ITEM, True],  # a spreadsheet's TRUE: no grade
    ]
    with pytest.raises(UserError) as refused:
        import_file(store, write_xlsx(tmp_path / "b.xlsx", rows))
    said = "\n".join(refused.value.lines)
    assert "E3" in said and "True" in said
    assert marks_of(store) == {}


def test_an_extra_column_is_an_unknown_column(store: Store, tmp_path: Path) -> None:  # noqa: F811
    i18n.set_lang("en")
    path = tmp_path / "b.csv"
    path.write_text(
        "ballot,group,unit,item,value,remark\nB001,党代表,雁翅镇党委,总体评价,好,x\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as refused:
        import_file(store, path)
    said = "\n".join(refused.value.lines)
    assert "unknown column 'remark'" in said and "not a unit" not in said
