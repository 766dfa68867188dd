"""The live screen's segment dialog: who spoke (names offered: `widgets/who.py`) and what was
said.

A dialog for a segment just started (`q`, `c`) writes what is typed straight into that segment
(`edit_segment(..., action="draft")`, not an undo step): the record is being made, and nothing
typed is lost to `escape` or a crash. Typing is saved `DEBOUNCE` seconds after the last key (one
write per pause, not one fsync'd transaction per keystroke), and at once when the dialog closes
(enter, escape), when the app quits or is told to stop (SIGTERM, SIGHUP), and on a screen change.
A dialog correcting an existing record (SPEC 5: saves on `enter`, discards on `escape`) never
writes to the record while open: its typing, start field included, is kept in a draft beside
the record (`meeting.drafts.Correction`, with the record as the dialog found it). `enter`
applies what was changed as one undoable `edit`, so ctrl+z takes the whole correction back;
`escape` drops the draft, and the record is as it was. The start field (a timer started late:
"14:35:02", or "-0:30" from the start shown) is checked first: a start the rule refuses
(`meeting.start_move`) keeps the dialog open.
Either way the meeting remembers which dialog is open, and a restart reopens it with its text
(a correction with its draft and the record as first found: `escape` still discards it all).
The segment keeps running while its dialog is open.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
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

from reviewtui import clock, names
from reviewtui import segment_kinds as kinds
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting, Segment
from reviewtui.meeting.drafts import Correction
from reviewtui.meeting.start_move import hms, parse_start
from reviewtui.textsafe import clean
from reviewtui.tui.keys import localize, set_description
from reviewtui.tui.pending import PendingWrites
from reviewtui.tui.widgets.fields import TextField
from reviewtui.tui.widgets.who import MAX_CANDIDATES, CandidateList, WhoInput, who_pool

DEBOUNCE = 0.4  # seconds after the last key before what is typed is saved


class SegmentDialog(ModalScreen[None]):
    """Who (with names offered by part of the name or pinyin initials) and what was said."""

    AUTO_FOCUS = None  # on_mount picks the field: the asker of a question, a comment's text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "key.save", key_display="↵", id="dialog.save"),
        Binding("escape", "close", "key.close", key_display="esc", id="dialog.close"),
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
        draft: Correction | None = None,
        pending: PendingWrites | None = None,
    ) -> None:
        """`draft`: a correction reopened after a restart, with what had been typed into it."""
        super().__init__(classes="dialog")
        localize(self)
        self.meeting = meeting
        self.pending = pending if pending is not None else PendingWrites()
        self.segment = segment
        self.item = item
        self.correcting = correcting
        self.reopened = draft is not None
        # The record as the dialog found it (when first opened, before any restart).
        self.found = draft if draft is not None else Correction.of(segment)
        self.original = (self.found.original_speaker, self.found.original_text)
        who, text = self.found.speaker, self.found.text
        who, text = clean(who), clean(text)  # an older database may hold control characters
        if correcting:  # escape discards, and says so in the footer
            set_description(self, "close", "dialog.key.discard")
        self.pool = who_pool(meeting, segment.kind, item)
        self.candidates: list[str] = []
        self._offered_for: str | None = None
        self._done = False
        self._timer: Timer | None = None
        try:
            self._found_start = clock.parse_iso(self.found.original_start)
        except ValueError:  # a draft that does not say: the record's own start
            self._found_start = segment.started_at
        self._start_shown = hms(self._found_start)
        self._saved = (who, text, self.found.start)
        self._initial = (who, text)

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        kind = self.segment.kind
        title = kinds.shown(kind)
        if self.correcting:
            title = t("dialog.title.edit", title=title)
        elif self.segment.running:
            title = t("dialog.title.running", title=title)
        who, text = self._initial
        declared = kinds.get(kind)
        text_label = t(declared.text_label) if declared and declared.text_label else None
        # A kind this release does not declare (a later release's): its speaker, in general words.
        who_label = t(declared.who_label if declared else "dialog.who.speech")
        with Vertical(id="dialog-box") as box:
            box.border_title = title
            with Horizontal(classes="dialog-row"):
                yield Label(who_label, classes="dialog-label")
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
                    yield TextField(self.found.start or self._start_shown, id="start")
                yield Static(Text(t("dialog.start_hint"), style="dim"), id="start-hint")
            hint = "dialog.hint.edit" if self.correcting else "dialog.hint"
            yield Static(Text(t(hint)), id="dialog-hint")

    def on_mount(self) -> None:
        blink = getattr(self.app, "cursor_blink", True)
        for field in (self.who, self.text):  # (looked up now, kept for on_unmount)
            field.cursor_blink = blink
        if self.correcting:
            self.start_field.cursor_blink = blink
        self._offer(self.who.value)
        opened: Callable[[], object]
        if self.correcting:  # the record as found goes beside the draft, for a restart
            opened = partial(self.meeting.open_correction, self.segment.id, reopened=self.reopened)
        else:
            opened = partial(self.meeting.set_open_dialog, self.segment.id)
        self._write(("open_dialog",), opened)
        kind = self.segment.kind
        # set_focus, not focus(): focus() is deferred, and keys typed fast would go astray.
        # The asker first for a question (unless reopened after a restart with one already);
        # the text first for a comment, whose leader is prefilled.
        named = bool(self.who.value.strip())
        asker = getattr(kinds.get(kind), "speaker", None) == "asker"
        if (asker and (self.correcting or not named)) or not named:
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
    def start_field(self) -> TextField:
        return self.query_one("#start", TextField)

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
                free = t("dialog.free_text")  # a full-width bracket brings its own space
                line.append(free if free.startswith("（") else " " + free, style="dim")
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

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _save(self) -> None:
        """Save what the dialog holds now, unless it is what was saved last."""
        self._stop_timer()
        current = (self.resolved(), self.text.value, self._start_field())
        if current == self._saved or self._done:
            return
        who, text, start = current
        write: Callable[[], object]
        if self.correcting:
            write = partial(self.meeting.save_dialog_draft, self.segment.id, who, text, start)
        else:
            write = partial(
                self.meeting.edit_segment, self.segment.id, speaker=who, text=text, action="draft"
            )
        if self._write(("dialog", self.segment.id), write):
            self._saved = current

    def action_save(self) -> None:
        self._accept()
        typed = self._start_field().strip()
        start = None
        if typed:
            # A start the rule refuses keeps the dialog open on that field, saying why. A shift
            # counts from the start shown (the record's when the dialog first opened).
            try:
                start = parse_start(typed, self._found_start)
                self.meeting.check_start(self.segment.id, start)
            except UserError as exc:
                self.notify("\n".join(exc.lines), severity="error", timeout=15)
                self.set_focus(self.start_field)
                return
        self._finish(start)

    def action_close(self) -> None:
        if self.correcting:
            self._discard()  # SPEC 5: a correction discards on escape
        else:
            self._finish()  # a new record keeps what is typed (it is in the record already)

    def _start_field(self) -> str:
        """What the start field asks for: "" when it is left as shown (or there is none)."""
        if not self.correcting:
            return ""
        typed = self.start_field.value
        return "" if typed.strip() in ("", self._start_shown) else typed

    def _finish(self, start: datetime | None = None) -> None:
        """Keep what is typed (a correction as one undoable edit), forget the open dialog."""
        if self._done:
            return
        if self.correcting:
            self._stop_timer()
            self.pending.drop(("dialog", self.segment.id))  # the edit says it all
            draft = self.found._replace(speaker=self.resolved(), text=self.text.value)
            self._write(
                ("edit", self.segment.id), partial(self.meeting.save_correction, draft, start)
            )
        else:
            self._save()
        self._done = True
        self._write(("open_dialog",), partial(self.meeting.set_open_dialog, None))
        self.dismiss()

    def _discard(self) -> None:
        """Close a correction leaving the record as it was found: nothing typed is applied."""
        if self._done:
            return
        self._stop_timer()
        self._done = True
        changed = (self.who.value.strip(), self.text.value) != self.original or self._start_field()
        self.pending.drop(("dialog", self.segment.id))
        self._write(("open_dialog",), partial(self.meeting.discard_correction, self.segment.id))
        if changed:
            self.notify(t("dialog.discarded"))
        self.dismiss()

    def _write(self, key: tuple[object, ...], write: Callable[[], object]) -> bool:
        """Write now, or keep the write in memory when the storage refuses it (tui/pending.py):
        what was typed is never lost with the dialog. False only for bad input."""
        return self.pending.save(key, write, self.notify) is not None
