"""The chair's script (主持词): what the chair reads, item by item, as editable text.

It follows the agenda: an opening with attendance to fill in (应到 / 实到), a sentence calling
each speaker and each reporting unit with its time, the questions and the commenting leader,
the assessment with the forms issued per group, and the close.
"""

from __future__ import annotations

from docx.document import Document as DocumentType

from reviewtui.i18n import get_lang, t
from reviewtui.office import official as o
from reviewtui.plan import Plan, titles
from reviewtui.prepare.printing import expected_count, new_document

_ORDINALS_ZH = "一二三四五六七八九十"


def _ordinal(n: int) -> str:
    if get_lang() != "zh":
        return str(n)
    if n <= 10:
        return _ORDINALS_ZH[n - 1]
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else _ORDINALS_ZH[tens - 1])
        + "十"
        + (_ORDINALS_ZH[ones - 1] if ones else "")
    )


def _minutes(seconds: float | None) -> str:
    if not seconds:
        return ""
    minutes, rest = divmod(round(seconds), 60)
    if rest:
        return t("script.min_sec", minutes=minutes, seconds=rest)
    return t("script.min", minutes=minutes)


def _list(names: list[str]) -> str:
    return ("、" if get_lang() == "zh" else ", ").join(names)


def script(plan: Plan) -> DocumentType:
    doc = new_document(plan, t("print.script"))
    o.add(doc, o.title_lines(t("print.script_title", title=plan.meeting.title)), o.TITLE)
    o.add(doc, "", o.BODY)
    o.add(doc, t("script.salute"), o.BODY).paragraph_format.first_line_indent = None
    expected = sum(expected_count(plan, g) for g in plan.groups)
    # the basis (根据……通知) for the secretary to fill in, then the opening, one sentence
    o.add(doc, t("script.basis") + t("script.opening", title=plan.meeting.title))
    if plan.leaders:
        o.add(doc, t("script.leaders", leaders=_names(list(plan.leaders))))
    o.add(doc, t("script.attendance", expected=expected))
    entries = [e for e in plan.agenda]
    steps = [_step_name(plan, e.kind, e.title) for e in entries]
    o.add(doc, t("script.steps", count=len(steps), steps=_names(steps)))
    for n, entry in enumerate(entries, start=1):
        # the heading is a stage note, 【】, not read aloud; the chair says the item's number
        o.add(doc, t("script.step", n=_ordinal(n), what=steps[n - 1]), o.HEADING_2)
        o.add(doc, t("script.now", n=_ordinal(n), what=steps[n - 1]))
        if entry.kind == "speech":
            chair = plan.meeting.chair or ""
            o.add(doc, _speech(entry.speaker or "", entry.title or "", entry.duration, chair))
        elif entry.kind == "break":
            o.add(doc, t("script.break", time=_minutes(entry.duration)))
        elif entry.kind == "assessment":
            _assessment(doc, plan)
        else:
            _reports(doc, plan)
    o.add(doc, t("script.closing_title"), o.HEADING_2)
    o.add(doc, t("script.closing"))
    return doc


def _names(names: list[str]) -> str:
    """Leaders joined with 、, or with ， when a title itself holds 、 ("区委常委、组织部部长"):
    else six leaders read as nine people."""
    if get_lang() == "zh" and any("、" in name for name in names):
        return "，".join(names)
    return _list(names)


def _speech(speaker: str, title: str, duration: float | None, chair: str = "") -> str:
    """A title that names its speaker says it once: 请区委书记讲话, not 请区委书记区委书记讲话;
    the chair does not invite himself: 下面，我说明议程."""
    time = _minutes(duration)
    if speaker and speaker == chair:
        own = title.removeprefix(t("script.chair_word")) or title
        return t("script.chair_speech", title=own, time=time)
    if speaker and title.startswith(speaker):
        return t("script.speech_titled", title=title, time=time)
    return t("script.speech", speaker=speaker, title=title, time=time)


def _step_name(plan: Plan, kind: str, title: str | None) -> str:
    if kind == "reports":
        return t("script.step_reports")
    if kind == "assessment":
        return t("script.step_assessment")
    return title or titles.default_title(kind)


def _reports(doc: DocumentType, plan: Plan) -> None:
    onsite = plan.onsite_units
    limits = {plan.report_seconds(u) for u in onsite}
    limit = _minutes(next(iter(limits))) if len(limits) == 1 else ""
    o.add(doc, t("script.reports_intro", count=len(onsite), time=limit or t("script.each_own")))
    for n, unit in enumerate(onsite, start=1):
        first = t("script.first") if n == 1 else t("script.next")
        o.add(
            doc,
            t(
                "script.report",
                first=first,
                reporter=unit.reporter,
                time=_minutes(plan.report_seconds(unit)),
            ),
        )
        o.add(doc, t("script.questions", reporter=unit.reporter))
        if unit.commenter:
            o.add(doc, t("script.comment", leader=unit.commenter, unit=unit.name))
    written = [u.name for u in plan.written_units]
    if written:
        o.add(doc, t("script.written", units=_list(written), count=len(written)))


def _assessment(doc: DocumentType, plan: Plan) -> None:
    counts = [
        t("script.group_forms", group=g.name, count=g.issued)
        for g in plan.groups
        if g.issued is not None
    ]
    total = sum(g.issued or 0 for g in plan.groups)
    o.add(doc, t("script.assessment", count=len(plan.units)))
    if counts:
        o.add(doc, t("script.forms_issued", total=total, groups=_list(counts)))
    o.add(doc, t("script.hand_in"))
