"""What the tally returns (SPEC section 6) and its JSON (SPEC section 7).

Plain frozen dataclasses: `Results` holds the ballot counts, each group's forms and every unit's
scores in rank order; `Results.to_json()` is the results JSON exactly. `round2` is the one
rounding of a score, by which levels and ranks are decided and every output shows it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reviewtui.assessment.forms import Marks
from reviewtui.present.numbers import round2  # the ranking rounds as every view shows


@dataclass(frozen=True)
class BallotEntry:
    """One entry of one paper ballot as plain data: marks map (unit, item) to a grade or number;
    a blank cell is absent."""

    code: str
    group: str
    marks: Marks
    entry: int = 1


@dataclass(frozen=True)
class GroupCount:
    """Forms issued to a rater group, expected of it (`expected`, else `issued`), returned by
    it, and valid among those counted."""

    name: str
    weight: float
    issued: int | None
    returned: int
    valid: int
    over_issued: bool
    expected: int | None = None
    short: bool = False  # fewer than half the expected forms returned (`quorum.is_short`)


@dataclass(frozen=True)
class GroupScore:
    votes: int
    score: float | None
    trimmed: int  # scores left out at each end (0: no trimming)


@dataclass(frozen=True)
class UnitResult:
    unit: str
    mode: str
    rank: int | None
    composite: float | None
    daily: float | None
    final: float | None
    level: str | None
    vetoed: bool  # the veto took the best level away
    votes: int
    groups: dict[str, GroupScore]
    grade_counts: dict[str, int]
    good_rate: float | None
    good_or_fair_rate: float | None
    category: str | None = None  # 分类排名 (plan `category`)
    category_rank: int | None = None  # the rank among the units of its category

    @property
    def final_rounded(self) -> float | None:
        return None if self.final is None else round2(self.final)


@dataclass(frozen=True)
class PastResult:
    """A unit's result in an earlier meeting (`[meeting] previous`): rank, final, level."""

    rank: int | None
    final: float | None
    level: str | None
    category: str | None = None  # for the rules across years (跨年度提醒); not in the JSON
    category_rank: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "final": self.final, "level": self.level}


@dataclass(frozen=True)
class Results:
    meeting: str
    entered: int
    valid: int
    invalid: int
    unconfirmed: tuple[str, ...]
    invalid_codes: tuple[str, ...]
    groups: tuple[GroupCount, ...]
    units: tuple[UnitResult, ...]  # rank order; units without a final score last
    # Quorum (SPEC section 6): the expected total (None: some group has no expected count, no
    # check), the share of it that must be returned, and whether too few forms are back.
    expected: int | None = None
    quorum: float = 0.5
    provisional: bool = False
    # Each invalid ballot's reason (SPEC 6: blank, all_same, min_marked, quota:<grade>), in
    # ballot-code order.
    invalid_reasons: Mapping[str, str] = field(default_factory=dict)
    # Last year's result per unit (None: a unit new this year), only when the plan names a
    # previous meeting (`assessment.history.attach`); None otherwise, and the JSON has no key.
    previous: Mapping[str, PastResult | None] | None = None
    # Some unit has a category: each unit's category and rank in it are in the JSON.
    categories: bool = False
    rank_by: str = "all"

    @property
    def returned(self) -> int:
        """The forms returned, as the groups count them."""
        return sum(g.returned for g in self.groups)

    def unit(self, name: str) -> UnitResult | None:
        return next((u for u in self.units if u.unit == name), None)

    def to_json(self) -> dict[str, Any]:
        """Exactly SPEC section 7: numbers unrounded, null where undefined, units in rank order."""
        out = self._json()
        if self.categories:
            for unit, result in zip(out["units"], self.units, strict=True):
                unit["category"] = result.category
                unit["category_rank"] = result.category_rank
        if self.previous is not None:
            for unit in out["units"]:
                past = self.previous.get(unit["unit"])
                unit["previous"] = None if past is None else past.to_json()
        return out

    def _json(self) -> dict[str, Any]:
        return {
            "meeting": self.meeting,
            "ballots": {
                "entered": self.entered,
                "valid": self.valid,
                "invalid": self.invalid,
                "unconfirmed": list(self.unconfirmed),
                "invalid_reasons": dict(self.invalid_reasons),
                "provisional": self.provisional,
                "groups": {
                    g.name: {
                        "issued": g.issued,
                        "expected": g.expected,
                        "returned": g.returned,
                        "valid": g.valid,
                        "over_issued": g.over_issued,
                    }
                    for g in self.groups
                },
            },
            "units": [
                {
                    "unit": u.unit,
                    "rank": u.rank,
                    "composite": u.composite,
                    "daily": u.daily,
                    "final": u.final,
                    "level": u.level,
                    "votes": u.votes,
                    "groups": {
                        name: {"votes": s.votes, "score": s.score} for name, s in u.groups.items()
                    },
                    "grade_counts": dict(u.grade_counts),
                    "good_rate": u.good_rate,
                    "good_or_fair_rate": u.good_or_fair_rate,
                }
                for u in self.units
            ],
        }


# A group that returned fewer forms than this shows no score of its own: with one or two forms,
# a group's score is one person's marks.
MIN_FORMS = 3


def hidden_groups(results: Results) -> list[str]:
    """The groups whose own score no document lists (anonymity)."""
    return [g.name for g in results.groups if g.returned < MIN_FORMS]
