"""The quorum in words (SPEC section 6): the sentences every results view shows when the results
are provisional or a group returned fewer than half its forms. Plain text; each view styles it
and makes it safe for its medium (`textsafe.shown` on a terminal, `safe_text` in a document).
"""

from __future__ import annotations

from reviewtui.assessment.results import Results
from reviewtui.i18n import t
from reviewtui.present.numbers import share


def provisional_note(results: Results) -> str | None:
    """ "Provisional: 30 forms returned, fewer than 50% of the 102 expected", or None."""
    if not results.provisional:
        return None
    return t(
        "results.provisional",
        returned=results.returned,
        share=share(results.quorum),
        expected=results.expected,
    )


def short_group_notes(results: Results) -> list[str]:
    """One line per group that returned fewer than half its expected forms."""
    return [
        t("results.group_short", group=g.name, returned=g.returned, expected=g.expected)
        for g in results.groups
        if g.short
    ]


def quorum_notes(results: Results) -> list[str]:
    """The provisional sentence (when it applies) first, then the groups short of forms."""
    note = provisional_note(results)
    return ([note] if note else []) + short_group_notes(results)
