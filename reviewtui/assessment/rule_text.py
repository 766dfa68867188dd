"""What makes a form invalid, in words (SPEC section 6): printed on the paper form and shown on
the phone form, from the same rules the tally applies."""

from __future__ import annotations

from reviewtui.assessment.rules import Rulebook
from reviewtui.i18n import t
from reviewtui.plan import Plan


def rule_lines(plan: Plan) -> list[str]:
    """What makes a form invalid, in words (SPEC section 6)."""
    lines = [t("print.rule_blank")]
    rules = getattr(plan.assessment, "rules", None)
    if rules is None:
        return lines
    if rules.all_same:
        lines.append(t("print.rule_all_same"))
    if rules.min_marked:  # the count the tally applies, exactly
        lines.append(t("print.rule_min_marked", count=Rulebook(plan).min_units))
    for quota in rules.quota:
        lines.append(t("print.rule_quota", grade=quota.grade, share=_percent(quota.max_share)))
    return lines


def _percent(share: float) -> str:
    return f"{share * 100:g}%"
