"""Quorum and return rate (SPEC sections 6 and 7): hand-computed, in the tally, its JSON and in
words in every results view (CLI, results screen, md, docx, xlsx), in Chinese and English."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from test_tally import ballot, make_plan

from reviewtui.assessment import ballots
from reviewtui.assessment.tally import BallotEntry, tally, tally_store
from reviewtui.export import render
from reviewtui.minutes import read_minutes
from reviewtui.plan import Group, Plan
from reviewtui.store import Store, open_session

ROOT = Path(__file__).resolve().parent.parent
YAN, CHENG = "雁翅镇党委", "城子街道工委"
ITEM = "总体评价"


def plan_with(groups: list[tuple[str, int | None, int | None]], quorum: float = 0.5) -> Plan:
    """Groups as (name, issued, expected); one unit 甲."""
    plan = make_plan(groups=[(name, 1.0, issued) for name, issued, _ in groups])
    return dataclasses.replace(
        plan,
        groups=tuple(Group(name, 1.0, issued, expected) for name, issued, expected in groups),
        assessment=plan.assessment._replace(quorum=quorum),
    )


def forms(group: str, n: int, start: int = 1) -> list[BallotEntry]:
    return [ballot(start + i, group, 甲="好") for i in range(n)]


# ------------------------------------------------------------------------------------------------
# The tally


def test_no_expected_counts_is_never_provisional() -> None:
    # Neither group has `issued` or `expected`: no check, whatever comes back.
    plan = plan_with([("a", None, None), ("b", None, None)])
    for returned in (0, 1, 5):
        results = tally(plan, forms("a", returned))
        assert results.provisional is False and results.expected is None
        assert [g.short for g in results.groups] == [False, False]
    # One group without a count is enough to skip the check: 1 form of a's 10 expected.
    mixed = tally(plan_with([("a", None, 10), ("b", None, None)]), forms("a", 1))
    assert mixed.provisional is False and mixed.expected is None
    # ... but the group with a count is still flagged: 1 < 10 / 2.
    assert [(g.name, g.expected, g.short) for g in mixed.groups] == [
        ("a", 10, True),
        ("b", None, False),
    ]


def test_exactly_at_the_quorum_is_not_provisional() -> None:
    # Expected 60 + 42 = 102; quorum 0.5 -> 51 forms needed.
    plan = plan_with([("a", 70, 60), ("b", 50, 42)])  # `expected` wins over `issued`
    at = tally(plan, forms("a", 30) + forms("b", 21, start=100))  # 51
    assert (at.expected, at.returned, at.provisional) == (102, 51, False)
    below = tally(plan, forms("a", 30) + forms("b", 20, start=100))  # 50 < 51
    assert (below.returned, below.provisional) == (50, True)
    # 0.3 x 10 is 3.0000000000000004 in floating point; 3 forms still meet the quorum.
    third = plan_with([("a", 10, None)], quorum=0.3)  # expected: issued
    assert tally(third, forms("a", 3)).provisional is False
    assert tally(third, forms("a", 2)).provisional is True
    # Quorum 0: never provisional; quorum 1: every expected form is needed.
    assert tally(plan_with([("a", 10, None)], quorum=0.0), []).provisional is False
    assert tally(plan_with([("a", 10, None)], quorum=1.0), forms("a", 9)).provisional is True
    assert tally(plan_with([("a", 10, None)], quorum=1.0), forms("a", 10)).provisional is False


def test_invalid_forms_are_returned_forms() -> None:
    # Expected 4, quorum 0.5 -> 2 needed. One valid form and one blank one: 2 returned.
    plan = plan_with([("a", 4, None)])
    results = tally(plan, [ballot(1, "a", 甲="好"), ballot(2, "a", 甲=None)])
    assert (results.valid, results.invalid, results.returned) == (1, 1, 2)
    assert results.provisional is False


def test_one_group_short_of_half_its_forms_is_flagged() -> None:
    # 区级领导 expected 12: 5 < 6 flagged, 6 is half (not fewer than half) and not flagged.
    # 党代表 expected 40 returns 40: 45 of 52 returned, well above the quorum.
    plan = plan_with([("区级领导", 12, None), ("党代表", 40, None)])
    five = tally(plan, forms("区级领导", 5) + forms("党代表", 40, start=100))
    assert [g.short for g in five.groups] == [True, False] and five.provisional is False
    six = tally(plan, forms("区级领导", 6) + forms("党代表", 40, start=100))
    assert [g.short for g in six.groups] == [False, False]
    # A group expected to return none is never short.
    assert tally(plan_with([("a", 0, None)]), []).groups[0].short is False


def test_results_json_shape() -> None:
    plan = plan_with([("区级领导", 12, 10), ("党代表", 8, None)])
    data = tally(plan, forms("区级领导", 3)).to_json()
    ballots_json = data["ballots"]
    assert list(ballots_json) == [
        "entered",
        "valid",
        "invalid",
        "unconfirmed",
        "invalid_reasons",
        "provisional",
        "groups",
    ]
    # 3 returned of 10 + 8 = 18 expected: fewer than 9.
    assert ballots_json["provisional"] is True
    assert ballots_json["groups"] == {
        "区级领导": {
            "issued": 12,
            "expected": 10,
            "returned": 3,
            "valid": 3,
            "over_issued": False,
        },
        "党代表": {"issued": 8, "expected": 8, "returned": 0, "valid": 0, "over_issued": False},
    }
    none = tally(plan_with([("a", None, None)]), []).to_json()["ballots"]
    assert none["provisional"] is False and none["groups"]["a"]["expected"] is None


def test_double_entry_counts_each_paper_form_once(tmp_path: Path) -> None:
    """The store's tally: a form entered twice is one form returned."""
    store = small_store(tmp_path, double=True)
    try:
        for entry in (1, 2):
            ballots.save(store, code="1", group="区级领导", marks={(YAN, ITEM): "好"}, entry=entry)
        ballots.save(store, code="2", group="党代表", marks={(YAN, ITEM): "好"})
        results = tally_store(store)
    finally:
        store.close()
    # 2 paper forms of 3 + 5 = 8 expected: fewer than 4.
    assert (results.entered, results.returned, results.provisional) == (2, 2, True)
    assert results.to_json()["ballots"]["groups"]["党代表"]["returned"] == 1


