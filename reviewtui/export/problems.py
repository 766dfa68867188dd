"""The problems a notice and a feedback letter name: the rectification list as the secretary
edited it.

A line of the list is a problem once it says one in the secretary's words: a line she wrote or
corrected (a question or a comment she rewrote as a problem), or her own. A line still reading
as its record (the raw question, ending in "？", or a leader's whole comment, praise included)
is not yet a problem: documents do not paste it, they count it, with every line they leave out,
in "其余 N 条见整改清单". A line that absorbed others (merged) names every asker of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewtui.export.rectify import said_by
from reviewtui.i18n import get_lang
from reviewtui.minutes import Minutes
from reviewtui.rectify.lines import ProblemLine
from reviewtui.textsafe import name_key


@dataclass
class Problem:
    text: str
    units: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # "党代表 张建国提问", one per line merged
    lines: int = 0  # lines of the list it stands for


def is_problem(line: ProblemLine) -> bool:
    """The secretary's words: her own line, or one whose text she set."""
    return bool(line.problem.strip()) and (line.source == "secretary" or not line.follows_record)


def sources(minutes: Minutes, line: ProblemLine) -> list[str]:
    """Who raised the line: its own speaker, then those of every line merged into it (the
    organizer's own lines name nobody: the documents are the organizer's)."""
    absorbed = [x for x in minutes.rectification if x.merged_into is not None and
                x.merged_into == line.id]  # fmt: skip
    out: list[str] = []
    for x in (line, *absorbed):
        if x.source == "secretary" and not x.speaker:
            continue
        said = said_by(x)
        if said not in out:
            out.append(said)
    return out


def problems(minutes: Minutes, unit: str | None = None) -> tuple[list[Problem], int]:
    """The problems (of one unit, or of all units grouped by their text: the ones raised for
    most units first, then in agenda order), and the number of active lines not among them."""
    active = [x for x in minutes.rectification_lines(dropped=False) if unit in (None, x.unit)]
    grouped: dict[str, Problem] = {}
    for line in active:
        if not is_problem(line):
            continue
        text = line.problem.strip()
        entry = grouped.setdefault(name_key(text), Problem(text))
        if line.unit not in entry.units:
            entry.units.append(line.unit)
        entry.sources += [s for s in sources(minutes, line) if s not in entry.sources]
        entry.lines += 1
    listed = sorted(grouped.values(), key=lambda p: -len(p.units))  # stable: agenda order
    return listed, len(active) - sum(p.lines for p in listed)


def joined(names: list[str]) -> str:
    return ("、" if get_lang() == "zh" else ", ").join(names)


def opinion_lines(texts: tuple[str, ...] | list[str]) -> list[str]:
    """The raters' opinions, each text once, in the order first written, with "（N 人提出）"
    when several forms wrote it (compared as names are: NFKC, spaces)."""
    from reviewtui.i18n import t

    counted: dict[str, tuple[str, int]] = {}
    for text in texts:
        key = name_key(text.strip())
        first, n = counted.get(key, (text.strip(), 0))
        counted[key] = (first, n + 1)
    return [text + (t("opinion.raised_by", n=n) if n > 1 else "") for text, n in counted.values()]
