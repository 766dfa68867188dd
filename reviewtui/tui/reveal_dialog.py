"""The reveal dialog (`p` on the results screen): what goes on the projector (every unit, the
top N, or one level; in a meeting of categories, of every category or of one), who confirmed
the count (计票人, 监票人), and a summary of exactly what will be shown, provisional results said
so. `enter` (or ctrl+s) reveals, `escape` cancels.

The core decides (`assessment.reveal`): the summary is its `prepare()`, the confirmation its
`reveal()`, one journaled command. The typed names live in the results screen's `names`, so an
escape or a refusal loses nothing typed. Every field takes keys in the order they came
(`keys.InOrder`): `张三 tab 李四` arriving in one read fills both names, not the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reviewtui.assessment import reveal as rv
from reviewtui.errors import UserError
from reviewtui.export.reveals import reveal_line as minutes_line
from reviewtui.i18n import t
from reviewtui.minutes.model import RevealRecord
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.help import localize
from reviewtui.tui.keys import when_typed
from reviewtui.tui.widgets.fields import Choice, TextField

if TYPE_CHECKING:
    from reviewtui.tui.results import ResultsScreen

SUMMARY_UNITS = 6  # units named in the summary; the rest are counted
EVERY = "\x00every"  # the category choice "every category" (no category is named so)


class RevealDialog(ModalScreen[rv.Reveal | None]):
    """Reveal the results of `store`; dismisses with the stored reveal, or None if cancelled."""

    CSS_PATH = "reveal_dialog.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="reveal.cancel"),
        # enter confirms from any field (a closed drop-down opens with space or the arrows).
        Binding("enter", "confirm", "reveal.dialog.confirm", priority=True, id="reveal.confirm"),
        Binding("ctrl+s", "confirm", "reveal.dialog.confirm", show=False, id="reveal.save"),
    ]

    def __init__(self, store: Store, names: list[str]) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.store = store
        self.names = names  # [counter, supervisor], kept by the results screen
        self.levels = [lv.level for lv in store.plan.assessment.levels]
        self.categories = rv.categories(store)
        # A plan that ranks by category offers its first category: one ranking at a time.
        by_category = store.plan.assessment.rank_by == "category" and self.categories
        self.first_category = self.categories[0] if by_category else EVERY

    def compose(self) -> ComposeResult:
        with Vertical(id="reveal-box") as box:
            box.border_title = t("reveal.dialog.title")
            with Horizontal(classes="reveal-row"):
                yield Label(t("reveal.dialog.scope"), classes="reveal-label")
                yield Choice(
                    [(t(f"reveal.scope.{scope}"), scope) for scope in rv.SCOPES],
                    value="all",
                    allow_blank=False,
                    compact=True,
                    id="reveal-scope",
                )
            with Horizontal(classes="reveal-row", id="reveal-top-row"):
                yield Label(t("reveal.dialog.top"), classes="reveal-label")
                yield TextField(
                    "3", restrict=r"[0-9]*", max_length=4, compact=True, id="reveal-top"
                )
            with Horizontal(classes="reveal-row", id="reveal-level-row"):
                yield Label(t("results.col.level"), classes="reveal-label")
                yield Choice(
                    [(shown(level), level) for level in self.levels],
                    value=self.levels[0],
                    allow_blank=False,
                    compact=True,
                    id="reveal-level",
                )
            with Horizontal(classes="reveal-row", id="reveal-category-row"):
                yield Label(t("results.col.category"), classes="reveal-label")
                yield Choice(
                    [(t("reveal.category.every"), EVERY)]
                    + [(shown(c), c) for c in self.categories],
                    value=self.first_category,
                    allow_blank=False,
                    compact=True,
                    id="reveal-category",
                )
            for index, role in enumerate(("counter", "supervisor")):
                with Horizontal(classes="reveal-row"):
                    yield Label(t(f"reveal.role.{role}"), classes="reveal-label name-label")
                    # Boxed like every dialog's text field: a secretary sees it takes a name.
                    yield TextField(self.names[index], max_length=rv.NAME_MAX, id=f"reveal-{role}")
            yield Static(id="reveal-summary")
            yield Static(id="reveal-warning")
            yield Static(id="reveal-message")
            yield Static(Text(t("reveal.dialog.hint")), id="reveal-hint")
            with Horizontal(id="reveal-buttons"):
                yield Button(t("key.cancel"), compact=True, id="reveal-cancel")
                yield Button(
                    t("reveal.dialog.confirm"), variant="primary", compact=True, id="reveal-ok"
                )

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for field in self.query(Input):
            field.cursor_blink = blink
        self.query_one("#reveal-scope", Select).focus()  # not a text field: keys stay keys
        self.show_choice()

    # -- what is chosen --------------------------------------------------------------------------

    def scope(self) -> str:
        return str(self.query_one("#reveal-scope", Select).value)

    def top(self) -> int | None:
        text = self.query_one("#reveal-top", Input).value.strip()
        return int(text) if text.isdigit() else None

    def level(self) -> str:
        return str(self.query_one("#reveal-level", Select).value)

    def category(self) -> str | None:
        value = str(self.query_one("#reveal-category", Select).value)
        return None if value == EVERY else value

    @on(Select.Changed)
    @on(Input.Changed, "#reveal-top")
    def show_choice(self) -> None:
        """Show the fields of the chosen scope and the summary of what will be revealed."""
        scope = self.scope()
        self.query_one("#reveal-top-row").display = scope == "top"
        self.query_one("#reveal-level-row").display = scope == "level"
        self.query_one("#reveal-category-row").display = bool(self.categories)
        summary, warning = Text(), Text()
        try:
            preview = rv.prepare(
                self.store, scope, top=self.top(), level=self.level(), category=self.category()
            )
        except UserError as exc:
            summary.append("\n".join(exc.lines), style="bold")
        else:
            names = [shown(u["unit"]) for u in preview.units]
            listed = "、".join(names[:SUMMARY_UNITS]) + ("……" if len(names) > SUMMARY_UNITS else "")
            summary.append(t("reveal.summary", count=len(names), units=listed))
            results = preview.results
            summary.append("\n" + t("reveal.summary_ballots", valid=results.valid,
                                    entered=results.entered))  # fmt: skip
            if preview.provisional:
                warning.append(t("reveal.provisional_warning"))
        self.query_one("#reveal-summary", Static).update(summary)
        self.query_one("#reveal-warning", Static).update(warning)
        self.query_one("#reveal-warning", Static).display = bool(warning.plain)
        self.say("")

    @on(Input.Changed, "#reveal-counter")
    @on(Input.Changed, "#reveal-supervisor")
    def _remember(self, event: Input.Changed) -> None:
        self.names[0 if event.input.id == "reveal-counter" else 1] = event.value

    def say(self, text: str) -> None:
        message = self.query_one("#reveal-message", Static)
        message.update(Text(text))
        message.display = bool(text)

    # -- confirming ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """enter picks an option in an open drop-down list, and confirms everywhere else."""
        expanded = any(select.expanded for select in self.query(Select))
        return not (action == "confirm" and expanded)

    @on(Button.Pressed, "#reveal-ok")
    def _submit(self) -> None:
        self.action_confirm()

    @on(Button.Pressed, "#reveal-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    def action_confirm(self) -> None:
        when_typed(self, self._confirm)

    def _confirm(self) -> None:
        counter, supervisor = self.names
        try:
            done = rv.reveal(
                self.store,
                self.scope(),
                top=self.top(),
                level=self.level(),
                category=self.category(),
                counter=counter,
                supervisor=supervisor,
            )
        except UserError as exc:
            self.say("\n".join(exc.lines))
            if exc.field in ("top", "counter", "supervisor"):  # the cursor to the field named
                self.set_focus(self.query_one(f"#reveal-{exc.field}", Input))
            return
        self.dismiss(done)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------------------------------------
# The results screen's keys (kept here, so the screen itself changes by a few lines)


def open_reveal_dialog(host: ResultsScreen) -> None:
    """`p`: the dialog; once confirmed, the screen says so and shows the reveal's line."""

    def done(reveal: rv.Reveal | None) -> None:
        if reveal is not None:
            host.notify(
                t("reveal.done", count=len(reveal.units), counter=shown(reveal.counter),
                  supervisor=shown(reveal.supervisor))
            )  # fmt: skip
        show_revealed(host)

    host.app.push_screen(RevealDialog(host.store, host.reveal_names), done)


