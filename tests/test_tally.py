"""The tally (SPEC section 6): worked examples computed by hand, and hypothesis properties.

Every expected number below is worked out in the comment beside it from SPEC 6, not taken from
the program. Plans are built from normalized plan data (`plan.build`), ballots are plain data.
"""

from __future__ import annotations

import math
import random
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewtui.assessment import ballots as ballot_store
from reviewtui.assessment.tally import BallotEntry, Results, round2, tally, tally_store
from reviewtui.plan import Plan, build

DEFAULT_SCALE = [
    {"grade": "好", "points": 100.0, "counted": True},
    {"grade": "较好", "points": 80.0, "counted": True},
    {"grade": "一般", "points": 60.0, "counted": True},
    {"grade": "差", "points": 40.0, "counted": True},
]
DEFAULT_LEVELS = [
    {"level": "好", "min": 90.0},
    {"level": "较好", "min": 80.0},
    {"level": "一般", "min": 60.0},
    {"level": "差", "min": 0.0},
]
ONE_ITEM = [{"name": "总体评价", "max": None, "weight": 1.0}]


def make_plan(
    units: Sequence[str | tuple[str, float | None]] = ("甲",),
    groups: Sequence[tuple[str, float, int | None]] = (("g", 1.0, None),),
    *,
    scale: list[dict[str, Any]] | None = None,
    items: list[dict[str, Any]] | None = None,
    trim: int = 0,
    onsite_weight: float = 1.0,
    levels: list[dict[str, Any]] | None = None,
    double_entry: bool = False,
    veto: dict[str, Any] | None = None,
) -> Plan:
    unit_rows = []
    for unit in units:
        name, daily = (unit, None) if isinstance(unit, str) else unit
        unit_rows.append(
            {
                "name": name,
                "reporter": name,
                "mode": "onsite",
                "commenter": None,
                "topic": None,
                "report": None,
                "daily": daily,
            }
        )
    return build(
        {
            "meeting": {
                "title": "测试会",
                "date": "2017-02-24",
                "start": None,
                "venue": None,
                "chair": None,
            },
            "timing": {
                "report": 300.0,
                "question": 60.0,
                "answer": 120.0,
                "comment": 180.0,
                "warn": 60.0,
            },
            "leaders": [],
            "groups": [{"name": n, "weight": w, "issued": i} for n, w, i in groups],
            "representatives": [],
            "units": unit_rows,
            "agenda": [{"kind": "reports", "title": None, "speaker": None, "duration": None}],
            "assessment": {
                "scale": scale or DEFAULT_SCALE,
                "items": items or ONE_ITEM,
                "trim": trim,
                "onsite_weight": onsite_weight,
                "levels": levels or DEFAULT_LEVELS,
                "double_entry": double_entry,
                "veto": veto,
            },
        }
    )


def ballot(code: str | int, group: str, entry: int = 1, **by_unit: Any) -> BallotEntry:
    """A one-item ballot: ballot(1, "g", 甲="好", 乙=None)."""
    marks = {(u, "总体评价"): v for u, v in by_unit.items() if v is not None}
    return BallotEntry(str(code), group, marks, entry)


def grades(group: str, unit: str, values: Sequence[str], start: int = 1) -> list[BallotEntry]:
    return [ballot(start + i, group, **{unit: v}) for i, v in enumerate(values)]


# ------------------------------------------------------------------------------------------------
# Worked examples


def test_trimming_needs_2t_plus_3_scores() -> None:
    plan = make_plan(trim=1)
    # n = 4 = 2t + 2: too few to trim. Scores 100, 100, 100, 40 -> mean 340 / 4 = 85.
    four = tally(plan, grades("g", "甲", ["好", "好", "好", "差"]))
    group = four.unit("甲").groups["g"]
    assert (group.votes, group.score, group.trimmed) == (4, 85.0, 0)
    # n = 5 = 2t + 3: drop one highest (100) and one lowest (40) first:
    # 100, 100, 100, 60, 40 -> (100 + 100 + 60) / 3 = 86.666...
    five = tally(plan, grades("g", "甲", ["好", "好", "好", "一般", "差"]))
    group = five.unit("甲").groups["g"]
    assert group.votes == 5  # votes count before trimming
    assert group.trimmed == 1
    assert group.score == pytest.approx(260 / 3)
    assert five.unit("甲").votes == 5


