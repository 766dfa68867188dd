"""The minutes as Markdown, written to be read as plain text as much as rendered."""

from __future__ import annotations

import re

from rich.cells import cell_len

from reviewtui import segment_kinds
from reviewtui.export import common as c
from reviewtui.export import results_text as rt
from reviewtui.export.problems import opinion_lines
from reviewtui.export.reveals import each_category, reveal_line
from reviewtui.export.written import WrittenUnits, sections
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import ItemRecord, Minutes, time_stats
from reviewtui.rectify import ProblemLine

_INLINE = re.compile(r"([\\`*_\[\]<])")
_BLOCK = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """User text shown as typed: no stray emphasis, links or headings."""
    text = _INLINE.sub(r"\\\1", text)
    return _BLOCK.sub(_block, text)


def _block(match: re.Match[str]) -> str:
    """A line start that would make a heading, quote or list: "# x" → "\\# x", "1. x" → "1\\. x"."""
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():  # a backslash only escapes punctuation, so escape the "."
        return lead + marker[:-1] + "\\" + marker[-1]
    return lead + "\\" + marker


def _lines(text: str, indent: str = "") -> str:
    """Multi-line user text as hard-broken lines (two trailing spaces) under one paragraph."""
    parts = [escape(line.strip()) for line in text.splitlines() if line.strip()]
    return ("  \n" + indent).join(parts)


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table padded by display width, so it lines up in a plain-text viewer too."""
    cells = [
        [cell.replace("|", "\\|").replace("\n", " ") for cell in row] for row in [header, *rows]
    ]
    widths = [max(cell_len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return (
            "| "
            + " | ".join(
                cell + " " * (w - cell_len(cell)) for cell, w in zip(row, widths, strict=True)
            )
            + " |"
        )

    out = [line(cells[0]), "| " + " | ".join("-" * w for w in widths) + " |"]
    out += [line(row) for row in cells[1:]]
    return out


def _item(n: int, item: ItemRecord, minutes: Minutes | None = None) -> list[str]:
    out = [f"## {c.ordinal(n)}{escape(c.item_heading(item))}", ""]
    out += [f"- {label}{c.colon()}{escape(value)}" for label, value in c.item_facts(item)]
    out.append("")
    sub = 0

    def subheading(key: str) -> list[str]:
        nonlocal sub
        sub += 1
        return [f"### {c.sub_ordinal(sub)}{t(key)}", ""]

    sections = item.note_sections
    speeches = c.said_in_notes(item)
    if sections or speeches:
        out += subheading("minutes.notes" if item.kind == "unit" else "minutes.notes_speech")
        for section in sections:
            if section.heading:
                out += [f"**{section.heading}**", ""]
            out += [line for text in section.lines for line in (escape(text), "")]
        for s in speeches:
            out += [f"{segment_kinds.shown(s.kind)}{c.colon()}{_lines(s.text)}", ""]
    if item.questions:
        out += subheading("minutes.questions")
        for i, q in enumerate(item.questions, start=1):
            head = c.question_head(q.asker, q.question_seconds)
            out.append(f"{i}. {escape(head)}{c.colon()}{_lines(q.text, '   ') or c.DASH}  ")
            answer = escape(c.answer_head(q.answer_seconds, q.answerer))
            if q.answer_seconds is not None:
                answer += c.colon() + (_lines(q.answer, "   ") or c.DASH)
            out += [f"   {answer}", ""]
    if item.comments:
        out += subheading("minutes.comments")
        for cm in item.comments:
            head = c.comment_head(cm.leader, cm.seconds)
            out += [f"- {escape(head)}{c.colon()}{_lines(cm.text, '  ') or c.DASH}", ""]
    out += _opinions(item)
    out += _previous(minutes.previous_of(item.unit) if minutes else ())
    return out


def _previous(lines: tuple[ProblemLine, ...]) -> list[str]:
    """Last year's problem lines of the unit (`[meeting] previous`), one line each."""
    if not lines:
        return []
    out = [f"**{t('rectify.minutes_previous')}**", ""]
    for line in lines:
        status = t(f"rectify.status.{line.status}")
        out.append(f"- {escape(t('rectify.previous_line', problem=line.problem, status=status))}")
    return [*out, ""]