def hide_reveal(host: ResultsScreen) -> None:
    """`h`: off the projector, in one key."""
    try:
        hidden = rv.hide(host.store)
    except UserError as exc:
        host.notify("\n".join(exc.lines), severity="error")
        return
    if hidden is None:
        host.notify(t("reveal.nothing_shown"), severity="warning")
    else:
        host.notify(t("reveal.hidden"))
    show_revealed(host)


def undo_reveal(host: ResultsScreen) -> None:
    """ctrl+z here: the newest reveal or hide not undone yet (the agenda's ctrl+z undoes it
    too, in the order of every meeting command)."""
    try:
        undone = rv.undo(host.store)
    except UserError as exc:
        host.notify("\n".join(exc.lines), severity="error")
        return
    if undone is None:
        host.notify(t("reveal.nothing_to_undo"), severity="warning")
        return
    host.notify(t("ballot.undone", what=t(f"live.action.{undone}")))
    show_revealed(host)


def show_revealed(host: ResultsScreen) -> None:
    """The line saying what is on the projector now, hidden when nothing is."""
    line = host.query_one("#results-revealed", Static)
    current = rv.current(host.store.conn)
    line.display = current is not None
    if current is None:
        line.update("")
        return
    text = Text(t("results.revealed_tag"), style="reverse")
    text.append("  " + shown(reveal_line(current)))
    line.update(text)


def reveal_line(reveal: rv.Reveal) -> str:
    record = RevealRecord(reveal.shown_at, reveal.scope, reveal.top, reveal.level,
                          reveal.counter, reveal.supervisor, None, reveal.provisional,
                          reveal.category)  # fmt: skip
    return minutes_line(record, by_category=reveal.rank_by == "category")
