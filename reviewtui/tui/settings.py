"""The settings screen (`o` on the agenda): forms issued and attendance per rater group.

One row per group: 发放份数 (issued), 应到 (expected), 实到 (present), 请假 (absent). `ctrl+s`
saves everything in one "amend" command (ctrl+z on the agenda takes it back): issued/expected
as an amendment of the plan (`amend.propose`/`amend.apply`, refused with the reasons and nothing
changed), present/absent as the attendance (`attendance.set_attendance`). `escape` goes back,
asking first when something typed is not saved.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from reviewtui import amend
from reviewtui.attendance import Counts, attendance, set_attendance
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan, build
from reviewtui.textsafe import shown
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.fields import TextField
from reviewtui.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from reviewtui.store import Store

FIELDS = ("issued", "expected", "present", "absent")
_NUMBER = re.compile(r"[0-9]{1,6}")  # a million forms is a typo, not a meeting


class BadNumber(Exception):
    pass


def parse_count(text: str) -> int | None:
    """A count typed in a field: blank is unknown; full-width digits (１２) count as digits."""
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    if not _NUMBER.fullmatch(value):
        raise BadNumber(value)
    return int(value)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


class SettingsScreen(Screen[None]):
    CSS_PATH = "settings.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", id="settings.save"),
        Binding("escape", "back", "key.back", id="settings.back"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="settings")
        localize(self)
        self.store = store
        present = {a.group: a for a in attendance(store)}
        self.initial: dict[str, dict[str, str]] = {}
        for group in store.plan.groups:
            known = present[group.name]
            self.initial[group.name] = {
                "issued": _text(group.issued),
                "expected": _text(group.expected),
                "present": _text(known.present),
                "absent": _text(known.absent),
            }

    def compose(self) -> ComposeResult:
        yield Static(Text(t("settings.title")), id="settings-title")
        # The scroll area itself takes no focus: tab goes from field to field only.
        with VerticalScroll(id="settings-body", can_focus=False), Grid(id="settings-grid"):
            yield Label(Text(t("minutes.group")), classes="settings-head")
            for field in FIELDS:
                yield Label(Text(t(f"attendance.{field}")), classes="settings-head")
            for index, group in enumerate(self.store.plan.groups):
                yield Label(Text(shown(group.name)))
                for field in FIELDS:
                    box = TextField(
                        self.initial[group.name][field],
                        compact=True,
                        id=f"settings-{index}-{field}",
                    )
                    if field == "expected" and group.issued is not None:
                        box.placeholder = str(group.issued)  # the default: the forms issued
                    yield box
        yield Static(id="settings-message")
        yield Static(Text(t("settings.hint")), id="settings-hint")
        yield KeyBar(id="settings-keys")

    def on_mount(self) -> None:
        if self.store.plan.groups:
            self.query_one("#settings-0-issued", TextField).focus()

    # -- what is typed -------------------------------------------------------------------------

    def typed(self) -> dict[str, dict[str, str]]:
        return {
            group.name: {
                field: self.query_one(f"#settings-{index}-{field}", TextField).value
                for field in FIELDS
            }
            for index, group in enumerate(self.store.plan.groups)
        }

    @property
    def dirty(self) -> bool:
        return self.typed() != self.initial

    def _say(self, lines: list[str]) -> None:
        self.query_one("#settings-message", Static).update(Text(shown("\n".join(lines))))

    # -- actions -------------------------------------------------------------------------------

    def action_save(self) -> None:
        typed = self.typed()
        counts: dict[str, dict[str, int | None]] = {}
        problems: list[str] = []
        first: str | None = None  # the first field refused: the cursor goes there
        for index, (group, fields) in enumerate(typed.items()):
            counts[group] = {}
            for field, text in fields.items():
                try:
                    counts[group][field] = parse_count(text)
                except BadNumber:
                    counts[group][field] = None
                    first = first or f"#settings-{index}-{field}"
                    problems.append(
                        t(
                            "settings.bad_number",
                            group=group,
                            field=t(f"attendance.{field}"),
                            text=text.strip(),
                        )
                    )
        if problems:
            self._say(problems)
            if first is not None:
                self.set_focus(self.query_one(first, TextField))
            return
        plan = self._new_plan(counts)
        values: dict[str, Counts] = {
            group: (c["present"], c["absent"])
            for group, c in counts.items()
            if typed[group]["present"] != self.initial[group]["present"]
            or typed[group]["absent"] != self.initial[group]["absent"]
        }
        if plan is None and not values:
            self._say([])
            self.notify(t("settings.unchanged"))
            self.dismiss()
            return
        try:
            if plan is not None:
                proposal = amend.propose(self.store, plan)
                if proposal.refusals:
                    self._say(
                        [t("settings.refused"), *(f"  {r.reason}" for r in proposal.refusals)]
                    )
                    return
                amend.apply(self.store, plan, proposal, attendance=values or None)
            else:
                set_attendance(self.store, values)
        except UserError as exc:
            self._say(exc.lines)
            return
        self.notify(t("settings.saved"))
        self.dismiss()

    def _new_plan(self, counts: dict[str, dict[str, int | None]]) -> Plan | None:
        """The plan with the issued/expected typed, or None when they are unchanged."""
        data = self.store.plan.data
        groups = [
            {**g, "issued": counts[g["name"]]["issued"], "expected": counts[g["name"]]["expected"]}
            for g in data["groups"]
        ]
        if groups == data["groups"]:
            return None
        return build({**data, "groups": groups})

    def action_back(self) -> None:
        if not self.dirty:
            self.dismiss()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        detail = Text(t("settings.discard"))
        self.app.push_screen(ConfirmDialog(t("settings.title"), detail), answered)