def test_group_without_votes_leaves_its_weight_out() -> None:
    plan = make_plan(("甲", "乙"), (("A", 3.0, None), ("B", 1.0, None)))
    results = tally(
        plan,
        [
            ballot(1, "A", 甲="好", 乙="好"),  # 甲: A gets 100 and 80 -> G(A) = 90
            ballot(2, "A", 甲="较好", 乙="好"),  # 乙: A = 100
            ballot(3, "B", 乙="一般"),  # 乙: B = 60; 甲 has no vote from B
        ],
    )
    jia, yi = results.unit("甲"), results.unit("乙")
    # 甲: only A has votes, so composite = 3 * 90 / 3 = 90 (not 3 * 90 / 4 = 67.5).
    assert jia.groups["B"].votes == 0 and jia.groups["B"].score is None
    assert jia.composite == 90.0
    # 乙: (3 * 100 + 1 * 60) / (3 + 1) = 360 / 4 = 90.
    assert yi.composite == 90.0
    assert (jia.votes, yi.votes) == (2, 3)


def test_uncounted_grade_scores_nothing_but_is_counted() -> None:
    scale = [*DEFAULT_SCALE, {"grade": "不了解", "points": None, "counted": False}]
    plan = make_plan(("甲", "乙"), scale=scale)
    results = tally(
        plan,
        [
            ballot(1, "g", 甲="不了解", 乙="好"),  # valid (乙 scores); 甲 gets no score from it
            ballot(2, "g", 甲="较好", 乙="较好"),
        ],
    )
    jia = results.unit("甲")
    # 甲: one score (80) from ballot 2 -> votes 1, composite 80.
    assert (jia.votes, jia.composite) == (1, 80.0)
    # grade counts include the uncounted grade; the rates use counted grades only: 0 / 1.
    assert jia.grade_counts == {"好": 0, "较好": 1, "一般": 0, "差": 0, "不了解": 1}
    assert jia.good_rate == 0.0 and jia.good_or_fair_rate == 1.0
    assert results.valid == 2 and results.invalid == 0


def test_blank_marks_and_item_weights() -> None:
    items = [
        {"name": "工作实绩", "max": None, "weight": 2.0},
        {"name": "作风", "max": None, "weight": 1.0},
    ]
    plan = make_plan(items=items)
    results = tally(
        plan,
        [
            # 作风 blank: left out of both sums -> (2 * 100) / 2 = 100.
            BallotEntry("1", "g", {("甲", "工作实绩"): "好"}),
            # (2 * 60 + 1 * 100) / (2 + 1) = 220 / 3 = 73.333...
            BallotEntry("2", "g", {("甲", "工作实绩"): "一般", ("甲", "作风"): "好"}),
        ],
    )
    # Group mean: (100 + 220 / 3) / 2 = 520 / 6 = 86.666...
    assert results.unit("甲").composite == pytest.approx(520 / 6)
    # Grade counts count marks, not ballots: 好 twice, 一般 once.
    assert results.unit("甲").grade_counts["好"] == 2
    assert results.unit("甲").good_rate == pytest.approx(2 / 3)


def test_numeric_items_with_max() -> None:
    items = [
        {"name": "总体", "max": None, "weight": 1.0},
        {"name": "实绩分", "max": 50.0, "weight": 1.0},
    ]
    plan = make_plan(items=items)
    results = tally(
        plan,
        [
            # 好 = 100; 40 of 50 = 40 / 50 * 100 = 80 -> (100 + 80) / 2 = 90.
            BallotEntry("1", "g", {("甲", "总体"): "好", ("甲", "实绩分"): 40.0}),
            # Only the number: 12.5 / 50 * 100 = 25.
            BallotEntry("2", "g", {("甲", "实绩分"): 12.5}),
        ],
    )
    jia = results.unit("甲")
    assert jia.composite == pytest.approx((90 + 25) / 2)  # 57.5
    # Numbers are no grade: one counted-grade mark (好) -> good rate 1.
    assert jia.grade_counts["好"] == 1 and jia.good_rate == 1.0


