"""The ranking as a Rich table and the ballot reconciliation as lines, for `reviewtui results`.

Columns, names and figures come from the glossary, the same as on the results screen and in
every export. Stored text (unit, group and grade names, the title) is wrapped in `Text` (never
parsed as markup) after `textsafe.shown`, so no control character reaches the terminal raw.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from reviewtui.assessment.tally import Results
from reviewtui.i18n import t
from reviewtui.plan import Veto
from reviewtui.present import compare, glossary, rules
from reviewtui.present.numbers import count
from reviewtui.present.quorum import quorum_notes
from reviewtui.textsafe import shown


def ranking_tables(results: Results) -> list[Table]:
    """The ranking; with `rank_by = "category"` one table per category (分类排名), each ranked
    within its category, the overall rank beside it."""
    from reviewtui.assessment.categories import laid_out

    if results.rank_by != "category" or not results.categories:
        return [ranking_table(results)]
    columns: list[glossary.Column] = [glossary.CATEGORY_RANK, glossary.UNIT, glossary.RANK]
    has_daily = any(u.daily is not None for u in results.units)
    columns += [c for c in glossary.RANKING[2:] if has_daily or c is not glossary.DAILY]
    tables: list[Table] = []
    for category, units in laid_out(results):
        name = category or t("results.no_category")
        title = t("results.category_head", category=name, count=len(units))
        if not tables:
            title = shown(results.meeting) + "\n" + title
        table = Table(title=Text(shown(title)), title_justify="left")
        for column in columns:
            label = t("results.col.overall_rank") if column is glossary.RANK else column.label
            table.add_column(Text(label), justify="right" if column.numeric else "left",
                             no_wrap=column is not glossary.UNIT)  # fmt: skip
        for unit in units:
            table.add_row(*(Text(shown(x)) for x in glossary.row(unit, columns)))
        tables.append(table)
    return tables


def ranking_table(results: Results) -> Table:
    table = Table(title=Text(shown(results.meeting)), title_justify="left", show_lines=False)
    columns = glossary.with_categories(glossary.RANKING, results)
    if results.categories and all(u.daily is None for u in results.units):
        columns = tuple(c for c in columns if c is not glossary.DAILY)  # room for the categories
    for column in columns:
        table.add_column(
            Text(column.label),
            justify="right" if column.numeric else "left",
            no_wrap=column is not glossary.UNIT,
        )
    name = columns.index(glossary.UNIT)
    for unit in glossary.ordered(results):
        cells = [Text(shown(text)) for text in glossary.row(unit, columns)]
        cells[columns.index(glossary.FINAL)].stylize("bold")
        # A unit's name is how units are told apart: wrapped in a narrow terminal, never cut
        # (its own setting, over the no-wrap the command prints with).
        cells[name].no_wrap, cells[name].overflow = False, "fold"
        table.add_row(*cells)
    return table


def previous_table(results: Results) -> Table:
    """Last year beside this year (`[meeting] previous`): a table of its own under the ranking,
    so both fit an 80-column terminal. Units in this year's rank order."""
    table = Table(title=Text(t("compare.title")), title_justify="left")
    table.add_column(Text(t("results.col.unit")), min_width=12)
    for label in compare.header():
        table.add_column(Text(label), justify="right", no_wrap=True)
    for unit in results.units:
        row = [glossary.UNIT.text(unit), *compare.cells(results, unit)]
        table.add_row(*(Text(shown(x)) for x in row))
    return table


def summary_lines(
    results: Results, veto: Veto | None = None, present: dict[str, int] | None = None
) -> list[Text]:
    """Ballot reconciliation under the table: entered/valid/invalid, the quorum, per group
    (with who attended, 实到, where it was recorded: forms returned against people present),
    unconfirmed, the invalid ballots by rule."""
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
    lines += [Text(shown(note), style="bold yellow") for note in quorum_notes(results)]
    for group in results.groups:
        line = Text("  ")
        line.append(shown(group.name))
        line.append(
            t(
                "results.group_line",
                issued=count(group.issued),
                returned=group.returned,
                valid=group.valid,
            )
        )
        if present and group.name in present:
            line.append(t("results.group_present", present=present[group.name]))
        if group.over_issued:
            line.append("  ")
            line.append(t("results.over_issued"), style="bold red")
        lines.append(line)
    if results.unconfirmed:
        codes = shown(", ".join(results.unconfirmed))
        lines.append(Text(t("results.unconfirmed", codes=codes), style="yellow"))
    if invalid := rules.counts_line(results):  # how many forms each rule voided, and which
        lines.append(Text(shown(invalid)))
    if veto is not None and any(u.vetoed for u in results.units):
        lines.append(Text(shown(glossary.vetoed_note(veto))))
    return lines
