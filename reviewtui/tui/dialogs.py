"""Dialogs of the live screen: who spoke and what was said, and a yes/no confirmation.

A dialog for a segment just started (`q`, `c`) writes what is typed straight into that segment
(`edit_segment(..., action="draft")`, not an undo step): the record is being made, and nothing
typed is lost to `escape` or a crash. Typing is saved `DEBOUNCE` seconds after the last key (one
write per pause, not one fsync'd transaction per keystroke), and at once when the dialog closes
(enter, escape), when the app quits or is told to stop (SIGTERM, SIGHUP), and on a screen change.
A dialog correcting an existing record keeps its typing in a draft beside the record, and
applies it in one undoable `edit` when it closes, so ctrl+z takes the whole correction back.
It also has a start field (a timer started late: "14:35:02" or "-0:30"), applied only on
`enter` and checked first: a start the rule refuses (`meeting.start_move`) keeps the dialog open.
Either way the meeting remembers which dialog is open, and a restart reopens it with its text.
The segment keeps running while its dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reviewtui import names
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting, Segment
from reviewtui.meeting.start_move import hms
from reviewtui.textsafe import clean
from reviewtui.tui.keys import localize
from reviewtui.tui.pending import PendingWrites
from reviewtui.tui.widgets.fields import TextField

MAX_CANDIDATES = 4  # rows of names offered under the "who" field
DEBOUNCE = 0.4  # seconds after the last key before what is typed is saved


def who_pool(meeting: Meeting, kind: str, item: Item | None) -> list[str]:
    """The names offered for a segment: askers for a question, leaders for a comment."""
    plan = meeting.plan
    leaders = list(plan.leaders)
    if kind == "question":
        pool = [r.name for r in plan.representatives] + leaders
    elif kind == "comment":
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


class SegmentDialog(ModalScreen[None]):
    """Who (with names offered by part of the name or pinyin initials) and what was said."""

    AUTO_FOCUS = None  # on_mount picks the field: the asker of a question, a comment's text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "dialog.key.save", key_display="↵", id="dialog.save"),
        Binding("escape", "close", "dialog.key.close", key_display="esc", id="dialog.close"),
        Binding(
            "down", "pick(1)", "dialog.key.pick", key_display="↑↓", show=False, id="dialog.pick"
        ),
        Binding("up", "pick(-1)", "", show=False, id="dialog.pick_up"),
    ]

    def __init__(
        self,
        meeting: Meeting,
        segment: Segment,
        item: Item | None,
        *,
        correcting: bool = False,
        draft: tuple[str, str] | None = None,
        pending: PendingWrites | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.meeting = meeting
        self.pending = pending if pending is not None else PendingWrites()
        self.segment = segment
        self.item = item
        self.correcting = correcting
        self.original = (segment.speaker, segment.text)
        who, text = draft if draft is not None else self.original
        who, text = clean(who), clean(text)  # an older database may hold control characters
        self.pool = who_pool(meeting, segment.kind, item)
        self.candidates: list[str] = []
        self._offered_for: str | None = None
        self._saved = (who, text)
        self._initial = (who, text)
        self._done = False
        self._timer: Timer | None = None
        self._start_shown = hms(segment.started_at)

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        kind = self.segment.kind
        title = t(f"kind.{kind}")
        if self.correcting:
            title = t("dialog.title.edit", title=title)
        elif self.segment.running:
            title = t("dialog.title.running", title=title)
        who, text = self._initial
        text_label = t(f"dialog.text.{kind}") if kind in ("question", "answer", "comment") else None
        with Vertical(id="dialog-box") as box:
            box.border_title = title
            with Horizontal(classes="dialog-row"):
                yield Label(t(f"dialog.who.{kind}"), classes="dialog-label")
                yield WhoInput(who, id="who")
            yield CandidateList(id="candidates", markup=False)
            yield Static(id="resolved")
            with Horizontal(classes="dialog-row"):
                yield Label(text_label or t("dialog.text.other"), classes="dialog-label")
                yield TextField(
                    text,
                    id="text",
                    placeholder=t("dialog.text_placeholder"),
                    select_on_focus=False,  # a correction edits the text, not replaces it
                )
            if self.correcting:  # a correction can also move the start (a timer started late)
                with Horizontal(classes="dialog-row"):
                    yield Label(t("dialog.start"), classes="dialog-label")
                    yield TextField(self._start_shown, id="start")
                yield Static(Text(t("dialog.start_hint"), style="dim"), id="start-hint")
            yield Static(Text(t("dialog.hint")), id="dialog-hint")

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for field in (self.who, self.text):  # (looked up now, kept for on_unmount)
            field.cursor_blink = blink
        self._offer(self.who.value)
        self._write(("open_dialog",), partial(self.meeting.set_open_dialog, self.segment.id))
        if self.correcting:  # so that a restart knows this dialog was a correction
            draft = partial(self.meeting.save_dialog_draft, self.segment.id, *self._initial)
            self._write(("dialog", self.segment.id), draft)
        kind = self.segment.kind
        # set_focus, not focus(): focus() is deferred, and keys typed fast would go astray.
        # The asker first for a question (unless reopened after a restart with one already);
        # the text first for a comment, whose leader is prefilled.
        named = bool(self.who.value.strip())
        if (kind == "question" and (self.correcting or not named)) or not named:
            self.set_focus(self.who)
        else:
            self.set_focus(self.text)

    # The fields are looked up once and kept: what they hold is saved even while the dialog is
    # being taken down (the app closing), when a query would no longer find them.

    @cached_property
    def who(self) -> WhoInput:
        return self.query_one("#who", WhoInput)

    @cached_property
    def text(self) -> TextField:
        return self.query_one("#text", TextField)

    @cached_property
    def candidate_list(self) -> CandidateList:
        return self.query_one("#candidates", CandidateList)

    # -- the name ----------------------------------------------------------------------------------

    def _offer(self, typed: str) -> None:
        """Offer the names that `typed` finds; highlight the best unless it is a name already."""
        self._offered_for = typed
        exact = typed.strip() in self.pool
        if exact:
            found: list[str] = []
        else:
            found = names.search(typed, self.pool)
        self.candidates = found
        listing = self.candidate_list
        listing.set_options([Option(Text(name)) for name in found])
        listing.display = bool(found)
        listing.styles.height = min(len(found), MAX_CANDIDATES) or 1
        listing.highlighted = 0 if found and typed.strip() else None
        self._show_resolved()

    def resolved(self) -> str:
        """The name that is recorded: the highlighted offer, or the text as typed."""
        index = self.candidate_list.highlighted
        if self.candidates and index is not None and 0 <= index < len(self.candidates):
            return self.candidates[index]
        return self.who.value.strip()

    def _show_resolved(self) -> None:
        name = self.resolved()
        line = Text(t("dialog.will_record"), style="dim")
        if name:
            line.append(name, style="bold")
            if name not in self.pool:
                line.append(" " + t("dialog.free_text"), style="dim")
        else:
            line.append(t("dialog.nobody"), style="dim")
        self.query_one("#resolved", Static).update(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pick":
            return self.focused is self.query_one("#who") and bool(self.candidates)
        return True

    def action_pick(self, step: int) -> None:
        listing = self.candidate_list
        count = len(self.candidates)
        current = listing.highlighted
        if current is None:
            new = 0 if step > 0 else None
        else:
            new = current + step
            new = None if new < 0 else min(new, count - 1)
        listing.highlighted = new
        self._show_resolved()
        self._save()

    def action_accept_next(self) -> None:
        """`tab` in the name field: take the highlighted name, then go to the text."""
        self._accept()
        self.set_focus(self.text)

    def _accept(self) -> None:
        if self.who.value != self._offered_for:  # keys came faster than Input.Changed
            self._offer(self.who.value)
        name = self.resolved()
        if name != self.who.value:
            self.who.value = name  # Input.Changed follows: offers hide, the draft is saved
            self._offer(name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.candidate_list.highlighted = event.option_index
        self._accept()
        self.set_focus(self.text)

    # -- saving ------------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._done:
            return
        if event.input.id == "who" and event.value != self._offered_for:
            self._offer(event.value)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._save)

    def flush(self) -> None:
        """Save what is typed now (the app calls this before it quits or stops)."""
        self._save()

    def on_screen_suspend(self) -> None:
        self._save()  # another screen came on top (help, a notice): nothing waits on a timer

    def on_unmount(self) -> None:
        self._save()  # the app is closing with the dialog open (any way out)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def _save(self) -> None:
        """Save what the dialog holds now, unless it is what was saved last."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        current = (self.resolved(), self.text.value)
        if current == self._saved or self._done:
            return
        who, text = current
        if self.correcting:
            write = partial(self.meeting.save_dialog_draft, self.segment.id, who, text)
        else:
            write = partial(
                self.meeting.edit_segment, self.segment.id, speaker=who, text=text, action="draft"
            )
        if self._write(("dialog", self.segment.id), write):
            self._saved = current

    def action_save(self) -> None:
        self._accept()
        start = self._start_typed()
        if start is not None:
            # A start the rule refuses keeps the dialog open on that field, saying why.
            try:
                self.meeting.check_start(self.segment.id, start)
            except UserError as exc:
                self.notify("\n".join(exc.lines), severity="error", timeout=15)
                self.set_focus(self.query_one("#start", TextField))
                return
        self._finish(start)

    def action_close(self) -> None:
        self._finish()  # a start typed but not saved with enter is discarded (SPEC 5)

    def _start_typed(self) -> str | None:
        """What the start field asks for, or None when it is left as shown."""
        if not self.correcting:
            return None
        typed = self.query_one("#start", TextField).value.strip()
        return None if typed in ("", self._start_shown) else typed

    def _finish(self, start: str | None = None) -> None:
        """Keep what is typed (a correction as one undoable edit), forget the open dialog."""
        if self._done:
            return
        self._save()
        self._done = True
        who, text = self.resolved(), self.text.value
        if self.correcting and ((who, text) != self.original or start is not None):
            edit = partial(
                self.meeting.edit_segment,
                self.segment.id,
                speaker=who,
                text=text,
                start=start,
                action="edit",
            )
            self._write(("edit", self.segment.id), edit)
        self._write(("open_dialog",), partial(self.meeting.set_open_dialog, None))
        self.dismiss()

    def _write(self, key: tuple[object, ...], write: Callable[[], object]) -> bool:
        """Write now, or keep the write in memory when the storage refuses it (tui/pending.py):
        what was typed is never lost with the dialog. False only for bad input."""
        return self.pending.save(key, write, self.notify) is not None


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: `enter`/`y` yes, `escape`/`n` no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "dialog.key.yes", key_display="↵", id="dialog.yes"),
        Binding("escape,n", "answer(False)", "dialog.key.no", id="dialog.no"),
    ]

    def __init__(self, question: str, detail: Text) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = self.question
            yield Static(self.detail, id="confirm-detail")
            yield Static(Text(t("dialog.confirm_hint"), style="dim"), id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