def test_all_blank_ballot_is_invalid_but_returned() -> None:
    scale = [*DEFAULT_SCALE, {"grade": "不了解", "points": None, "counted": False}]
    plan = make_plan(("甲", "乙"), (("g", 1.0, 2),), scale=scale)
    results = tally(
        plan,
        [
            ballot(1, "g", 甲="好"),
            ballot(2, "g"),  # every cell blank
            ballot(3, "g", 甲="不了解", 乙="不了解"),  # only marks without points
        ],
    )
    assert (results.entered, results.valid, results.invalid) == (3, 1, 2)
    assert results.invalid_codes == ("2", "3")
    # An invalid ballot takes no part: 不了解 on ballot 3 is not in 甲's grade counts.
    assert results.unit("甲").grade_counts["不了解"] == 0
    # All three were handed back: returned 3 of 2 issued -> over-issued; valid 1.
    (group,) = results.groups
    assert (group.issued, group.returned, group.valid, group.over_issued) == (2, 3, 1, True)


def test_group_over_issued_is_flagged_not_cut() -> None:
    plan = make_plan(groups=(("A", 1.0, 2), ("B", 1.0, 5), ("C", 1.0, None)))
    ballots = grades("A", "甲", ["好", "好", "差"]) + grades("B", "甲", ["好"], start=10)
    results = tally(plan, ballots)
    a, b, c = results.groups
    assert (a.returned, a.over_issued) == (3, True)
    assert (b.returned, b.over_issued) == (1, False)
    assert (c.issued, c.returned, c.over_issued) == (None, 0, False)
    # Every returned ballot of A still counts: (100 + 100 + 40) / 3 = 80.
    assert results.unit("甲").groups["A"].score == 80.0


def test_daily_blend_and_level_as_in_the_spec_example() -> None:
    plan = make_plan((("甲", 99.0),), onsite_weight=0.7)
    # Ten ballots: six 好 (100) and four 较好 (80)... mean (600 + 320) / 10 = 92.
    ballots = grades("g", "甲", ["好"] * 6 + ["较好"] * 4)
    jia = tally(plan, ballots).unit("甲")
    assert jia.composite == pytest.approx(92.0)
    # final = 0.7 * 92 + 0.3 * 99 = 64.4 + 29.7 = 94.1 -> level 好 (>= 90).
    assert jia.final == pytest.approx(94.1)
    assert jia.level == "好" and jia.rank == 1
    assert jia.good_rate == 0.6 and jia.good_or_fair_rate == 1.0


def test_tie_at_two_decimals_shares_a_rank() -> None:
    plan = make_plan(
        (("甲", 90.008), ("乙", 89.992), ("丙", 100.0), ("丁", 70.0), ("戊", None)),
        onsite_weight=0.5,
    )
    ballots = [
        ballot(1, "g", 甲="较好", 乙="较好", 丙="一般", 丁="好"),
    ]
    results = tally(plan, ballots)
    # 甲: 0.5 * 80 + 0.5 * 90.008 = 85.004 -> 85.00
    # 乙: 0.5 * 80 + 0.5 * 89.992 = 84.996 -> 85.00: the same rounded score, the same rank
    # 丁: 0.5 * 100 + 0.5 * 70 = 85.0 -> 85.00 as well: three units share rank 1
    # 丙: 0.5 * 60 + 0.5 * 100 = 80.0 -> rank 4 (1, 1, 1, 4)
    # 戊: nobody scored it -> rank null, last
    ranks = {u.unit: u.rank for u in results.units}
    assert ranks == {"甲": 1, "乙": 1, "丁": 1, "丙": 4, "戊": None}
    assert [u.unit for u in results.units][-2:] == ["丙", "戊"]
    # Equal ranks keep the agenda order; numbers stay unrounded.
    assert [u.unit for u in results.units][:3] == ["甲", "乙", "丁"]
    assert results.unit("甲").final == pytest.approx(85.004)
    assert results.unit("乙").final == pytest.approx(84.996)


def test_round2_rounds_half_up_through_float_noise() -> None:
    assert round2(89.995) == 90.0  # a float just below 89.995 still rounds as written
    assert round2(0.7 * 86.7 + 0.3 * 99.0) == 90.39  # 90.38999999999999 in floats
    assert round2(84.994999) == 84.99
    assert round2(100.0) == 100.0


