"""The minutes as Markdown, written to be read as plain text as much as rendered."""

from __future__ import annotations

import re

from rich.cells import cell_len

from reviewtui.export import common as c
from reviewtui.i18n import t
from reviewtui.minutes import ItemRecord, Minutes
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
    sections = item.note_sections
    if sections:
        out += [f"**{c.notes_label(item)}**", ""]
        for section in sections:
            if section.heading:
                out += [f"**{section.heading}**", ""]
            out += [line for text in section.lines for line in (escape(text), "")]
    speeches = [s for s in item.segments if s.kind in ("report", "speech") and s.text.strip()]
    for s in speeches:
        out += [f"{c.kind_label(s.kind)}{c.colon()}{_lines(s.text)}", ""]
    if item.questions:
        out += [f"**{t('minutes.questions')}**", ""]
        for i, q in enumerate(item.questions, start=1):
            head = c.question_head(q.asker, q.question_seconds)
            out.append(f"{i}. {escape(head)}{c.colon()}{_lines(q.text, '   ') or c.DASH}  ")
            answer = c.answer_head(q.answer_seconds)
            if q.answer_seconds is not None:
                answer += c.colon() + (_lines(q.answer, "   ") or c.DASH)
            out += [f"   {answer}", ""]
    if item.comments:
        out += [f"**{t('minutes.comments')}**", ""]
        for cm in item.comments:
            head = c.comment_head(cm.leader, cm.seconds)
            out += [f"- {escape(head)}{c.colon()}{_lines(cm.text, '  ') or c.DASH}", ""]
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


def _results(minutes: Minutes) -> list[str]:
    out = [f"## {t('minutes.results')}", ""]
    if c.has_results(minutes):
        out += [*table(c.ranking_header(), c.ranking_rows(minutes)), ""]
        out += [line for text in c.ranking_notes(minutes) for line in (escape(text), "")]
    else:
        out += [t("minutes.no_results"), ""]
    out += [f"### {t('minutes.reconciliation')}", ""]
    if minutes.meeting.groups:
        out += [*table(c.reconciliation_header(), c.reconciliation_rows(minutes)), ""]
    out += [line for text in c.ballot_summary(minutes) for line in (text, "")]
    return out


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> str:
    minutes = c.safe_text(minutes)  # control characters shown, never written raw
    m = minutes.meeting
    out = [f"# {escape(m.title)}", "", f"**{t('minutes.title')}**", ""]
    out += [f"- {label}{c.colon()}{escape(value)}" for label, value in c.meeting_facts(minutes)]
    out.append("")
    total = len(minutes.items) + 1
    for n, item in enumerate(minutes.items, start=1):
        out += _item(n, item, minutes)
        c.tick(progress, n, total)
    out += _results(minutes)
    out += ["---", "", c.sha_line(minutes), ""]
    c.tick(progress, total, total)
    return "\n".join(out)
