"""The dialog that edits or adds one line of the rectification list.

Fields: the problem, the measure (整改措施), the owner (责任人), the deadline (完成时限) and the
status, a drop-down of the allowed values in the user's language (typing a status could only be
wrong). `tab` moves between them, `enter` saves, `escape` discards (a correction dialog, SPEC 5).
The dialog returns what was typed; the screen applies it through the core, and when the core
refuses it (a deadline that is not a date) the screen opens the dialog again with the same
text and the cursor in the field the refusal names, so nothing typed goes astray.
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

from reviewtui.i18n import t
from reviewtui.rectify import STATUSES, ProblemLine
from reviewtui.rectify.lines import source_name
from reviewtui.textsafe import clean, shown
from reviewtui.tui.keys import localize, when_typed
from reviewtui.tui.widgets.fields import Choice, TextField

FIELDS = ("problem", "measure", "owner", "deadline", "status")
TEXTS = FIELDS[:-1]  # typed; the status is chosen


class LineDialog(ModalScreen[dict[str, str] | None]):
    """Returns {field: text} on `enter`, None on `escape`."""

    AUTO_FOCUS = None  # on_mount puts the cursor in the problem field

    BINDINGS: ClassVar[list[BindingType]] = [
        # enter saves from any field; in the open status list it picks (check_action).
        Binding(
            "enter",
            "save",
            "key.save",
            key_display="↵",
            priority=True,
            id="rectify.dialog.save",
        ),
        Binding("escape", "discard", "key.close", key_display="esc", id="rectify.dialog.close"),
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
        focus: str | None = None,
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
            "status": line.status if line else "open",
        }
        if draft is not None:  # typed before a refusal
            values = {**values, **draft}
        self.values = {k: clean(v) for k, v in values.items()}
        if self.values["status"] not in STATUSES:
            self.values["status"] = "open"
        self.error = error
        self.focus_field = focus if focus in FIELDS else "problem"

    def compose(self) -> ComposeResult:
        with Vertical(id="line-box") as box:
            box.border_title = self.title_text
            if self.line is not None and self.line.source != "secretary":
                source = source_name(self.line.source)
                if self.line.speaker:
                    source = t("rectify.by_whom", source=source, speaker=self.line.speaker)
                yield Static(Text(shown(t("rectify.dialog.from", source=source))), id="line-from")
            for name in TEXTS:
                with Horizontal(classes="dialog-row"):
                    yield Label(t(f"rectify.col.{name}"), classes="dialog-label")
                    yield TextField(self.values[name], id=f"line-{name}", select_on_focus=False)
            with Horizontal(classes="dialog-row"):
                yield Label(t("rectify.col.status"), classes="dialog-label")
                yield Choice(
                    [(t(f"rectify.status.{code}"), code) for code in STATUSES],
                    value=self.values["status"],
                    allow_blank=False,
                    id="line-status",
                )
            yield Static(Text(self.error, style="bold red"), id="line-error")
            yield Static(Text(t("rectify.dialog.hint")), id="line-hint")

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for name in TEXTS:
            self.field(name).cursor_blink = blink
        self.query_one("#line-error", Static).display = bool(self.error)
        # After a refusal, the cursor goes to the field it names, never elsewhere.
        focus = self.status if self.focus_field == "status" else self.field(self.focus_field)
        self.set_focus(focus)

    def field(self, name: str) -> TextField:
        return self.fields[name]

    @cached_property
    def fields(self) -> dict[str, TextField]:
        return {name: self.query_one(f"#line-{name}", TextField) for name in TEXTS}

    @cached_property
    def status(self) -> Choice:
        return self.query_one("#line-status", Choice)

    def typed(self) -> dict[str, str]:
        typed = {name: self.field(name).value for name in TEXTS}
        return {**typed, "status": str(self.status.value)}

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """enter picks an option in the open status list, and saves everywhere else."""
        return not (action == "save" and self.status.expanded)

    def on_input_submitted(self, event: TextField.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        when_typed(self, lambda: self.dismiss(self.typed()))

    def action_discard(self) -> None:
        self.dismiss(None)