def test_veto_takes_the_best_level_away() -> None:
    veto = {"grades": ["一般", "差"], "share": 0.3333}
    plan = make_plan((("甲", 100.0), ("乙", 100.0), ("丙", 100.0)), onsite_weight=0.5, veto=veto)
    ballots = (
        # 甲: 好 好 差 -> (100 + 100 + 40) / 3 = 80; final 0.5 * 80 + 50 = 90 -> 好 by score,
        #     but 差 is 1 of 3 counted marks = 0.333... >= 0.3333 -> the second level, 较好.
        grades("g", "甲", ["好", "好", "差"])
        # 乙: 好 好 好 一般 -> 360 / 4 = 90; final 95; share 1 / 4 = 0.25 < 0.3333 -> 好.
        + grades("g", "乙", ["好", "好", "好", "一般"], start=10)
        # 丙: 一般 一般 -> 60; final 80 -> 较好 by score; the veto only touches the best level.
        + grades("g", "丙", ["一般", "一般"], start=20)
    )
    results = tally(plan, ballots)
    jia, yi, bing = results.unit("甲"), results.unit("乙"), results.unit("丙")
    assert jia.final == pytest.approx(90.0)
    assert (jia.level, jia.vetoed) == ("较好", True)
    assert (yi.final, yi.level, yi.vetoed) == (95.0, "好", False)
    assert (bing.final, bing.level, bing.vetoed) == (80.0, "较好", False)
    assert [u.unit for u in results.units] == ["乙", "甲", "丙"]  # rank by score, not level


def test_unit_nobody_scored() -> None:
    plan = make_plan((("甲", 95.0), "乙"), onsite_weight=0.7)
    results = tally(plan, [ballot(1, "g", 乙="好")])
    jia = results.unit("甲")
    # A daily score alone makes no final: the composite is undefined.
    assert (jia.composite, jia.final, jia.rank, jia.level, jia.votes) == (None, None, None, None, 0)
    assert jia.good_rate is None and jia.good_or_fair_rate is None
    assert [u.unit for u in results.units] == ["乙", "甲"]
    unit_json = results.to_json()["units"][1]
    assert unit_json["final"] is None and unit_json["rank"] is None
    assert unit_json["groups"] == {"g": {"votes": 0, "score": None}}


def test_double_entry_counts_only_agreeing_pairs() -> None:
    plan = make_plan(("甲", "乙"), double_entry=True)
    results = tally(
        plan,
        [
            ballot(1, "g", 1, 甲="好", 乙="较好"),
            ballot(1, "g", 2, 甲="好", 乙="较好"),  # agrees: counts once
            ballot(2, "g", 1, 甲="差", 乙="好"),
            ballot(2, "g", 2, 甲="差", 乙="较好"),  # 乙 differs: not counted
            ballot(3, "g", 1, 甲="差"),  # only one entry: not counted
            ballot(10, "g", 2, 甲="一般"),  # only the second entry: not counted
        ],
    )
    assert results.unconfirmed == ("2", "3", "10")
    assert (results.entered, results.valid, results.invalid) == (4, 1, 0)
    assert results.unit("甲").composite == 100.0 and results.unit("甲").votes == 1
    assert results.groups[0].returned == 4


def test_results_json_has_exactly_the_spec_shape() -> None:
    plan = make_plan((("甲", 99.0), "乙"), (("区级领导", 0.3, 10),), onsite_weight=0.7)
    data = tally(plan, [ballot(1, "区级领导", 甲="好", 乙="一般")]).to_json()
    assert list(data) == ["meeting", "ballots", "units"]
    assert list(data["ballots"]) == [
        "entered",
        "valid",
        "invalid",
        "unconfirmed",
        "invalid_reasons",
        "provisional",
        "groups",
    ]
    assert data["ballots"]["provisional"] is True  # 1 form of the 10 expected (issued)
    assert data["ballots"]["groups"] == {
        "区级领导": {
            "issued": 10,
            "expected": 10,
            "returned": 1,
            "valid": 1,
            "over_issued": False,
        }
    }
    first = data["units"][0]
    assert list(first) == [
        "unit",
        "rank",
        "composite",
        "daily",
        "final",
        "level",
        "votes",
        "groups",
        "grade_counts",
        "good_rate",
        "good_or_fair_rate",
    ]
    # 甲: 0.7 * 100 + 0.3 * 99 = 99.7, unrounded in the JSON.
    assert first["unit"] == "甲" and first["final"] == pytest.approx(99.7)
    assert first["grade_counts"] == {"好": 1, "较好": 0, "一般": 0, "差": 0}


# ------------------------------------------------------------------------------------------------
# Properties

SCALE_CHOICES = ["好", "较好", "一般", "差", "不了解"]


