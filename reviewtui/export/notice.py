"""通报 draft (`--format notice`): the meeting, the ranking by level, the units rated the best
level, the common problems and the requirements, on the official page, for staff to edit.

- The ranking by level: each level of the plan, best first, with its units in rank order.
- The common problems: the rectification list as the secretary edited it (`problems`), those
  with the same text in several units first, each with its units and who raised it; at most
  `MOST` of them, then "其余 N 条见整改清单" for every line not listed.
- The requirements are not the program's to write: a paragraph in parentheses says what to fill
  in (“（请填写……）”), as does the signature where the plan names no organizer.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewtui import present
from reviewtui.assessment.categories import laid_out
from reviewtui.assessment.results import UnitResult
from reviewtui.export import common as c
from reviewtui.export import official_parts as parts
from reviewtui.export.docx_charts import notice_charts
from reviewtui.export.docx_styles import labelled
from reviewtui.export.problems import Problem, problems
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import Minutes
from reviewtui.office import official as o
from reviewtui.office import template

MOST = 12  # common problems listed; the rest are in the rectification list


def _join(names: list[str]) -> str:
    return ("、" if get_lang() == "zh" else ", ").join(names)


def by_level(
    minutes: Minutes, units: Sequence[UnitResult] | None = None
) -> list[tuple[str, list[str]]]:
    """Each level with its units in rank order (levels of the plan first, best first)."""
    levels: dict[str, list[str]] = {level: [] for level in minutes.levels}
    for unit in minutes.results.units if units is None else units:  # rank order
        if unit.level is not None:
            levels.setdefault(unit.level, []).append(unit.unit)
    return [(level, units) for level, units in levels.items() if units]


def level_lines(minutes: Minutes) -> list[str]:
    """The ranking by level; with `rank_by = "category"` each category's levels on their own."""
    laid = laid_out(minutes.results)
    if len(laid) == 1 and laid[0][0] is None:
        return [t("notice.level_line", level=level, count=len(names), units=_join(names))
                for level, names in by_level(minutes)]  # fmt: skip
    return [
        t("notice.category_level_line", category=category or t("results.no_category"),
          level=level, count=len(names), units=_join(names))
        for category, units in laid
        for level, names in by_level(minutes, units)
    ]  # fmt: skip


def warning_paragraphs(minutes: Minutes) -> list[str]:
    """提醒/约谈 in draft: a lead line, then one paragraph per action (约谈 first) naming the
    units and each one's reason and years."""
    out = [t("notice.warnings_intro")]
    for action in ("talk", "remind"):
        found = [w for w in minutes.warnings if w.rule.action == action]
        units = list(dict.fromkeys(w.unit for w in found))
        if units:
            reasons = t("notice.warnings_sep").join(
                t("notice.warnings_reason", unit=w.unit, reason=w.reason) for w in found
            )
            out.append(t(f"notice.warnings_{action}", units=_join(units), reasons=reasons))
    return out


def common_problems(minutes: Minutes) -> tuple[list[Problem], int]:
    """The problems listed (at most `MOST`) and the number of the list's lines left out."""
    listed, rest = problems(minutes)
    rest += sum(p.lines for p in listed[MOST:])
    return listed[:MOST], rest


def _issued(minutes: Minutes) -> str:
    issued = [g.issued for g in minutes.results.groups]
    if not issued or any(n is None for n in issued):
        return present.NONE
    return present.count(sum(n or 0 for n in issued))


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    minutes = c.safe_text(minutes)
    m = minutes.meeting
    results = minutes.results
    doc = template.new_document(
        title=t("notice.doc_title", title=m.title), author=m.organizer or "", subject=m.title
    )
    o.add(doc, o.title_lines(t("notice.title", title=m.title)), o.TITLE)
    o.add(doc, "")
    parts.unindented(doc, t("notice.to"))
    units = minutes.units_items
    onsite = c.reported_onsite(minutes)
    written = [i for i in units if i.mode == "written"]
    o.add(
        doc,
        t(
            "notice.opening",
            date=c.long_date(m.date),
            title=m.title,
            venue=t("notice.venue", venue=m.venue) if m.venue else "",
            count=len(onsite),
            written=t("notice.written", count=len(written)) if written else "",
        ),
    )
    c.tick(progress, 1, 4)

    parts.heading(doc, t("notice.s1"))
    levels = by_level(minutes)
    if results.entered:
        o.add(
            doc,
            t(
                "notice.ballots",
                issued=_issued(minutes),
                returned=present.count(results.returned),
                valid=present.count(results.valid),
            ),
        )
    for line in level_lines(minutes):
        o.add(doc, line)
    if not levels:
        o.add(doc, t("notice.no_results"))
    notice_charts(doc, minutes)  # the scores as bars, and last year beside this year
    if results.entered and minutes.method is not None:  # 计分办法, and the worked unit
        method = minutes.method
        labelled(doc, t("method.title"), ("" if get_lang() == "zh" else " ").join(method.rules))
        if method.example:
            labelled(doc, t("method.example_title"), "\n".join(method.example))
    c.tick(progress, 2, 4)

    best = minutes.levels[0] if minutes.levels else (levels[0][0] if levels else "")
    parts.heading(doc, t("notice.s2", level=best))
    rated_best = next((names for level, names in levels if level == best), [])
    if rated_best:
        o.add(doc, t("notice.best", units=_join(rated_best), level=best))
    else:
        o.add(doc, t("notice.no_best", level=best))

    parts.heading(doc, t("notice.s3"))
    listed, rest = common_problems(minutes)
    for n, entry in enumerate(listed, start=1):
        key = "notice.problem_by" if entry.sources else "notice.problem"
        o.add(doc, t(key, n=n, problem=entry.text, units=_join(entry.units),
                     sources=_join(entry.sources)))  # fmt: skip
    if rest:
        o.add(doc, t("notice.problems_rest", n=rest))
    elif not listed:
        o.add(doc, t("feedback.no_problems"))
    c.tick(progress, 3, 4)

    if minutes.warnings:  # 跨年度提醒: a draft for staff to edit, each with its reason
        for line in warning_paragraphs(minutes):
            o.add(doc, line)

    parts.heading(doc, t("notice.s4"))
    o.add(doc, t("notice.requirements"))
    parts.signature(doc, [m.organizer or t("notice.signature"), t("feedback.date_placeholder")])
    c.tick(progress, 4, 4)
    return parts.to_bytes(doc)
