"""How figures read to a person: the only formatters of scores, rates, durations and counts, and
the one glossary of result columns (`reviewtui.present.glossary`).

Every output that shows a figure — the results screen, `reviewtui results`, md, docx, xlsx and
csv — formats it here, so the same score reads the same everywhere (SPEC section 6, "Shown
scores"). No Textual, no Rich: the Rich tables of the CLI are in `present.tables`.
"""

from reviewtui.present.numbers import (
    NONE,
    count,
    duration,
    overtime,
    rate,
    rate_value,
    score,
    score_value,
    share,
)

__all__ = [
    "NONE",
    "count",
    "duration",
    "overtime",
    "rate",
    "rate_value",
    "score",
    "score_value",
    "share",
]
