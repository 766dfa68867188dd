"""反馈意见 (`--format feedback`): one page per unit, to send it its results and its problems.

Each unit, in agenda order, a letter of its own: a section starting on an odd page (a new sheet
when printed on both sides), its pages numbered from 1 (so each letter prints and files alone):
the addressee, its rank, score and level, its grade distribution and 好评率, the district leaders'
comments on it, the raters' opinions (意见建议, when the forms had them; never with a form's
serial or group), and its problems (the rectification list as the secretary edited it, each with
who raised it, a merged line with every asker: `problems`; "其余 N 条见整改清单" for the rest).
Every figure is formatted by `reviewtui.present`, as `results` shows it (SPEC 6). Built on the
official page.
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reviewtui import present
from reviewtui.export import common as c
from reviewtui.export import official_parts as parts
from reviewtui.export.docx_charts import feedback_charts
from reviewtui.export.problems import joined as _join
from reviewtui.export.problems import opinion_lines, problems
from reviewtui.i18n import t
from reviewtui.minutes import ItemRecord, Minutes
from reviewtui.office import official as o
from reviewtui.office import template


def _unit_page(
    doc: DocumentType, minutes: Minutes, unit: str, item: ItemRecord | None, *, first: bool
) -> None:
    m = minutes.meeting
    if not first:  # a letter of its own: a new section, on a new sheet, numbered from 1
        _new_letter(doc)
    o.add(doc, t("feedback.title"), o.TITLE)
    parts.unindented(doc, t("feedback.to", unit=unit))
    o.add(doc, t("feedback.intro", date=c.long_date(m.date), title=m.title))

    parts.heading(doc, t("feedback.results"))
    result = minutes.results.unit(unit)
    if result is None or result.final is None:
        o.add(doc, t("feedback.no_score"))
    else:
        o.add(
            doc,
            t(
                "feedback.summary",
                score=present.score(result.final),
                total=len(minutes.results.units),
                rank=present.count(result.rank),
                level=result.level or present.NONE,
                rate=present.rate(result.good_rate),
            ),
        )
    if result is not None and any(result.grade_counts.values()):
        head = [*minutes.grades, t("results.col.good_rate")]
        row = [*(result.grade_counts.get(g, 0) for g in minutes.grades)]
        width = o.TYPE_WIDTH.mm / len(head)
        parts.table(doc, head, [[*row, present.rate(result.good_rate)]], [width] * len(head))
    feedback_charts(doc, minutes, unit)  # against the meeting, grades as bars, last year

    parts.heading(doc, t("feedback.comments"))
    comments = [cm for cm in (item.comments if item else ()) if cm.text.strip()]
    for comment in comments:
        o.add(doc, t("feedback.comment", leader=comment.leader, text=comment.text.strip()))
    if not comments:
        o.add(doc, t("feedback.no_comments"))

    if item is not None and item.opinions:  # the raters' own words, never whose form they were
        parts.heading(doc, t("opinion.title"))
        for n, text in enumerate(opinion_lines(item.opinions), start=1):  # each text once
            o.add(doc, f"{n}. {text}")

    parts.heading(doc, t("feedback.problems"))
    listed, rest = problems(minutes, unit)
    for n, entry in enumerate(listed, start=1):
        if entry.sources:
            source = _join(entry.sources)
            o.add(doc, t("feedback.problem_line", n=n, problem=entry.text, source=source))
        else:  # raised by the organizer itself: no "(会务补充)"
            o.add(doc, f"{n}. {entry.text}")
    if rest:
        o.add(doc, t("notice.problems_rest", n=rest))
    elif not listed and item is not None and item.opinions:
        o.add(doc, t("feedback.problems_in_opinions"))  # a written unit: its raters' words
    elif not listed:
        o.add(doc, t("feedback.no_problems"))
    if listed or (item is not None and item.opinions):
        o.add(doc, t("feedback.ask"))
    # no empty line before the signature: a page per unit matters more on a letter like this
    parts.signature(
        doc, [m.organizer or t("notice.signature"), t("feedback.date_placeholder")], blank=False
    )


def _new_letter(doc: DocumentType) -> None:
    # On an odd page: printed on both sides, each letter starts a sheet of its own, so the
    # letters part and file alone (a printer adds the blank back a one-page letter needs).
    section = doc.add_section(WD_SECTION.ODD_PAGE)  # the page, grid and footers carried on
    number = section._sectPr.find(qn("w:pgNumType"))
    if number is None:  # in its place in the schema's order: before the columns and the grid
        number = OxmlElement("w:pgNumType")
        after = [section._sectPr.find(qn(f"w:{tag}")) for tag in ("cols", "docGrid")]
        anchor = next((e for e in after if e is not None), None)
        if anchor is not None:
            anchor.addprevious(number)
        else:
            section._sectPr.append(number)
    number.set(qn("w:start"), "1")


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    minutes = c.safe_text(minutes)
    m = minutes.meeting
    doc = template.new_document(
        title=t("feedback.doc_title", title=m.title),
        author=m.organizer or "",
        subject=t("feedback.title"),
    )
    items = {i.unit: i for i in minutes.units_items}
    for n, unit in enumerate(minutes.units, start=1):
        _unit_page(doc, minutes, unit, items.get(unit), first=n == 1)
        c.tick(progress, n, len(minutes.units))
    return parts.to_bytes(doc)
