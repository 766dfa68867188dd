"""What makes a form invalid, in words (SPEC section 6): printed on the paper form and shown on
the phone form, from the same rules the tally applies (`assessment.void_rules`)."""

from __future__ import annotations

from reviewtui.assessment.rules import Rulebook
from reviewtui.i18n import t
from reviewtui.plan import Plan


def rule_lines(plan: Plan) -> list[str]:
    """What makes a form invalid, in words, one line per rule the plan turns on (per quota)."""
    return [
        t(f"print.rule_{rule.name}", **line)
        for rule, figures in Rulebook(plan).on
        for line in rule.printed(figures)
    ]
