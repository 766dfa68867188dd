"""Meetings of several years, each naming the one before (`[meeting] previous`), built by test."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HEAD = """[meeting]
title = "{year}年度述职评议考核会"
date = "{year}-02-24"
{previous}
[[leaders]]
name = "区委书记"

[[groups]]
name = "区级领导"
weight = 0.6

[[groups]]
name = "党代表"
weight = 0.4
"""


def unit_toml(name: str, aliases: Sequence[str] = (), extra: str = "") -> str:
    lines = ["", "[[units]]", f'name = "{name}"', 'mode = "written"']
    if aliases:
        lines.append("aliases = [" + ", ".join(f'"{a}"' for a in aliases) + "]")
    if extra:
        lines.append(extra)
    return "\n".join(lines) + "\n"


def build_year(
    folder: Path,
    year: int,
    units: Sequence[tuple[str, Sequence[str]] | tuple[str, Sequence[str], str]],
    ballots: Sequence[tuple[str, Sequence[str]]],
    cli: Callable[..., Any],
    *,
    previous: str | None = None,
    tail: str = "",
) -> Path:
    """The meeting of `year` in `folder` (its .db), with `ballots`: (group, grades in unit
    order) each; `units`: (name, aliases)."""
    folder.mkdir(parents=True, exist_ok=True)
    prev = f'previous = "{previous}"\n' if previous else ""
    text = HEAD.format(year=year, previous=prev)
    text += "".join(
        unit_toml(u[0], u[1], f'category = "{u[2]}"' if len(u) > 2 else "")  # type: ignore[misc]
        for u in units
    )
    text += tail
    session = folder / f"m{year}.toml"
    session.write_text(text, encoding="utf-8")
    names = [u[0] for u in units]
    rows = ["ballot,group," + ",".join(names)]
    for n, (group, grades) in enumerate(ballots, start=1):
        rows.append(f"{'A' if group == '区级领导' else 'B'}{n:03d},{group}," + ",".join(grades))
    csv = folder / f"b{year}.csv"
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("ballots", "import", session, csv)
    assert result.code == 0, result.output
    return session.with_suffix(".db")
