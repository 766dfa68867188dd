"""The "who" field of the segment dialog: the names a segment's kind offers, the field, and the
list of names matching what is typed (by part of the name or pinyin initials)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

from reviewtui import segment_kinds as kinds
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.fields import TextField

MAX_CANDIDATES = 4  # rows of names offered under the "who" field


def who_pool(meeting: Meeting, kind: str, item: Item | None) -> list[str]:
    """The names offered for a segment (`SegmentKind.speaker`): askers for a question, leaders
    for a comment, the item's speaker then the leaders for the others."""
    plan = meeting.plan
    leaders = list(plan.leaders)
    declared = kinds.get(kind)
    speaker = declared.speaker if declared else "item"
    if speaker == "asker":
        pool = [r.name for r in plan.representatives] + leaders
    elif speaker == "commenter":
        pool = leaders
    else:
        pool = ([item.speaker] if item and item.speaker else []) + leaders
    return list(dict.fromkeys(pool))


class WhoInput(TextField):
    """The name field: `tab` takes the highlighted name and moves on (at once, in key order)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "screen.accept_next", "dialog.key.next_field", show=False, id="dialog.tab"),
    ]

    def __init__(self, value: str, *, id: str | None = None) -> None:
        super().__init__(value, id=id, placeholder=t("dialog.who_placeholder"))
        localize(self)


class CandidateList(OptionList, can_focus=False):
    """Names matching what is typed; picked with ↑↓ from the name field, or with the mouse."""