def _written(n: int, written: WrittenUnits, minutes: Minutes) -> list[str]:
    """The written units in one table, then the notes and last year's problems of those that
    have any, under the unit's name."""
    out = [f"## {c.ordinal(n)}{t('minutes.written_units')}", ""]
    out += [t("minutes.written_intro", n=len(written.items)), ""]
    # inside a table a line start makes no list: only inline marks are escaped ("1. 台账…")
    joiner = "；" if get_lang() == "zh" else "; "
    rows = [
        [_INLINE.sub(r"\\\1", cell.replace("\n", joiner)) for cell in row] for row in written.rows()
    ]
    out += [*table(written.header(), rows), ""]
    for item in written.items:
        previous = minutes.previous_of(item.unit)
        if not item.notes.strip() and not previous:
            continue
        out += [f"**{escape(item.unit or item.title)}**", ""]
        for section in item.note_sections:
            if section.heading:
                out += [f"*{escape(section.heading)}*", ""]
            out += [line for text in section.lines for line in (escape(text), "")]
        out += _previous(previous)
    return out


def _opinions(item: ItemRecord) -> list[str]:
    """The unit's 意见建议, one per line, with nothing that tells whose form it was."""
    if not item.opinions:
        return []
    return [
        f"**{t('opinion.title')}**",
        "",
        *(f"- {escape(text)}" for text in opinion_lines(item.opinions)),
        "",
    ]


def _assessment(n: int, minutes: Minutes) -> list[str]:
    """The closing 测评情况: the forms, then the ranking, every figure as the results show it."""
    out = [f"## {c.ordinal(n)}{t('minutes.assessment')}", ""]
    out += [f"### {c.sub_ordinal(1)}{t('minutes.reconciliation')}", ""]
    lines = rt.ballot_summary(minutes)
    out += [lines[0], ""]
    if minutes.meeting.groups:
        out += [
            *table(rt.reconciliation_header(), rt.reconciliation_rows(minutes)),
            "",
        ]
    out += [line for text in lines[1:] for line in (text, "")]
    out += [f"### {c.sub_ordinal(2)}{t('minutes.results')}", ""]
    if rt.has_results(minutes):
        out += [
            *table(rt.ranking_header(minutes), rt.ranking_rows(minutes)),
            "",
        ]
        out += [line for text in rt.ranking_notes(minutes) for line in (escape(text), "")]
        out += _method(minutes)
    else:
        out += [t("minutes.no_results"), ""]
    if minutes.reveals:
        out += [f"**{t('minutes.reveals')}**", ""]
        each = each_category(minutes.results)
        out += [f"- {escape(reveal_line(r, by_category=each))}" for r in minutes.reveals] + [""]
    return out


def _method(minutes: Minutes) -> list[str]:
    """（三）计分办法: the rules a paragraph each, then the worked unit as one paragraph of
    hard-broken lines."""
    method = minutes.method
    if method is None:
        return []
    out = [f"### {c.sub_ordinal(3)}{t('method.title')}", ""]
    out += [line for text in method.rules for line in (escape(text), "")]
    if method.example:
        out += [f"**{t('method.example_title')}**", ""]
        out += ["  \n".join(escape(line) for line in method.example), ""]
    return out


def time_stats_section(n: int, minutes: Minutes) -> list[str]:
    """用时统计: the summary, then each table of `minutes.time_stats` (empty ones left out)."""
    stats = time_stats.time_stats(minutes)
    out = [f"## {c.ordinal(n)}{t('stats.title')}", "", escape(time_stats.summary(stats)), ""]
    if not stats.items:
        return out
    tables = [tab for tab in time_stats.tables(stats) if tab.rows]
    for sub, tab in enumerate(tables, start=1):
        header = [col.label for col in tab.columns]
        rows = [[escape(cell) for cell in row] for row in time_stats.text_rows(tab)]
        out += [f"### {c.sub_ordinal(sub)}{tab.title}", "", *table(header, rows), ""]
    return out


def render(
    minutes: Minutes,
    *,
    layout: str = "minutes",
    progress: c.ProgressFn | None = None,
    digest: bool = False,
) -> str:
    """`digest`: the SHA-256 as a visible last line; otherwise it is kept in an HTML comment,
    which a Markdown viewer does not show."""
    minutes = c.safe_text(minutes)  # control characters shown, never written raw
    m = minutes.meeting
    out = [f"# {escape(m.title)}", "", f"**{t('minutes.title')}**", ""]
    facts = c.meeting_facts(minutes)
    out += [f"- {label}{c.colon()}{_lines(value, '  ')}" for label, value in facts]
    out.append("")
    items = sections(minutes)
    total = len(items) + 1
    for n, item in enumerate(items, start=1):
        if isinstance(item, WrittenUnits):
            out += _written(n, item, minutes)
        else:
            out += _item(n, item, minutes)
        c.tick(progress, n, total)
    out += time_stats_section(len(items) + 1, minutes)
    out += _assessment(len(items) + 2, minutes)
    if digest:
        out += ["---", "", c.sha_line(minutes), ""]
    else:
        out += [f"<!-- sha256: {minutes.sha256} -->", ""]
    c.tick(progress, total, total)
    return "\n".join(out)