# ------------------------------------------------------------------------------------------------
# Every view says so in words

WORDS = {
    # 3 forms of 3 + 5 = 8 expected (< 4); 党代表 1 of 5 (< 2.5).
    "zh": (
        "结果为初步结果：收回 3 份，不足应到 8 人的 50%",
        "党代表仅收回 1 份，不足应到 5 人的一半",
    ),
    "en": (
        "Provisional: 3 forms returned, fewer than 50% of the 8 expected",
        "党代表 only 1 of 5 forms returned",
    ),
}


def small_store(tmp_path: Path, *, double: bool = False) -> Store:
    path = tmp_path / "small.toml"
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8")
    if double:
        text = text.replace("[assessment]\n", "[assessment]\ndouble_entry = true\n", 1)
    path.write_text(text, encoding="utf-8")
    return open_session(path, write=True)


@pytest.fixture
def short_db(tmp_path: Path) -> Path:
    store = small_store(tmp_path)
    try:
        ballots.save(store, code="1", group="区级领导", marks={(YAN, ITEM): "好"})
        ballots.save(store, code="2", group="区级领导", marks={(YAN, ITEM): "较好"})
        ballots.save(store, code="3", group="党代表", marks={(CHENG, ITEM): "好"})
    finally:
        store.close()
    return tmp_path / "small.db"


@pytest.fixture
def full_db(short_db: Path) -> Path:
    """One more 党代表 form: 4 of 8 is the quorum; 党代表 2 of 5 is still short."""
    store = Store.open_writer(short_db)
    try:
        ballots.save(store, code="4", group="党代表", marks={(CHENG, ITEM): "一般"})
    finally:
        store.close()
    return short_db


