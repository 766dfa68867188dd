"""去年整改问题: last year's problem lines of the unit on the live screen, to follow them up.

Shown only on a unit's item of a meeting whose plan names last year's database
(`[meeting] previous`), and only when that unit had lines; hidden otherwise, so the screen is
unchanged for every other meeting. Last year's file is read once, read-only; a file it cannot
read is said once, as a warning, never a crash.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from reviewtui.i18n import t
from reviewtui.rectify import Previous, ProblemLine, load_previous
from reviewtui.store import Store
from reviewtui.tui.widgets.text import fit

SHOWN = 3  # lines at most; the rest are counted


def previous_text(lines: tuple[ProblemLine, ...], width: int) -> Text:
    """One line per problem, cut to `width` cells (Chinese is two cells a character)."""
    out = Text(no_wrap=True, overflow="ellipsis")
    for n, line in enumerate(lines[:SHOWN], start=1):
        status = t(f"rectify.status.{line.status}")
        body = t("rectify.previous_line", problem=" ".join(line.problem.split()), status=status)
        if n > 1:
            out.append("\n")
        out.append(fit(f"{n}. {body}", width))
    if len(lines) > SHOWN:
        out.append("\n")
        out.append(t("rectify.previous_more", count=len(lines) - SHOWN), style="dim")
    return out


class PreviousProblems(Static):
    DEFAULT_CSS: ClassVar[str] = """
    PreviousProblems {
        height: auto;
        max-height: 6;
        border: round $warning 60%;
        padding: 0 1;
        display: none;
    }
    PreviousProblems.-shown {
        display: block;
    }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.store = store
        self._previous: Previous | None = None
        self._lines: tuple[ProblemLine, ...] = ()

    def _loaded(self) -> Previous:
        if self._previous is None:
            self._previous = load_previous(self.store)
            if self._previous.warning:
                self.notify(self._previous.warning, severity="warning", timeout=15)
        return self._previous

    def show(self, unit: str | None) -> None:
        """Show `unit`'s lines of last year; hide when it has none (or is not a unit)."""
        if not self.store.plan.meeting.previous:
            self._lines = ()
        else:
            self._lines = self._loaded().of(unit) if unit else ()
        self.set_class(bool(self._lines), "-shown")
        self.border_title = t(
            "rectify.previous_count", title=t("rectify.previous"), count=len(self._lines)
        )
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self._lines:
            self.update(previous_text(self._lines, max(10, self.content_size.width or 70)))
