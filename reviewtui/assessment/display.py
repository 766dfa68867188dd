"""How results read to a person: number formats and the ranking table (Rich, not Textual).

Shared by `reviewtui results` and the results screen so both show the same figures the same way.
User text (unit, group and grade names) is always wrapped in `Text`, never parsed as markup.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from reviewtui.assessment.tally import Results, UnitResult, round2
from reviewtui.i18n import t
from reviewtui.plan import Veto

NONE = "—"


def score(value: float | None) -> str:
    """A score to 2 decimals, rounded as the ranking rounds it."""
    return NONE if value is None else f"{round2(value):.2f}"


def rate(value: float | None) -> str:
    return NONE if value is None else f"{value * 100:.1f}%"


def rank(value: int | None) -> str:
    return NONE if value is None else str(value)


def level(unit: UnitResult) -> Text:
    if unit.level is None:
        return Text(NONE)
    shown = Text(unit.level)
    if unit.vetoed:
        shown.append(" *", style="bold")
    return shown


RANKING_COLUMNS = (
    "results.col.rank",
    "results.col.unit",
    "results.col.final",
    "results.col.composite",
    "results.col.daily",
    "results.col.level",
    "results.col.votes",
    "results.col.good_rate",
)


def ranking_row(unit: UnitResult) -> list[Text]:
    return [
        Text(rank(unit.rank)),
        Text(unit.unit),
        Text(score(unit.final), style="bold"),
        Text(score(unit.composite)),
        Text(score(unit.daily)),
        level(unit),
        Text(str(unit.votes)),
        Text(rate(unit.good_rate)),
    ]


def ranking_table(results: Results) -> Table:
    table = Table(title=Text(results.meeting), title_justify="left", show_lines=False)
    for index, key in enumerate(RANKING_COLUMNS):
        numeric = index not in (1, 5)
        table.add_column(Text(t(key)), justify="right" if numeric else "left", no_wrap=index != 1)
    for unit in results.units:
        table.add_row(*ranking_row(unit))
    return table


def summary_lines(results: Results, veto: Veto | None = None) -> list[Text]:
    """Ballot reconciliation under the table: entered/valid/invalid, per group, unconfirmed."""
    lines = [
        Text(
            t(
                "results.summary",
                entered=results.entered,
                valid=results.valid,
                invalid=results.invalid,
            )
        )
    ]
    for group in results.groups:
        issued = NONE if group.issued is None else str(group.issued)
        line = Text("  ")
        line.append(group.name)
        line.append(
            t("results.group_line", issued=issued, returned=group.returned, valid=group.valid)
        )
        if group.over_issued:
            line.append("  ")
            line.append(t("results.over_issued"), style="bold red")
        lines.append(line)
    if results.unconfirmed:
        lines.append(
            Text(t("results.unconfirmed", codes=", ".join(results.unconfirmed)), style="yellow")
        )
    if results.invalid_codes:
        lines.append(Text(t("results.invalid_codes", codes=", ".join(results.invalid_codes))))
    if veto is not None and any(u.vetoed for u in results.units):
        share = f"{veto.share * 100:.2f}".rstrip("0").rstrip(".") + "%"
        lines.append(Text(t("results.vetoed_note", grades="、".join(veto.grades), share=share)))
    return lines
