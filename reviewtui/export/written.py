"""What the minutes list, item by item, and the one compact table of the written units.

A unit that only hands in a written report is untimed: a heading of its own says nothing but
"书面述职（不计时）", nine times over. The minutes give them one section instead, at the place of
the first of them in the agenda: a table of 序号, 单位, 述职人 and, when raters wrote any, the
opinions (each text once, "（N 人提出）"). A 休息 or 填写测评表 with nothing recorded has no
heading at all. Shared by the Markdown and Word minutes, so both list the same sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewtui.export import common as c
from reviewtui.export.problems import opinion_lines
from reviewtui.i18n import t
from reviewtui.minutes import ItemRecord, Minutes


@dataclass(frozen=True)
class WrittenUnits:
    """The section of the written units: its items in agenda order."""

    items: tuple[ItemRecord, ...]

    @property
    def with_opinions(self) -> bool:
        return any(item.opinions for item in self.items)

    def header(self) -> list[str]:
        head = [t("export.col.seq"), t("results.col.unit"), t("dialog.who.report")]
        return [*head, t("opinion.title")] if self.with_opinions else head

    def rows(self) -> list[list[str]]:
        rows = []
        for n, item in enumerate(self.items, start=1):
            row = [str(n), item.unit or item.title, item.speaker or c.DASH]
            if self.with_opinions:
                lines = opinion_lines(item.opinions)
                numbered = [f"{i}. {text}" for i, text in enumerate(lines, start=1)]
                row.append("\n".join(numbered) if len(numbered) > 1 else "".join(lines) or c.DASH)
            rows.append(row)
        return rows

    def with_notes(self) -> list[ItemRecord]:
        """The written units the secretary wrote notes on: shown under the table, by name."""
        return [item for item in self.items if item.notes.strip()]


def nothing_to_minute(item: ItemRecord) -> bool:
    """A 休息 or 填写测评表 with nothing recorded: no heading standing empty in the minutes."""
    return item.kind in ("break", "assessment") and not item.segments and not item.note_sections


def is_written(item: ItemRecord) -> bool:
    return item.kind == "unit" and item.mode == "written"


def sections(minutes: Minutes) -> list[ItemRecord | WrittenUnits]:
    """The minutes' numbered sections in agenda order: each item that has something to say,
    the written units together where the first of them stands."""
    written = WrittenUnits(tuple(i for i in minutes.items if is_written(i)))
    out: list[ItemRecord | WrittenUnits] = []
    for item in minutes.items:
        if is_written(item):
            if item is written.items[0]:
                out.append(written)
        elif not nothing_to_minute(item):
            out.append(item)
    return out