def documents(db: Path) -> dict[str, str]:
    """The text of the md, docx and xlsx results in the current language."""
    store = Store.open_reader(db)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()
    md = render(minutes, "md")
    assert isinstance(md, str)
    doc = Document(io.BytesIO(render(minutes, "docx")))  # type: ignore[arg-type]
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))  # type: ignore[arg-type]
    cells = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value]
    return {
        "md": md,
        "docx": "\n".join(p.text for p in doc.paragraphs),
        "xlsx": "\n".join(cells),
    }


def test_documents_say_provisional_in_words(short_db: Path, lang: str) -> None:
    provisional, short = WORDS[lang]
    for name, text in documents(short_db).items():
        assert provisional in text, name
        assert short in text, name
        assert "区级领导仅收回" not in text and "区级领导 only" not in text, name


def test_documents_at_the_quorum_flag_only_the_short_group(full_db: Path, lang: str) -> None:
    provisional, _ = WORDS[lang]
    short = {
        "zh": "党代表仅收回 2 份，不足应到 5 人的一半",
        "en": "党代表 only 2 of 5 forms returned",
    }
    for name, text in documents(full_db).items():
        assert provisional.split("：")[0].split(":")[0] not in text, name
        assert short[lang] in text, name


@pytest.mark.parametrize("lang_code", ["zh", "en"])
def test_cli_results_says_provisional_in_words(cli, short_db: Path, lang_code: str) -> None:
    result = cli("results", short_db, "--lang", lang_code)
    assert result.code == 0, result.output
    provisional, short = WORDS[lang_code]
    flat = " ".join(result.stdout.split())
    assert " ".join(provisional.split()) in flat
    assert " ".join(short.split()) in flat


def test_cli_results_at_the_quorum_is_not_provisional(cli, full_db: Path) -> None:
    result = cli("results", full_db, "--lang", "en")
    assert result.code == 0, result.output
    assert "Provisional" not in result.stdout
    assert "党代表 only 2 of 5 forms returned" in " ".join(result.stdout.split())


def test_the_session_files_quorum_and_expected_reach_the_results(cli, tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8")
    # 区级领导 expects 9 (issued 3), 党代表 5; quorum 0.25: 14 x 0.25 = 3.5 forms.
    text = text.replace("issued = 3\n", "issued = 3\nexpected = 9\n", 1)
    text = text.replace("[assessment]\n", "[assessment]\nquorum = 0.25\n", 1)
    path.write_text(text, encoding="utf-8")
    store = open_session(path, write=True)
    try:
        for code in ("1", "2", "3"):
            ballots.save(store, code=code, group="区级领导", marks={(YAN, ITEM): "好"})
        results = tally_store(store)
    finally:
        store.close()
    assert (results.expected, results.quorum, results.provisional) == (14, 0.25, True)
    # 区级领导 3 of 9 (< 4.5) and 党代表 0 of 5 are both short.
    assert [(g.expected, g.short) for g in results.groups] == [(9, True), (5, True)]
    english = cli("results", path, "--lang", "en")
    assert "Provisional: 3 forms returned, fewer than 25% of the 14 expected" in " ".join(
        english.stdout.split()
    )


@pytest.mark.parametrize("lang_code", ["zh", "en"])
async def test_results_screen_says_provisional_in_words(short_db: Path, lang_code: str) -> None:
    from textual.app import App
    from textual.widgets import Static

    from reviewtui import i18n
    from reviewtui.tui.results import ResultsScreen

    class ScreenApp(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ResultsScreen(store))

    i18n.set_lang(lang_code)
    store = Store.open_writer(short_db)
    try:
        app = ScreenApp()
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            notes = app.screen.query_one("#results-notes", Static)
            title = app.screen.query_one("#results-title", Static)
            text = " ".join(str(getattr(notes.content, "plain", notes.content)).split())
            provisional, short = WORDS[lang_code]
            assert notes.display
            assert " ".join(provisional.split()) in text and " ".join(short.split()) in text
            tag = {"zh": "初步结果", "en": "PROVISIONAL"}[lang_code]
            assert tag in str(getattr(title.content, "plain", title.content))
    finally:
        store.close()
