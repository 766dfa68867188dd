"""The results as every export words them: the ranking's columns, rows and footnotes, the
reconciliation of forms per rater group, and the ballot summary in sentences. The tally itself
is `assessment`'s; this only words `Minutes.results`.
"""

from __future__ import annotations

from reviewtui import present
from reviewtui.export.common import count, separator
from reviewtui.i18n import t
from reviewtui.minutes import Minutes
from reviewtui.present import glossary, rules
from reviewtui.present.quorum import quorum_notes


def ranking_header(minutes: Minutes | None = None) -> list[str]:
    """The ranking's column names, as the glossary orders them (the screen's order too), with
    the category columns when units have categories (分类排名)."""
    if minutes is None:
        return glossary.header()
    return glossary.header(glossary.with_categories(glossary.RANKING, minutes.results))


def has_results(minutes: Minutes) -> bool:
    """Whether any ballot was entered: without one a ranking is all dashes."""
    return minutes.results.entered > 0


def ranking_rows(minutes: Minutes) -> list[list[str]]:
    """The ranking as text, in the tally's order (rank order, unranked last)."""
    columns = glossary.with_categories(glossary.RANKING, minutes.results)
    return [glossary.row(u, columns) for u in glossary.ordered(minutes.results)]


def ranking_notes(minutes: Minutes) -> list[str]:
    """Footnotes to the ranking: provisional results and groups short of forms (the quorum),
    then the veto, when it applied."""
    notes = quorum_notes(minutes.results)
    plan_veto = minutes.veto
    if plan_veto is not None and any(u.vetoed for u in minutes.results.units):
        notes.append(glossary.vetoed_note(plan_veto))
    return notes


def invalid_notes(minutes: Minutes) -> list[str]:
    """How many forms each rule voided, and their ids (a sheet's notes; the ballot summary of
    the minutes says the same)."""
    line = rules.document_line(minutes.results)
    return [line] if line else []


def reconciliation_header() -> list[str]:
    return [
        t("minutes.group"),
        t("results.col.weight"),
        t("minutes.issued"),
        t("minutes.returned"),
        t("minutes.valid"),
        t("minutes.invalid"),
        t("minutes.remark"),
    ]


def reconciliation_rows(minutes: Minutes) -> list[list[str]]:
    """Per rater group: its weight (as a share of all weights), forms issued, returned, valid
    and invalid (returned and not valid)."""
    total = sum(g.weight for g in minutes.meeting.groups) or 1.0
    return [
        [
            g.name,
            present.share(g.weight / total),
            count(g.issued),
            count(g.returned),
            count(g.valid),
            count(g.returned - g.valid),
            t("minutes.over_issued") if g.over_issued else "",
        ]
        for g in minutes.meeting.groups
    ]


def forms_totals(minutes: Minutes) -> tuple[int | None, int, int, int]:
    """Forms issued (None unless every group's is known), returned, valid, invalid: the sums of
    the results' groups and the results' own valid and invalid counts."""
    groups = minutes.results.groups
    issued = [g.issued for g in groups]
    known = None if not groups or None in issued else sum(i for i in issued if i is not None)
    r = minutes.results
    return known, sum(g.returned for g in groups), r.valid, r.invalid


def ballot_summary(minutes: Minutes) -> list[str]:
    """The reconciliation in sentences: issued, returned, valid, invalid, then the ids of the
    invalid and unconfirmed ballots."""
    r = minutes.results
    sep = separator()
    issued, returned, valid, invalid = forms_totals(minutes)
    lines = [
        t("minutes.forms_summary", issued=count(issued), returned=returned, valid=valid,
          invalid=invalid)
    ]  # fmt: skip
    lines += invalid_notes(minutes)  # how many forms each rule voided, and their ids
    if r.unconfirmed:
        lines.append(t("minutes.unconfirmed", codes=sep.join(r.unconfirmed)))
    return lines
