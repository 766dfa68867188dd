"""The help screen (`?`): every key of the screen below it, of the dialogs, and of the app.

It reads the very same bindings as the footer (localized by `tui/keys.py`), so it can never
disagree with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from reviewtui.clock import format_duration
from reviewtui.i18n import t
from reviewtui.tui.keys import localize, localized, set_description, tr

MY_KEYS = ("agenda.", "live.", "dialog.", "help.", "palette.", "app.")


def listed(binding: Binding) -> bool:
    """Whether the help lists `binding`: shown ones, and hidden ones that are ours."""
    if binding.system or not binding.description:
        return False
    if binding.action in ("command_palette", "app.command_palette"):
        return True
    return binding.show or bool(binding.id and binding.id.startswith(MY_KEYS))


def key_rows(nodes: Iterable[DOMNode], display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """(keys, description) per action, keys of one action together ("↑ ↓"), first node first."""
    rows: dict[tuple[int, str], tuple[list[str], str]] = {}
    for index, node in enumerate(nodes):
        for _key, binding in node._bindings:
            if not listed(binding):
                continue
            keys, _ = rows.setdefault((index, binding.action), ([], binding.description))
            shown = display(binding)
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), description) for keys, description in rows.values()]


def key_table(rows: list[tuple[str, str]]) -> Text:
    """Keys in a column padded by cell width (Chinese is double width), then what they do."""
    width = max((cell_len(keys) for keys, _ in rows), default=4)
    text = Text()
    for index, (keys, description) in enumerate(rows):
        if index:
            text.append("\n")
        text.append(keys + " " * (width - cell_len(keys)), style="bold")
        text.append("  " + description)
    return text


class HelpScreen(ModalScreen[None]):
    """Every key of the screen below it, of the dialogs, and of the app."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "key.close", id="help.close"),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__(id="help")
        localize(self)
        self.under = under

    def compose(self) -> ComposeResult:
        from reviewtui.tui.segment_dialog import (
            SegmentDialog,  # here: the live screen loads it late
        )

        app = self.app
        display = app.get_key_display
        widgets = [w for w in self.under.walk_children() if getattr(w, "HELP_KEYS", False)]
        screen_rows = key_rows([self.under, *widgets], display)
        meeting_screen = getattr(self.under, "HELP_MEETING", False)
        dialog_rows = [
            (display(localized(b)), tr(b.description))
            for b in Binding.make_bindings(SegmentDialog.BINDINGS)
            if listed(b)
        ]
        dialog_rows.insert(0, ("tab", t("dialog.key.next_field")))
        app_rows = key_rows([app], display)
        app_rows.insert(0, ("tab", t("help.key.focus")))
        with VerticalScroll(id="help-box") as box:
            box.border_title = t("help.title")
            box.border_subtitle = "esc"
            yield Static(Text(t("help.section.screen"), style="bold underline"))
            yield Static(key_table(screen_rows), classes="help-keys")
            if meeting_screen:  # the agenda and live screens (others use this help too)
                yield Static(Text(t("help.section.dialogs"), style="bold underline"))
                yield Static(key_table(dialog_rows), classes="help-keys")
            yield Static(Text(t("help.section.app"), style="bold underline"))
            yield Static(key_table(app_rows), classes="help-keys")
            if meeting_screen:
                warn = format_duration(app.store.plan.timing.warn)  # type: ignore[attr-defined]
                yield Static(Text(t("help.focus")), classes="help-text")
                yield Static(Text(t("help.legend", warn=warn)), classes="help-text")


# `localize` and `set_description` live in tui/keys.py; other screens still import them from here.
__all__ = [
    "HelpScreen",
    "key_rows",
    "key_table",
    "listed",
    "localize",
    "localized",
    "set_description",
    "tr",
]
