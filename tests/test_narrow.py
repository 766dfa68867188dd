"""At 80 columns (a narrow terminal, or output into a file) a unit's name is never cut, and
`check` wraps Chinese lists only between names (issue 27 item 5)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.store import open_session

ROOT = Path(__file__).resolve().parents[1]
NARROW = {"COLUMNS": "80", "LINES": "24", "LANG": "zh_CN.UTF-8", "LC_ALL": None}


def _sample(tmp_path: Path) -> tuple[Path, list[str]]:
    session = tmp_path / "m.toml"
    shutil.copyfile(ROOT / "sessions" / "mentougou-2017.toml", session)
    i18n.set_lang("zh")
    store = open_session(session, write=True)
    units = [u.name for u in store.plan.units]
    item = store.plan.assessment.items[0].name
    group = store.plan.groups[0]
    for n in range(3):
        marks = {(unit, item): "好" if (n + i) % 2 else "较好" for i, unit in enumerate(units)}
        ballots.save(store, code=f"A{n + 1:03d}", group=group.name, marks=marks)
    store.close()
    return session, units


def _unit_cells(table: str) -> list[str]:
    """The unit column of a Rich table, a wrapped name joined again."""
    names: list[str] = []
    for line in table.splitlines():
        cells = line.split("│")
        if len(cells) < 4 or not cells[2].strip():
            continue
        rank, unit = cells[1].strip(), cells[2].strip()
        if rank:
            names.append(unit)
        elif names:
            names[-1] += unit
    return names


def test_results_at_80_columns_never_cut_a_unit_name(tmp_path: Path, cli) -> None:
    session, units = _sample(tmp_path)
    shown = cli("results", session, env=NARROW)
    assert shown.code == 0, shown.output
    assert "…" not in shown.stdout
    assert sorted(_unit_cells(shown.stdout)) == sorted(units)
    assert all(len(line.rstrip()) <= 80 for line in shown.stdout.splitlines())


def test_check_wraps_chinese_lists_between_names(tmp_path: Path, cli) -> None:
    session, units = _sample(tmp_path)
    summary = cli("check", session, env=NARROW).stdout
    lines = [line.rstrip() for line in summary.splitlines()]
    # A value starts after the label and its column padding (two spaces or more); a wrapped
    # line holds only spaces there. Cut by the gap, not a fixed column: labels are of any width.
    values = [re.split(r" {2,}", line, maxsplit=1)[-1] for line in lines]
    assert not any(value.lstrip().startswith(("、", "；")) for value in values)
    flat = "\n".join(lines)
    for name in [*units, "区委常委、纪委书记"]:
        assert any(name in line for line in lines), (name, flat)
