"""The ballot screen's question before saving (SPEC 5): a form that the rules of section 6 make
invalid, or that leaves units blank, is saved only once the secretary confirms it.

The dialog says which rule voids the form, with its figures ("only 1 unit marked; at least 2 of
the 4 must be"), and how many units are blank. `enter`, `y` or a second `ctrl+s` saves;
`escape` or `n` goes back to the form as it was, nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.screen import Screen

from reviewtui.assessment.forms import Marks
from reviewtui.assessment.rules import blank_units, reason_of
from reviewtui.i18n import t
from reviewtui.plan import Plan
from reviewtui.present import rules
from reviewtui.textsafe import shown
from reviewtui.tui.confirm_dialog import ConfirmDialog


class SaveConfirm(ConfirmDialog):
    """ConfirmDialog, where a second ctrl+s also saves a form that only leaves units blank (the
    press that asked, repeated). A form the rules void saves only on `enter` or `y`: a double
    press of ctrl+s in a burst must not save a 废票 whose reason nobody read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *ConfirmDialog.BINDINGS,
        Binding("ctrl+s", "repeat_save", "dialog.key.yes", show=False, id="dialog.save"),
    ]

    def __init__(self, question: str, detail: Text, *, invalid: bool = False) -> None:
        super().__init__(question, detail)
        self.invalid = invalid

    def action_repeat_save(self) -> None:
        if not self.invalid:
            self.dismiss(True)


def save_question(plan: Plan, marks: Marks) -> tuple[str, Text, bool] | None:
    """The question, what the dialog says of the form and whether a rule voids it, or None
    when it saves unasked."""
    reason = reason_of(plan, marks)
    blanks = blank_units(plan, marks)
    if reason is None and not blanks:
        return None
    detail = Text()
    if reason is not None:
        detail.append(shown(t("rules.confirm.why", why=rules.why(plan, marks, reason))) + "\n")
        detail.stylize("bold")
    if blanks:
        detail.append(t("rules.confirm.blanks", count=blanks, units=len(plan.units)) + "\n")
    if reason is not None:
        detail.append(t("rules.confirm.counts") + "\n", style="dim")
    detail.append(t("rules.confirm.check"))
    question = t("rules.confirm.invalid" if reason is not None else "rules.confirm.blank_units")
    return question, detail, reason is not None


def confirm_save(
    screen: Screen[None], plan: Plan, marks: Marks, save: Callable[[Marks], None]
) -> bool:
    """Ask before saving when the form needs it; True when the question is asked (then `save`
    runs only on yes, and a no says nothing was saved)."""
    asked = save_question(plan, marks)
    if asked is None:
        return False

    def answered(yes: bool | None) -> None:
        if yes:
            save(marks)
        else:
            say = getattr(screen, "say", None)
            if say is not None:
                say(t("rules.not_saved"), "warning")

    question, detail, invalid = asked
    dialog = SaveConfirm(question, detail, invalid=invalid)
    screen.app.push_screen(dialog, answered)
    return True
