"""Ballot entry (SPEC section 5; `b` on the agenda): paper forms typed in fast and checked twice.

The screen opens on the grid, the ballot id already filled with the next free number and the
group of the last ballot kept, so a 15-unit one-item ballot is 15 digit presses and `ctrl+s`.
One row per unit (on-site and written), one column per form item: on a graded cell `1`..`9` give
the 1st..9th grade and move on, `0` leaves it blank and moves on; a numeric cell takes a number
and `enter`. `ctrl+s` saves the ballot in one transaction, committed before the screen says so.

With double entry the screen works in entry round 1 or 2 (`e` switches). A round never shows the
other round's values; when the two entries of a form disagree the differing cells are listed and
the wrong entry is typed again from a blank form, never edited to match.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import DataTable, Input, Select, Static

from reviewtui.assessment import ballots, serials
from reviewtui.assessment.ballots import MISMATCHED, Ballot
from reviewtui.assessment.forms import Marks, normalize_code
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import shown
from reviewtui.tui.ballot_check import confirm_save
from reviewtui.tui.ballot_grid import BallotGrid, MismatchScreen
from reviewtui.tui.ballot_import import open_import
from reviewtui.tui.ballot_view import BallotView
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.help import HelpScreen

UNDOABLE = ballots.UNDOABLE  # what ctrl+z here can take back (assessment/ballots.py)


class BallotScreen(BallotView):
    """The ballot screen's commands: save, correct, retype, delete, switch rounds, undo."""

    # -- state of the form -------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        grid = self.grid
        start = self.editing.marks if self.editing is not None and not self.retyping else {}
        said = self.editing.opinions if self.editing is not None else {}
        return bool(grid.buffer) or grid.values != start or grid.opinions != said

    def reset_form(self) -> None:
        self.editing = None
        self.retyping = False
        self._armed = None
        self.grid.load({})
        self.code_input.value = ballots.next_code(self.store, self.entry)
        self.set_focus(self.grid)

    # -- messages from the widgets -----------------------------------------------------------

    def on_ballot_grid_edited(self, _: BallotGrid.Edited) -> None:
        self._armed = None
        self.show_status()

    def on_ballot_grid_refused(self, message: BallotGrid.Refused) -> None:
        self.say(message.reason, "error")

    def on_ballot_grid_full(self, _: BallotGrid.Full) -> None:
        if self.grid.values:  # not when ctrl+s, typed right after, has saved and cleared it
            self.say(t("ballot.form_full"))

    def on_data_table_cell_highlighted(self, message: DataTable.CellHighlighted) -> None:
        if message.data_table is self.grid:
            self.show_status()

    def on_input_changed(self, message: Input.Changed) -> None:
        if message.input.id == "ballot-code":
            printed = serials.Printed.load(self.store.conn)  # read anew: a print may come later
            code = printed.normalized(normalize_code(message.value))
            owner = printed.group_of(code)
            if owner is not None and owner != self.group:  # a printed form's serial: its group
                self.group_select.value = owner
            mine = self.editing is not None and self.editing.code == code
            if code and not mine and code in ballots.codes(self.store, self.entry):
                self.say(t("ballot.taken_live", code=code, entry=self.entry), "warning")
                self._taken_shown = True
            elif self._taken_shown:
                self._taken_shown = False
                self.query_one("#ballot-message", Static).update("")

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.set_focus(self.grid)

    def on_select_changed(self, message: Select.Changed) -> None:
        if message.select.id == "ballot-group" and isinstance(message.value, str):
            self.group = message.value
            self.show_progress()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        if message.data_table is self.saved_table and message.row_key.value is not None:
            self.open_saved(int(message.row_key.value))

    # -- actions -----------------------------------------------------------------------------

    def action_save(self) -> None:
        grid = self.grid
        if grid.buffer and not grid.commit_buffer():
            return
        marks = dict(grid.values)
        if confirm_save(self, self.plan, marks, self.save_marks):  # invalid, or units left blank
            return
        self.save_marks(marks)

    def save_marks(self, marks: Marks) -> None:
        replacing = self.editing.id if self.editing is not None else None
        action = "ballot.retype" if self.retyping else None
        # A printed form's serial decides its group, even before the screen has shown it.
        owner = serials.Printed.load(self.store.conn).group_of(
            normalize_code(self.code_input.value)
        )
        if owner is not None and owner != self.group:
            self.group = owner
            self.group_select.value = owner
        try:
            saved = ballots.save(
                self.store,
                code=self.code_input.value,
                group=self.group,
                marks=marks,
                entry=self.entry,
                entered_by=self.who_input.value.strip(),
                replacing=replacing,
                action=action,
                opinions=dict(self.grid.opinions) if self.opinions_on else None,
            )
        except UserError as exc:
            self.say("\n".join(exc.lines), "error")
            return
        # Committed: only now does the screen say so.
        key = "ballot.saved" if replacing is None else "ballot.corrected"
        self.say(t(key, code=saved.code, entry=saved.entry), "success")
        self.reset_form()
        self.refresh_all()
        if self.double:
            self.check_pair(saved)

    def check_pair(self, saved: Ballot) -> None:
        """After saving one entry of a form, compare it with the other entry if there is one."""
        other = ballots.find(self.store, saved.code, 3 - saved.entry)
        if other is None:
            return
        first, second = (saved, other) if saved.entry == 1 else (other, saved)
        comparison = ballots.compare_pair(self.form, first, second)
        if comparison.status == MISMATCHED:
            self.say(
                t("ballot.mismatch_title", code=saved.code, count=len(comparison.diffs)), "error"
            )
            self.app.push_screen(MismatchScreen(comparison), self._resolved(saved.code))
            return
        self.say(t("ballot.confirmed", code=saved.code), "success")
        if first.entered_by and first.entered_by == second.entered_by:
            self.notify(
                t("ballot.same_person", code=saved.code, who=first.entered_by),
                severity="warning",
                timeout=8,
            )

    def _resolved(self, code: str) -> Callable[[int | None], None]:
        def retype(entry: int | None) -> None:
            if entry in (1, 2):
                self.start_retype(entry, code)

        return retype

    def start_retype(self, entry: int, code: str) -> None:
        """Type entry `entry` of form `code` again, from a blank form."""
        ballot = ballots.find(self.store, code, entry)
        if ballot is None:
            self.say(t("ballot.gone", code=code), "error")
            return
        self.entry = entry
        self.editing = ballot
        self.retyping = True
        self._armed = None
        self.grid.load({}, ballot.opinions)  # opinions are not compared: kept, not retyped
        self.code_input.value = ballot.code
        self.group_select.value = ballot.group
        self.refresh_all()
        self.say(t("ballot.retyping", code=code, entry=entry), "warning")
        self.set_focus(self.grid)

    def open_saved(self, ballot_id: int) -> None:
        ballot = ballots.get(self.store, ballot_id)
        if ballot is None:
            self.say(t("ballot.gone", code=ballot_id), "error")
            self.show_saved()
            return
        if self.double:
            # Never shown for editing: an entry is compared, or typed again from blank.
            (comparison,) = ballots.compare_store(self.store, ballot.code)
            if comparison.status == MISMATCHED:
                self.app.push_screen(MismatchScreen(comparison), self._resolved(ballot.code))
            else:
                self.start_retype(ballot.entry, ballot.code)
            return
        self.editing = ballot
        self.retyping = False
        self._armed = None
        self.grid.load(ballot.marks, ballot.opinions)
        self.code_input.value = ballot.code
        self.group_select.value = ballot.group
        self.show_status()
        self.say(t("ballot.correcting", code=ballot.code), "warning")
        self.set_focus(self.grid)

    def action_next_group(self) -> None:
        groups = self.form.groups
        self.group_select.value = groups[(groups.index(self.group) + 1) % len(groups)]

    def action_focus_code(self) -> None:
        self.set_focus(self.code_input)

    def action_focus_who(self) -> None:
        self.set_focus(self.who_input)

    def action_focus_list(self) -> None:
        self.set_focus(self.saved_table)

    def action_new(self) -> None:
        if self.dirty and not self._arm("new", t("ballot.unsaved_new")):
            return
        self.reset_form()
        self.refresh_all()
        self.query_one("#ballot-message", Static).update("")

    def action_switch_round(self) -> None:
        if not self.double:
            self.say(t("ballot.single_entry_only"), "warning")
            return
        if self.dirty and not self._arm("round", t("ballot.unsaved_round")):
            return
        self.entry = 3 - self.entry
        self.reset_form()
        self.refresh_all()
        self.say(t("ballot.round", entry=self.entry))

    def action_delete(self) -> None:
        target: Ballot | None = None
        if self.saved_table.has_focus and (selected := self._selected_id()) is not None:
            target = ballots.get(self.store, selected)
        elif self.editing is not None:
            target = self.editing
        if target is None:
            self.say(t("ballot.nothing_selected"), "warning")
            return
        detail = Text()
        for label, value in (
            (t("ballot.field.group"), target.group),
            (t("ballot.col.filled"), str(len(target.marks))),
            (t("ballot.field.entered_by"), target.entered_by),
        ):
            detail.append(f"{label}: ", style="dim")
            detail.append(shown(value) + "\n")
        detail.rstrip()
        question = t("ballot.delete_confirm", code=target.code, entry=target.entry)

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(target)

        self.app.push_screen(ConfirmDialog(question, detail), answered)

    def delete(self, target: Ballot) -> None:
        try:
            ballots.delete(self.store, target.id)
        except UserError as exc:
            self.say("\n".join(exc.lines), "error")
            return
        if self.editing is not None and self.editing.id == target.id:
            self.reset_form()
        self.refresh_all()
        self.say(t("ballot.deleted", code=target.code, entry=target.entry), "success")

    def action_export(self) -> None:
        path = ballots.default_export_path(self.store, self.entry)
        try:
            count = ballots.export_csv(self.store, path, entry=self.entry)
        except UserError as exc:  # the safe writer says what failed and where
            self.say(t("ballot.export_failed", reason="\n".join(exc.lines)), "error")
            return
        self.say(t("ballot.exported", count=count, path=path), "success")

    def action_import_file(self) -> None:
        open_import(self)

    def action_scan_file(self) -> None:
        from reviewtui.tui.ballot_scan import open_scan  # OpenCV only once a file is read

        open_scan(self)

    def action_scan_review(self) -> None:
        """The forms `ballots scan` held for review, in this round."""
        from reviewtui.tui.scan_review import ScanReviewScreen

        self.app.push_screen(
            ScanReviewScreen(self.store, self.entry, self.who), lambda _: self.refresh_all()
        )

    def action_undo(self) -> None:
        """Take back the latest save, correction, retype or delete made on this screen, or a
        whole imported file once the secretary has confirmed it."""
        found = ballots.last_undoable(self.store)
        if found is None:
            self.say(t("ballot.nothing_to_undo"), "warning")
            return
        tx, what = found
        if what.action not in ("import", "scan"):
            self.undo(tx)
            return
        entry = "?" if what.entry is None else what.entry
        question = t(f"ballot_{what.action}.undo_confirm", count=what.count, entry=entry)
        if what.action == "scan":  # its held forms and page records go with it
            detail = Text(t("ballot_scan.undo_detail"))
        else:
            detail = Text(t("ballot_import.undo_detail", source=shown(what.source)))

        def answered(yes: bool | None) -> None:
            if yes:
                self.undo(tx)

        self.app.push_screen(ConfirmDialog(question, detail), answered)

    def undo(self, tx: int) -> None:
        try:
            undone = ballots.undo_last(self.store, tx)
        except UserError as exc:  # refused (something later changed it): say why
            self.say("\n".join(exc.lines), "error")
            return
        if undone is None:
            self.say(t("ballot.nothing_to_undo"), "warning")
            return
        editing = self.editing
        if editing is not None and (
            editing.id == undone.ballot_id or ballots.get(self.store, editing.id) is None
        ):  # the form showed what is undone now (an imported file: any of its ballots)
            self.reset_form()
        elif editing is None and not self.dirty:  # the offered id may be free again
            self.code_input.value = ballots.next_code(self.store, self.entry)
        self.refresh_all()
        entry = "?" if undone.entry is None else undone.entry
        what = t(
            f"ballot.action.{undone.action}",
            code=undone.code,
            entry=entry,
            count=undone.count,
            source=shown(undone.source),
        )
        self.say(t("ballot.undone", what=what), "success")

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(self.grid)  # escape leaves a text field first
            return
        if self.dirty and not self._arm("leave", t("ballot.unsaved")):
            return
        self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_round":
            return self.double
        if action == "focus_opinion":
            return self.opinions_on
        return True


__all__ = ["BallotGrid", "BallotScreen", "MismatchScreen"]  # the grid lives in tui/ballot_grid.py
