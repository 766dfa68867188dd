"""Assessment: the form, ballot entry and import, double entry, and the tally (SPEC 5-7).

The core of the assessment; it never imports Textual. The results screen, `reviewtui results`
and every export call `tally_store(store)` and nothing else for the numbers.
"""

from reviewtui.assessment.forms import CellError, Form, Value
from reviewtui.assessment.tally import BallotEntry, Results, UnitResult, round2, tally, tally_store

__all__ = [
    "BallotEntry",
    "CellError",
    "Form",
    "Results",
    "UnitResult",
    "Value",
    "round2",
    "tally",
    "tally_store",
]
