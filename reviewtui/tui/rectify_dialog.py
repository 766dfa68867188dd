"""The dialog that edits or adds one line of the rectification list.

Fields: the problem, the measure (整改措施), the owner (责任人), the deadline (完成时限) and the
status. `tab` moves between them, `enter` saves, `escape` discards (a correction dialog, SPEC 5).
The dialog returns what was typed; the screen applies it through the core, and when the core
refuses it (a deadline that is not a date) the screen opens the dialog again with the same
text, so nothing typed is lost to a mistake.
"""

from __future__ import annotations

from functools import cached_property
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from reviewtui.i18n import CATALOG, t
from reviewtui.rectify import STATUSES, ProblemLine
from reviewtui.textsafe import clean, shown
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.fields import TextField

FIELDS = ("problem", "measure", "owner", "deadline", "status")


def status_code(typed: str) -> str:
    """A status from its code or its name in either language (未整改, done…); as typed if none."""
    text = typed.strip()
    for code in STATUSES:
        if text.lower() == code or text in CATALOG[f"rectify.status.{code}"]:
            return code
    return text


class LineDialog(ModalScreen[dict[str, str] | None]):
    """Returns {field: text} on `enter`, None on `escape`."""

    AUTO_FOCUS = None  # on_mount puts the cursor in the problem field

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "dialog.key.save", key_display="↵", id="rectify.dialog.save"),
        Binding(
            "escape", "discard", "dialog.key.close", key_display="esc", id="rectify.dialog.close"
        ),
        Binding("tab", "app.focus_next", "dialog.key.next_field", show=False),
        Binding("shift+tab", "app.focus_previous", "", show=False),
    ]

    def __init__(
        self,
        title: str,
        line: ProblemLine | None,
        *,
        draft: dict[str, str] | None = None,
        error: str = "",
    ) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.title_text = title
        self.line = line
        values = {
            "problem": line.problem if line else "",
            "measure": line.measure if line else "",
            "owner": line.owner if line else "",
            "deadline": (line.deadline or "") if line else "",
            "status": t(f"rectify.status.{line.status if line else 'open'}"),
        }
        if draft is not None:  # typed before a refusal; the status by its name again
            status = draft.get("status", "")
            shown_status = t(f"rectify.status.{status}") if status in STATUSES else status
            values = {**draft, "status": shown_status}
        self.values = {k: clean(v) for k, v in values.items()}
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="line-box") as box:
            box.border_title = self.title_text
            if self.line is not None and self.line.source != "secretary":
                source = t(f"rectify.source.{self.line.source}")
                if self.line.speaker:
                    source = t("rectify.by_whom", source=source, speaker=self.line.speaker)
                yield Static(Text(shown(t("rectify.dialog.from", source=source))), id="line-from")
            for name in FIELDS:
                with Horizontal(classes="dialog-row"):
                    yield Label(t(f"rectify.col.{name}"), classes="dialog-label")
                    yield TextField(self.values[name], id=f"line-{name}", select_on_focus=False)
            yield Static(Text(self.error, style="bold red"), id="line-error")
            yield Static(Text(t("rectify.dialog.hint")), id="line-hint")

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for name in FIELDS:
            self.field(name).cursor_blink = blink
        self.query_one("#line-error", Static).display = bool(self.error)
        self.set_focus(self.field("problem"))

    def field(self, name: str) -> TextField:
        return self.fields[name]

    @cached_property
    def fields(self) -> dict[str, TextField]:
        return {name: self.query_one(f"#line-{name}", TextField) for name in FIELDS}

    def typed(self) -> dict[str, str]:
        return {name: self.field(name).value for name in FIELDS}

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        values = self.typed()
        values["status"] = status_code(values["status"])
        self.dismiss(values)

    def action_discard(self) -> None:
        self.dismiss(None)