@st.composite
def meetings(draw: st.DrawFn, *, equal_weights: bool = False) -> tuple[Plan, list[BallotEntry]]:
    """A random plan (units, groups, items, trim, daily blend) and random ballots for it."""
    nunits = draw(st.integers(1, 4))
    units = [
        (f"单位{i}", draw(st.none() | st.floats(0, 100, allow_nan=False))) for i in range(nunits)
    ]
    ngroups = draw(st.integers(1, 3))
    weights = st.just(1.0) if equal_weights else st.floats(0.05, 20, allow_nan=False)
    groups = [
        (f"类别{i}", draw(weights), draw(st.none() | st.integers(0, 6))) for i in range(ngroups)
    ]
    items = [{"name": "总体评价", "max": None, "weight": draw(st.floats(0.5, 3))}]
    if draw(st.booleans()):
        items.append(
            {
                "name": "实绩",
                "max": draw(st.sampled_from([10.0, 20.0, 100.0])),
                "weight": draw(st.floats(0.5, 3)),
            }
        )
    scale = [*DEFAULT_SCALE, {"grade": "不了解", "points": None, "counted": False}]
    plan = make_plan(
        units,
        groups,
        scale=scale,
        items=items,
        trim=draw(st.integers(0, 2)),
        onsite_weight=draw(st.floats(0, 1)),
        veto={"grades": ["一般", "差"], "share": 0.3333} if draw(st.booleans()) else None,
    )
    ballots = []
    for code in range(1, draw(st.integers(0, 14)) + 1):
        group = draw(st.sampled_from([g[0] for g in groups]))
        marks: dict[tuple[str, str], str | float] = {}
        for unit, _ in units:
            for item in items:
                if draw(st.integers(0, 4)) == 0:
                    continue  # blank
                if item["max"] is None:
                    marks[(unit, item["name"])] = draw(st.sampled_from(SCALE_CHOICES))
                else:
                    marks[(unit, item["name"])] = float(draw(st.integers(0, int(item["max"]))))
        ballots.append(BallotEntry(str(code), group, marks))
    return plan, ballots


def naive(plan: Plan, ballots: list[BallotEntry]) -> dict[str, tuple[float | None, list[float]]]:
    """An independent, literal reading of SPEC 6: per unit the composite and its ballot scores."""
    a = plan.assessment
    points = {g.grade: g.points for g in a.scale if g.counted}

    def score(b: BallotEntry, unit: str) -> float | None:
        total = weights = 0.0
        for item in a.items:
            value = b.marks.get((unit, item.name))
            if value is None:
                continue
            p = points.get(value) if item.max is None else value / item.max * 100
            if p is not None:
                total += item.weight * p
                weights += item.weight
        return total / weights if weights else None

    valid = [b for b in ballots if any(score(b, u.name) is not None for u in plan.units)]
    out = {}
    for unit in plan.units:
        num = den = 0.0
        every: list[float] = []
        for group in plan.groups:
            values = sorted(
                s for b in valid if b.group == group.name if (s := score(b, unit.name)) is not None
            )
            every += values
            if not values:
                continue
            if a.trim and len(values) >= 2 * a.trim + 3:
                values = values[a.trim : -a.trim]
            num += group.weight * sum(values) / len(values)
            den += group.weight
        out[unit.name] = (num / den if den else None, every)
    return out


def same(a: Results, b: Results) -> None:
    """Equal up to float rounding (numbers), exactly equal otherwise."""
    assert a.to_json()["ballots"] == b.to_json()["ballots"]
    assert [u.unit for u in a.units] == [u.unit for u in b.units]
    for x, y in zip(a.units, b.units, strict=True):
        for field in ("composite", "final"):
            p, q = getattr(x, field), getattr(y, field)
            assert (p is None) == (q is None)
            if p is not None:
                assert math.isclose(p, q, rel_tol=1e-12, abs_tol=1e-9)
        assert (x.votes, x.grade_counts) == (y.votes, y.grade_counts)


@settings(max_examples=150, deadline=None)
@given(meetings(), st.randoms(use_true_random=False))
def test_shuffling_ballots_and_cells_changes_nothing(
    meeting: tuple[Plan, list[BallotEntry]], rng: random.Random
) -> None:
    plan, ballots = meeting
    shuffled = []
    for b in ballots:
        cells = list(b.marks.items())
        rng.shuffle(cells)
        shuffled.append(BallotEntry(b.code, b.group, dict(cells), b.entry))
    rng.shuffle(shuffled)
    assert tally(plan, shuffled).to_json() == tally(plan, ballots).to_json()


