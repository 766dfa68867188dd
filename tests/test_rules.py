"""Invalid forms (SPEC sections 2 and 6): each rule, their order, and their boundaries, worked out
by hand in the comment beside each case; then the same through the tally and the database."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reviewtui.assessment import ballots as ballot_store
from reviewtui.assessment.rules import Rulebook, blank_units, count_reasons, reason_of
from reviewtui.assessment.tally import BallotEntry, tally, tally_store
from reviewtui.plan import Plan
from reviewtui.plan.model import Quota, Rules
from tests.test_tally import DEFAULT_SCALE, make_plan

UNITS = ("甲", "乙", "丙", "丁")
ITEM = "总体评价"


def with_rules(plan: Plan, **rules: Any) -> Plan:
    quota = tuple(Quota(g, s) for g, s in rules.pop("quota", ()))
    return replace(plan, assessment=plan.assessment._replace(rules=Rules(**rules, quota=quota)))


def four(**rules: Any) -> Plan:
    """Four units, one graded item, the default scale 好/较好/一般/差."""
    return with_rules(make_plan(UNITS), **rules)


def form(*grades: str | None) -> dict[tuple[str, str], str]:
    """A one-item form over 甲乙丙丁 in order; None leaves the unit blank."""
    return {(u, ITEM): g for u, g in zip(UNITS, grades, strict=False) if g is not None}


def entry(code: str, *grades: str | None) -> BallotEntry:
    return BallotEntry(code, "g", form(*grades))


# ------------------------------------------------------------------------------------------------
# Each rule from the counts


def test_blank_comes_first_and_needs_no_rule() -> None:
    book = Rulebook(four())
    assert book.reason(0, 0, [0, 0, 0, 0]) == "blank"
    assert book.reason(1, 1, [1, 0, 0, 0]) is None  # no rule: one mark is a valid form
    assert reason_of(four(), form()) == "blank"


def test_a_form_of_only_uncounted_grades_is_blank() -> None:
    scale = [*DEFAULT_SCALE, {"grade": "不了解", "points": None, "counted": False}]
    plan = with_rules(make_plan(UNITS, scale=scale), all_same=True)
    # 4 cells of 不了解: graded, all the same grade, but no mark with points -> blank first.
    assert reason_of(plan, form("不了解", "不了解", "不了解", "不了解")) == "blank"


def test_all_same_needs_two_units_marked() -> None:
    plan = four(all_same=True)
    assert reason_of(plan, form("好", "好", "好", "好")) == "all_same"
    assert reason_of(plan, form("差", "差", None, None)) == "all_same"  # two units, both 差
    assert reason_of(plan, form("好", None, None, None)) is None  # one unit marked: valid
    assert reason_of(plan, form("好", "好", "好", "较好")) is None  # one differs: valid
    assert reason_of(four(), form("好", "好", "好", "好")) is None  # rule off


def test_all_same_looks_at_every_graded_cell_of_the_form() -> None:
    items = [{"name": "a", "max": None, "weight": 1.0}, {"name": "b", "max": None, "weight": 1.0}]
    plan = with_rules(make_plan(("甲", "乙"), items=items), all_same=True)
    same = {("甲", "a"): "好", ("甲", "b"): "好", ("乙", "a"): "好", ("乙", "b"): "好"}
    assert reason_of(plan, same) == "all_same"
    # One cell of 4 differs (乙/b is 较好): not every graded cell holds the same grade.
    assert reason_of(plan, {**same, ("乙", "b"): "较好"}) is None


def test_min_marked_exactly_met_is_valid() -> None:
    plan = four(min_marked=0.5)  # 0.5 × 4 units = 2 units needed
    assert reason_of(plan, form("好", "较好", None, None)) is None  # 2 = 2: valid
    assert reason_of(plan, form("好", None, None, None)) == "min_marked"  # 1 < 2
    # 0.75 × 4 = 3: two units are too few, three enough.
    assert reason_of(four(min_marked=0.75), form("好", "较好", None, None)) == "min_marked"
    assert reason_of(four(min_marked=0.75), form("好", "较好", "一般", None)) is None


def test_min_marked_is_compared_exactly() -> None:
    # 0.3 × 10 units is 3 exactly (3.0000000000000004 in floating point): 3 units are enough.
    units = tuple(f"单位{i}" for i in range(10))
    plan = with_rules(make_plan(units), min_marked=0.3)
    three = {(u, ITEM): "好" for u in units[:3]} | {(units[3], ITEM): "较好"}
    assert reason_of(plan, dict(list(three.items())[:3])) is None
    assert reason_of(plan, dict(list(three.items())[:2])) == "min_marked"
    assert Rulebook(plan).figures("min_marked").need == 3


def test_min_marked_counts_units_with_points_only() -> None:
    scale = [*DEFAULT_SCALE, {"grade": "不了解", "points": None, "counted": False}]
    plan = with_rules(make_plan(UNITS, scale=scale), min_marked=0.5)
    # 甲 好 scores; 乙 不了解 is a mark without points: 1 unit < 2.
    assert reason_of(plan, form("好", "不了解", None, None)) == "min_marked"


def test_quota_reached_is_valid_exceeded_is_not() -> None:
    plan = four(quota=[("好", 0.5)])
    assert reason_of(plan, form("好", "好", "较好", "一般")) is None  # 2/4 = 0.5: reached
    assert reason_of(plan, form("好", "好", "好", "一般")) == "quota:好"  # 3/4 > 0.5
    assert reason_of(plan, form("好", "好", None, None)) == "quota:好"  # 2/2 > 0.5
    assert reason_of(plan, form("好", "较好", None, None)) is None  # 1/2 = 0.5


def test_quota_is_compared_exactly() -> None:
    # max_share 0.3 over 10 cells: 3 of 好 is 0.3 exactly (valid), 4 is over.
    units = tuple(f"单位{i}" for i in range(10))
    plan = with_rules(make_plan(units), quota=[("好", 0.3)])
    marks = {(u, ITEM): ("好" if i < 3 else "较好") for i, u in enumerate(units)}
    assert reason_of(plan, marks) is None
    marks[(units[3], ITEM)] = "好"
    assert reason_of(plan, marks) == "quota:好"


def test_quotas_apply_in_the_order_written() -> None:
    plan = four(quota=[("差", 0.25), ("好", 0.25)])
    # 好 2/4 and 差 2/4 both exceed 0.25: the first quota written names it.
    assert reason_of(plan, form("好", "好", "差", "差")) == "quota:差"
    assert reason_of(plan, form("好", "好", "一般", "较好")) == "quota:好"


def test_the_order_of_the_reasons() -> None:
    plan = four(all_same=True, min_marked=0.75, quota=[("好", 0.5)])
    assert reason_of(plan, form()) == "blank"
    # 好, 好: all the same (2 units), also too few units (2 < 3) and over the quota (2/2).
    assert reason_of(plan, form("好", "好", None, None)) == "all_same"
    # 好, 较好: not all the same; 2 < 3 units, and 好 is 1/2 = 0.5 (reached): min_marked.
    assert reason_of(plan, form("好", "较好", None, None)) == "min_marked"
    # 好, 好, 好, 较好: 4 units, 好 3/4 > 0.5.
    assert reason_of(plan, form("好", "好", "好", "较好")) == "quota:好"
    assert reason_of(plan, form("好", "好", "较好", "一般")) is None


def test_numeric_cells_score_but_are_not_graded() -> None:
    items = [
        {"name": "总体评价", "max": None, "weight": 1.0},
        {"name": "分", "max": 10, "weight": 1},
    ]
    plan = with_rules(make_plan(("甲", "乙"), items=items), all_same=True, quota=[("好", 0.5)])
    # 甲 好 + 9 points, 乙 only 7 points: one unit graded (no all_same), 好 is 1/1 > 0.5.
    marks = {("甲", ITEM): "好", ("甲", "分"): 9.0, ("乙", "分"): 7.0}
    assert reason_of(plan, marks) == "quota:好"
    # Numbers only: nothing graded, no quota can apply, 2 units score.
    assert reason_of(plan, {("甲", "分"): 9.0, ("乙", "分"): 7.0}) is None


def test_blank_units_and_the_count_per_reason() -> None:
    assert blank_units(four(), form("好", None, "差", None)) == 2
    assert count_reasons({"3": "quota:好", "1": "all_same", "2": "blank", "4": "all_same"}) == {
        "blank": 1,
        "all_same": 2,
        "quota:好": 1,
    }


# ------------------------------------------------------------------------------------------------
# Through the tally


def test_invalid_forms_count_nowhere_and_keep_their_reason() -> None:
    plan = four(all_same=True, min_marked=0.5, quota=[("好", 0.5)])
    results = tally(
        plan,
        [
            entry("1", "好", "较好", "一般", "差"),  # valid: 甲 100, 乙 80, 丙 60, 丁 40
            entry("2", "较好", "较好", "较好", "较好"),  # all_same
            entry("3", "差", None, None, None),  # min_marked: 1 < 2
            entry("4", "好", "好", "好", "一般"),  # quota:好 (3/4)
            entry("5"),  # blank
            entry("6", "一般", "好", None, None),  # valid: 2 = 2 units, 好 1/2 = 0.5 reached
        ],
    )
    assert (results.entered, results.valid, results.invalid) == (6, 2, 4)
    assert results.invalid_reasons == {
        "2": "all_same",
        "3": "min_marked",
        "4": "quota:好",
        "5": "blank",
    }
    assert results.invalid_codes == ("2", "3", "4", "5")
    assert results.to_json()["ballots"]["invalid_reasons"] == dict(results.invalid_reasons)
    # 甲: 100 (ballot 1) and 60 (ballot 6) -> 80; 乙: 80 and 100 -> 90; 丙 60; 丁 40.
    finals = {u.unit: u.final for u in results.units}
    assert finals == {"甲": 80.0, "乙": 90.0, "丙": 60.0, "丁": 40.0}
    jia = results.unit("甲")
    assert jia is not None and jia.votes == 2
    assert jia.grade_counts == {"好": 1, "较好": 0, "一般": 1, "差": 0}  # nothing of 2, 3, 4
    assert results.groups[0].valid == 2 and results.groups[0].returned == 6


def test_the_database_tally_agrees(tmp_path: Path) -> None:
    from reviewtui.store import open_session

    session = tmp_path / "m.toml"
    session.write_text(
        '[meeting]\ntitle = "规则"\ndate = "2017-02-24"\n'
        + "".join(f'[[units]]\nname = "{u}"\n' for u in UNITS)
        + '[assessment.rules]\nall_same = true\nmin_marked = 0.5\nquota = [ { grade = "好", '
        "max_share = 0.5 } ]\n",
        encoding="utf-8",
    )
    store = open_session(session, write=True)
    try:
        cases = {
            "1": form("好", "较好", "一般", "差"),
            "2": form("较好", "较好", "较好", "较好"),
            "3": form("差"),
            "4": form("好", "好", "好", "一般"),
        }
        for code, marks in cases.items():
            ballot_store.save(store, code=code, group="all", marks=marks)
        results = tally_store(store)
        assert results.invalid_reasons == {"2": "all_same", "3": "min_marked", "4": "quota:好"}
        assert results.valid == 1
        plain = tally(store.plan, [BallotEntry(c, "all", m) for c, m in cases.items()])
        assert plain.to_json() == results.to_json()
    finally:
        store.close()


@pytest.mark.parametrize("share", [0.0, 1.0])
def test_quota_extremes(share: float) -> None:
    plan = four(quota=[("好", share)])
    one = reason_of(plan, form("好", "较好", None, None))
    # 0: any 好 at all exceeds it; 1: no form can exceed it.
    assert one == ("quota:好" if share == 0.0 else None)
    assert reason_of(plan, form("较好", "较好", None, None)) is None


# ------------------------------------------------------------------------------------------------
# ballots import


def test_import_lists_the_forms_the_rules_void(cli, tmp_path: Path) -> None:
    session = tmp_path / "m.toml"
    session.write_text(
        '[meeting]\ntitle = "规则"\ndate = "2017-02-24"\n'
        + "".join(f'[[units]]\nname = "{u}"\n' for u in UNITS)
        + '[assessment.rules]\nall_same = true\nmin_marked = 0.5\nquota = [ { grade = "好", '
        "max_share = 0.5 } ]\n",
        encoding="utf-8",
    )
    rows = {
        "1": ["好", "较好", "一般", "差"],  # valid
        "2": ["较好", "较好", "较好", "较好"],  # all_same
        "3": ["差", "", "", ""],  # min_marked
        "4": ["好", "好", "好", "一般"],  # quota:好
        "5": ["一般", "一般", "一般", "一般"],  # all_same
        "6": ["", "", "", ""],  # blank
    }
    path = tmp_path / "ballots.csv"
    path.write_text(
        "ballot,group,"
        + ",".join(UNITS)
        + "\n"
        + "".join(f"{code},,{','.join(grades)}\n" for code, grades in rows.items()),
        encoding="utf-8",
    )
    result = cli("ballots", "import", session, path, "--lang", "en")
    assert result.code == 0, result.output
    assert "Imported 6 ballot(s)" in result.stdout
    assert "5 of them are invalid under the rules (imported, counted in no score):" in result.stdout
    assert "  1 × nothing scored: 6" in result.stdout
    assert "  2 × every unit the same grade: 2, 5" in result.stdout
    assert "  1 × too few units marked: 3" in result.stdout
    assert "  1 × too many '好': 4" in result.stdout
    data = cli("results", session, "--json")
    assert json.loads(data.stdout)["ballots"]["invalid_reasons"] == {
        "2": "all_same",
        "3": "min_marked",
        "4": "quota:好",
        "5": "all_same",
        "6": "blank",
    }
    chinese = cli("ballots", "import", session, path, "--entry", "1", "--lang", "zh")
    assert chinese.code == 0 and "跳过 6 张重复表" in chinese.stdout  # the same file again
    assert "无效" not in chinese.stdout  # nothing added: nothing to list
    table = cli("results", session, "--lang", "zh")
    assert "无效测评表：未作任何计分的评价 1 张（6）；所有单位同一等次 2 张（2, 5）" in table.stdout


# ------------------------------------------------------------------------------------------------
# Every results view says how many forms each rule voided


@pytest.fixture
def voided_db(tmp_path: Path) -> Path:
    """sessions/small.toml with all_same on: ballot 2 all the same, ballot 3 blank."""
    from reviewtui.store import open_session

    root = Path(__file__).resolve().parents[1]
    session = tmp_path / "small.toml"
    text = (root / "sessions" / "small.toml").read_text("utf-8")
    session.write_text(text + "\n[assessment.rules]\nall_same = true\n", "utf-8")
    store = open_session(session, write=True)
    units = [u.name for u in store.plan.units]
    try:
        for code, marks in {
            "1": dict(zip(units, ["好", "较好", "一般"], strict=True)),
            "2": dict.fromkeys(units, "较好"),
            "3": {},
        }.items():
            cells = {(u, ITEM): g for u, g in marks.items()}
            ballot_store.save(store, code=code, group="区级领导", marks=cells)
    finally:
        store.close()
    return session.with_suffix(".db")


WORDS = {
    "zh": "无效测评表中，未作任何计分的评价 1 份（编号 3）；所有单位同一等次 1 份（编号 2）。",
    "en": "Invalid ballots: nothing scored, 1 (ids 3); every unit the same grade, 1 (ids 2).",
}


def test_documents_say_how_many_forms_each_rule_voided(voided_db: Path, lang: str) -> None:
    from tests.test_quorum import documents

    for name, text in documents(voided_db).items():
        assert WORDS[lang] in text, name


@pytest.mark.parametrize("lang_code", ["zh", "en"])
async def test_results_screen_says_how_many_forms_each_rule_voided(
    voided_db: Path, lang_code: str
) -> None:
    from textual.app import App
    from textual.widgets import Static

    from reviewtui import i18n
    from reviewtui.store import Store
    from reviewtui.tui.results import ResultsScreen

    store = Store.open_writer(voided_db)

    class ScreenApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ResultsScreen(store))

    i18n.set_lang(lang_code)
    want = {
        "zh": "无效测评表：未作任何计分的评价 1 张（3）；所有单位同一等次 1 张（2）",
        "en": "Invalid ballots: 1 × nothing scored (3); 1 × every unit the same grade (2)",
    }[lang_code]
    try:
        app = ScreenApp()
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            notes = app.screen.query_one("#results-notes", Static)
            text = " ".join(str(getattr(notes.content, "plain", notes.content)).split())
            assert " ".join(want.split()) in text
    finally:
        store.close()


def test_the_printed_form_states_the_count_the_tally_applies() -> None:
    from reviewtui.prepare.printing import _rule_lines

    # 0.3 × 10 units: 3 (in floating point 3.0000000000000004, which a ceiling makes 4).
    units = tuple(f"单位{i}" for i in range(10))
    plan = with_rules(make_plan(units), min_marked=0.3)
    assert "A form grading fewer than 3 units is invalid." in _rule_lines(plan)


def test_check_warns_of_two_share_limits_on_one_grade(cli, tmp_path: Path) -> None:
    """Both quotas apply (the lower share decides): valid, but probably not meant, so `check`
    says so with the line, and still exits 0."""
    session = tmp_path / "m.toml"
    session.write_text(
        '[meeting]\ntitle = "规则"\ndate = "2017-02-24"\n'
        + "".join(f'[[units]]\nname = "{u}"\n' for u in UNITS)
        + '[assessment.rules]\nquota = [ { grade = "好", max_share = 0.5 },\n'
        + '  { grade = "好", max_share = 0.3 } ]\n',
        encoding="utf-8",
    )
    result = cli("check", session, "--lang", "en")
    assert result.code == 0, result.output
    assert "'好' already has a share limit (assessment.rules.quota[0])" in result.output
    assert "assessment.rules.quota[1].grade" in result.output
