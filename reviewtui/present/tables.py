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
from reviewtui.present import glossary, rules
from reviewtui.present.numbers import count
from reviewtui.present.quorum import quorum_notes
from reviewtui.textsafe import shown


def ranking_table(results: Results) -> Table:
    table = Table(title=Text(shown(results.meeting)), title_justify="left", show_lines=False)
    for column in glossary.RANKING:
        table.add_column(
            Text(column.label),
            justify="right" if column.numeric else "left",
            no_wrap=column is not glossary.UNIT,
        )
    name = glossary.RANKING.index(glossary.UNIT)
    for unit in results.units:
        cells = [Text(shown(text)) for text in glossary.row(unit)]
        cells[glossary.RANKING.index(glossary.FINAL)].stylize("bold")
        # A unit's name is how units are told apart: wrapped in a narrow terminal, never cut
        # (its own setting, over the no-wrap the command prints with).
        cells[name].no_wrap, cells[name].overflow = False, "fold"
        table.add_row(*cells)
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