@settings(max_examples=150, deadline=None)
@given(meetings(), st.floats(0.01, 1000), st.integers(-8, 8))
def test_scaling_every_group_weight_changes_nothing(
    meeting: tuple[Plan, list[BallotEntry]], factor: float, power: int
) -> None:
    plan, ballots = meeting
    before = tally(plan, ballots)

    def scaled(by: float) -> Plan:
        data = {
            **plan.data,
            "groups": [{**g, "weight": g["weight"] * by} for g in plan.data["groups"]],
        }
        return build(data)

    same(tally(scaled(factor), ballots), before)
    # A power of two scales without any rounding: then everything is identical, ranks too.
    assert tally(scaled(2.0**power), ballots).to_json() == before.to_json()


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 3),
    st.integers(1, 12),
    st.sampled_from(["好", "较好", "一般", "差"]),
    st.floats(0.5, 3),
)
def test_trimming_a_group_of_equal_scores_changes_nothing(
    trim: int, n: int, grade: str, weight: float
) -> None:
    items = [
        {"name": "总体评价", "max": None, "weight": weight},
        {"name": "实绩", "max": 20.0, "weight": 1.0},
    ]
    ballots = [
        BallotEntry(str(i), "g", {("甲", "总体评价"): grade, ("甲", "实绩"): 13.0})
        for i in range(n)
    ]
    untrimmed = tally(make_plan(items=items, trim=0), ballots)
    trimmed = tally(make_plan(items=items, trim=trim), ballots)
    assert trimmed.unit("甲").groups["g"].score == pytest.approx(
        untrimmed.unit("甲").groups["g"].score, rel=1e-12
    )
    assert trimmed.unit("甲").final == pytest.approx(untrimmed.unit("甲").final, rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(meetings())
def test_final_lies_within_its_ballot_scores_and_daily(
    meeting: tuple[Plan, list[BallotEntry]],
) -> None:
    plan, ballots = meeting
    results = tally(plan, ballots)
    expected = naive(plan, ballots)
    for unit in plan.units:
        got = results.unit(unit.name)
        composite, scores = expected[unit.name]
        if not scores:
            assert got.final is None and got.votes == 0
            continue
        bounds = scores + ([unit.daily] if unit.daily is not None else [])
        assert min(bounds) - 1e-9 <= got.final <= max(bounds) + 1e-9
        # ...and agrees with the literal reading of SPEC 6.
        assert got.composite == pytest.approx(composite, rel=1e-12)
        assert got.votes == len(scores)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_the_database_path_gives_the_same_results(
    meeting: tuple[Plan, list[BallotEntry]],
) -> None:
    """`tally_store` (what the screen, the CLI and exports use) equals the pure `tally`."""
    plan, ballots = meeting
    from reviewtui.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.create(Path(folder) / "m.db", plan)
        try:
            for b in ballots:
                ballot_store.save(store, code=b.code, group=b.group, marks=b.marks)
            assert tally_store(store).to_json() == tally(plan, ballots).to_json()
        finally:
            store.close()


def test_double_entry_through_the_database(tmp_path: Path) -> None:
    from reviewtui.store import Store

    plan = make_plan(("甲", "乙"), double_entry=True)
    store = Store.create(tmp_path / "m.db", plan)
    try:
        save = ballot_store.save
        save(store, code="1", group="g", marks={("甲", "总体评价"): "好"}, entry=1)
        save(store, code="1", group="g", marks={("甲", "总体评价"): "好"}, entry=2)
        save(store, code="2", group="g", marks={("甲", "总体评价"): "差"}, entry=1)
        save(store, code="2", group="g", marks={("甲", "总体评价"): "一般"}, entry=2)
        save(store, code="3", group="g", marks={("乙", "总体评价"): "好"}, entry=2)
        results = tally_store(store)
        assert results.unconfirmed == ("2", "3")
        assert (results.entered, results.valid) == (3, 1)
        assert results.unit("甲").composite == 100.0
        assert results.unit("乙").final is None
    finally:
        store.close()


def test_the_assessment_core_never_imports_textual() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "import reviewtui.assessment.ballots, reviewtui.present, reviewtui.present.glossary\n"
        "import reviewtui.assessment.forms, reviewtui.assessment.importer\n"
        "import reviewtui.assessment.tally\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
