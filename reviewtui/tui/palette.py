"""Command palette entries (ctrl+p): jump to any agenda item, by name or pinyin initials."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.command import (
    CommandInput,
    CommandList,
    CommandPalette,
    DiscoveryHit,
    Hit,
    Hits,
    Provider,
    SearchIcon,
)
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.widgets import Button, LoadingIndicator

from reviewtui import names
from reviewtui.i18n import t
from reviewtui.meeting import Item
from reviewtui.textsafe import shown
from reviewtui.tui.keys import InOrder


class JumpProvider(Provider):
    """One entry per agenda item; choosing it opens the item on the live screen."""

    async def startup(self) -> None:
        self.items: list[Item] = self.app.meeting.items()  # type: ignore[attr-defined]

    def _entry(self, item: Item) -> tuple[str, str]:
        label = shown(t("palette.jump", item=item.title))
        if not item.timed:
            about = t("palette.written_help")
        else:
            about = t("palette.jump_help", item=item.title)
        if item.speaker:
            about = f"{item.speaker} · {about}"
        return label, escape(shown(about))  # the help line is read as markup: names must not be

    def _command(self, item: Item) -> Callable[[], None]:
        return partial(self.app.jump_to, item.id)  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for item in self.items:
            label, about = self._entry(item)
            yield DiscoveryHit(Content(label), self._command(item), text=label, help=about)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for item in self.items:
            label, about = self._entry(item)
            score = matcher.match(label)
            for name in (item.title, item.speaker or ""):
                found = names.rank(query, name) if name else None
                if found is not None:
                    score = max(score, 1.0 - 0.1 * found)
            if score <= 0:
                continue
            yield Hit(score, self._highlight(matcher, label), self._command(item), label, about)

    @staticmethod
    def _highlight(matcher: Matcher, label: str) -> Content:
        """The label with the fuzzy match marked; built as plain content, never as markup."""
        content = Content(label)
        score, offsets = matcher.fuzzy_search.match(matcher.query, label)
        if score:
            for offset in offsets:
                if not label[offset].isspace():
                    content = content.stylize(matcher.match_style, offset, offset + 1)
        return content


class PaletteInput(InOrder, CommandInput):
    """The palette's search field, taking keys in the order they were typed (tui/keys.py)."""


class Palette(CommandPalette):
    """Textual's command palette with a search field that applies keys in order."""

    def compose(self) -> ComposeResult:  # Textual's own, with PaletteInput for CommandInput
        with Vertical(id="--container"):
            with Horizontal(id="--input"):
                yield SearchIcon()
                yield PaletteInput(placeholder=self._placeholder, select_on_focus=False)
                if not self.run_on_select:
                    yield Button("\u25b6")
            with Vertical(id="--results"):
                yield CommandList()
                yield LoadingIndicator()
