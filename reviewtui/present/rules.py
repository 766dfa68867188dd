"""Invalid forms in words (SPEC 6): a reason as a label or as a sentence with the rule's
figures, and the count of forms each rule voided, for every results view. Plain text; each view
makes it safe for its medium (`textsafe.shown` on a terminal)."""

from __future__ import annotations

from collections.abc import Mapping

from reviewtui.assessment.forms import Marks
from reviewtui.assessment.results import Results
from reviewtui.assessment.rules import Rulebook, count_reasons
from reviewtui.assessment.void_rules import rule_of
from reviewtui.i18n import get_lang, t
from reviewtui.plan import Plan


def label(reason: str) -> str:
    """ "nothing scored", "every unit the same grade", "too many '好'"."""
    rule = rule_of(reason)
    grade = reason.partition(":")[2]  # a rule held per grade names it
    return t(f"rules.reason.{rule.name}", grade=grade) if grade else t(f"rules.reason.{rule.name}")


def why(plan: Plan, marks: Marks, reason: str) -> str:
    """The reason as a sentence with this form's figures and the rule's."""
    book = Rulebook(plan)
    rule = rule_of(reason)
    figures = rule.explained(book.figures(rule.name), book.counts_of_marks(marks), reason)
    return t(f"rules.why.{rule.name}", **figures)


def _by_reason(reasons: Mapping[str, str]) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {reason: [] for reason in count_reasons(reasons)}
    for code, reason in reasons.items():
        codes[reason].append(code)
    return codes


def counts_line(results: Results, *, with_codes: bool = True) -> str | None:
    """ "Invalid ballots: nothing scored: 1 (C003); every unit the same grade: 1 (B017)", or None
    when every ballot is valid. For the results screen and `results`."""
    if not results.invalid_reasons:
        return None
    key = "rules.codes_part" if with_codes else "rules.count_part"
    parts = [
        t(key, reason=label(reason), count=len(codes), codes=", ".join(codes))
        for reason, codes in _by_reason(results.invalid_reasons).items()
    ]
    return t("rules.invalid_by_rule", parts=t("rules.part_sep").join(parts))


def document_line(results: Results) -> str | None:
    """The same as a sentence of the minutes: how many forms each rule voided, and their ids."""
    if not results.invalid_reasons:
        return None
    sep = "、" if get_lang() == "zh" else ", "
    parts = [
        t("rules.doc_part", reason=label(reason), count=len(codes), codes=sep.join(codes))
        for reason, codes in _by_reason(results.invalid_reasons).items()
    ]
    return t("rules.doc_invalid", parts=t("rules.part_sep").join(parts))


def import_lines(reasons: Mapping[str, str]) -> list[str]:
    """After `ballots import`: the imported ballots the rules make invalid, per rule with how
    many and their ids (valid input, not errors); nothing when there are none."""
    if not reasons:
        return []
    lines = [t("rules.import_invalid", count=len(reasons))]
    for reason, codes in _by_reason(reasons).items():
        lines.append(
            t("rules.import_line", reason=label(reason), count=len(codes), codes=", ".join(codes))
        )
    return lines
