"""Keys: binding helpers (names in the user's language) and text fields that take keys in order.

Bindings are declared in `BINDINGS` as usual, with catalog keys (e.g. "live.key.report") as
descriptions; `localize` turns them into the current language when a screen or widget is made.
This is the one module that touches Textual's private binding state (`_bindings`,
`_check_bindings`): when Textual changes, this is where to look.

Keys in order: Textual (8.2.8) gives every key to the widget that has the cursor, which inserts a
printable key at once but lets an editing key (backspace, delete, arrows, home/end, ctrl+w/u)
bubble up to the app, where its binding runs later. Keys that arrive in one read (a fast typist
on a busy laptop, tmux, an input method) then apply out of order: `a b c ⌫ ⌫ ⌫ x y z` left `abc`.
`InOrder` runs a key's binding from the field's own key handler, at once, so every key acts in
the order it was typed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.message import Message

from reviewtui import textsafe
from reviewtui.i18n import CATALOG, t

if TYPE_CHECKING:
    from textual.widget import Widget

# The most a single-line field keeps of one paste; the secretary is told what was cut. A question
# is a few sentences: 10,000 characters is pages of text, and an Input stays quick at that size.
PASTE_LIMIT = 10_000


def tr(text: str | None) -> str:
    """A catalog key in the current language; anything else as it is."""
    if not text:
        return text or ""
    return t(text) if text in CATALOG else text


def localized(binding: Binding) -> Binding:
    description = tr(binding.description)
    if binding.action in ("command_palette", "app.command_palette"):
        description = t("palette.key")
    return dataclasses.replace(
        binding,
        description=description,
        tooltip=tooltip(binding),
        key_display=tr(binding.key_display) if binding.key_display else binding.key_display,
    )


def tooltip(binding: Binding) -> str:
    """What the key bar shows when the mouse rests on the key: its own tooltip, else the
    catalog's `tip.<binding id>`, else `tip.<action>` (i18n/tips.py), in the current language."""
    if binding.tooltip:
        return tr(binding.tooltip)
    action = binding.action.rpartition(".")[2].partition("(")[0]  # "app.help" -> "help"
    for key in (f"tip.{binding.id}" if binding.id else "", f"tip.{action}"):
        if key in CATALOG:
            return t(key)
    return ""


def localize(node: DOMNode) -> None:
    """Translate the descriptions of `node`'s bindings (call right after `__init__`)."""
    node._bindings = BindingsMap.from_keys(
        {
            key: [localized(binding) for binding in bindings]
            for key, bindings in node._bindings.key_to_bindings.items()
        }
    )


def prepend_bindings(node: DOMNode, bindings: list[Binding]) -> None:
    """Put `bindings` before `node`'s own (a screen whose first keys come from a registry)."""
    keys: dict[str, list[Binding]] = {}
    for binding in bindings:
        keys.setdefault(binding.key, []).append(binding)
    for key, own in node._bindings.key_to_bindings.items():
        keys.setdefault(key, []).extend(own)
    node._bindings = BindingsMap.from_keys(keys)


def set_description(node: DOMNode, action: str, catalog_key: str) -> None:
    """Change what the footer says for `action` (e.g. 述职 or 讲话, by the item shown)."""
    for bindings in node._bindings.key_to_bindings.values():
        for index, binding in enumerate(bindings):
            if binding.action == action:
                bindings[index] = dataclasses.replace(binding, description=t(catalog_key))
    node.refresh_bindings()


class Typed(Message, bubble=False):
    """Posted to the field with the cursor: `then` runs once the field has taken every key
    queued before it (`when_typed`)."""

    def __init__(self, then: Callable[[], object]) -> None:
        super().__init__()
        self.then = then


def when_typed(screen: DOMNode, then: Callable[[], object]) -> None:
    """Run `then` after the keys already on their way to the field with the cursor.

    A priority binding (a dialog's `enter`) runs when the key reaches the app, before the
    focused field has typed the keys that came in the same read (tmux, a barcode scanner, an
    input method's commit): `path⏎` found the field empty. The field's own queue keeps order."""
    focused = getattr(screen, "focused", None)
    if isinstance(focused, InOrder):
        focused.post_message(Typed(then))  # type: ignore[attr-defined]
    else:
        then()


class InOrder:
    """Mixin for a text field or a drop-down (before the Textual class: `class F(InOrder, Input)`).

    - A key that is not typed text runs its binding now (the field's, then its screen's, as
      Textual would later), so it acts before the keys that came after it.
    - A key that reached this field after the cursor moved on (the burst went on past `escape`,
      `tab` or `enter`) is not typed here: `forward_moved_on` gives it to what has the cursor
      now, or, with nothing focused, it goes on to the app as a single-letter key.
    - `submit_focus`: where `enter` moves the cursor, at once, so that the keys after it in the
      same read go there (a message handler moving it would come too late).
    """

    submit_focus: Widget | None = None

    def on_typed(self, message: Typed) -> None:
        message.stop()
        message.then()

    async def _on_key(self, event: events.Key) -> None:
        widget: Widget = self  # type: ignore[assignment]
        focused = widget.screen.focused
        if focused is not None and focused is not widget and widget in focused.ancestors:
            return  # bubbling up from inside (a drop-down's open list): that widget's key
        if forward_moved_on(widget, event):
            return
        if widget.screen is not widget.app.screen:
            event.prevent_default()  # not here; the event still bubbles up to the app
            return
        if event.is_printable:
            return  # the text widget inserts it, now, as it always does
        if await widget.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()


def forward_moved_on(widget: Widget, event: events.Key) -> bool:
    """Give `event` to the widget that has the cursor now, when it is not `widget`: Textual
    hands a key to what had the cursor when the key arrived, but the keys of one read are typed
    in order, for wherever the key before them moved the cursor. True when forwarded."""
    screen = widget.screen
    target = screen.focused
    if target is widget or target is None or screen is not widget.app.screen:
        return False
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))
    return True


def pasted_line(text: str) -> tuple[str, int]:
    """A paste for a single-line field: cleaned, lines joined by a space, at most PASTE_LIMIT
    characters. Returns (what to insert, how many characters were cut)."""
    lines = textsafe.clean(text, multiline=True).split("\n")
    joined = lines[0] if len(lines) == 1 else " ".join(p.strip() for p in lines if p.strip())
    if len(joined) <= PASTE_LIMIT:
        return joined, 0
    return joined[:PASTE_LIMIT], len(joined) - PASTE_LIMIT


def tell_cut(widget: Any, cut: int) -> None:
    """Say that a paste was too long for the field, and how much of it was left out."""
    if cut:
        widget.notify(
            t("keys.paste_cut", kept=PASTE_LIMIT, cut=cut), severity="warning", timeout=15
        )
