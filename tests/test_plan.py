"""The session file: every broken fixture, defaults, durations, the JSON round trip."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reviewtui import i18n, plan
from reviewtui.plan import PlanInvalid

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "sessions"
BAD = ROOT / "tests" / "fixtures" / "bad"


@dataclass(frozen=True)
class Expected:
    """What one broken file must produce: an error at `key` (on `line`), or a file-level one."""

    key: str | None  # None: a file-level error (no key path)
    line: int | range | None = None  # None: no line can be given (nor is one checked)
    # words the rendered message must contain: "any" in both languages, "zh" / "en" in one
    words: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    prefix: bool = False  # the key path may go deeper than `key` (e.g. into an array's entries)


# tests/fixtures/bad/README.md, one row per file.
CASES: dict[str, Expected] = {
    "missing_title.toml": Expected("meeting.title", 2),
    "duplicate_unit.toml": Expected("units[1].name", 44, {"any": ("雁翅镇党委",)}),
    "unknown_commenter.toml": Expected("units[0].commenter", 41, {"any": ("区长",)}),
    "unknown_group.toml": Expected("representatives[1].group", 35, {"any": ("群众代表",)}),
    "unknown_speaker.toml": Expected("agenda[2].speaker", 66, {"any": ("区长",)}),
    "duration_text.toml": Expected("timing.report", 7, {"any": ("5分钟",)}),
    "negative_weight.toml": Expected("groups[1].weight", 26, {"any": ("-0.5",)}),
    "misspelt_key.toml": Expected(
        "units[1].comenter",
        47,
        {"any": ("commenter",), "en": ("did you mean",), "zh": ("是否应为",)},
    ),
    "syntax_error.toml": Expected(None, 4, {"any": ("TOML",), "en": ("syntax",), "zh": ("语法",)}),
    "mode_live.toml": Expected("units[0].mode", 40, {"any": ("live", "onsite", "written")}),
    "points_150.toml": Expected("assessment.scale[0].points", 56, {"any": ("150",)}),
    "bad_date.toml": Expected("meeting.date", 4, {"any": ("2026-02-30",)}),
    "gbk.toml": Expected(
        None,
        3,
        {
            "any": ("UTF-8",),
            "en": ("not UTF-8", "save it as UTF-8"),
            "zh": ("不是 UTF-8", "另存为 UTF-8"),
        },
    ),
    "empty.toml": Expected(None, None, {"en": ("empty",), "zh": ("空",)}),
    "no_units.toml": Expected("units", None),
    "levels_not_best_first.toml": Expected(
        "assessment.levels", range(55, 60), {"en": ("best first",), "zh": ("从好到差",)}, True
    ),
    "veto_unknown_grade.toml": Expected("assessment.veto.grades[0]", 57, {"any": ("很差",)}),
    "item_max_0.toml": Expected("assessment.items[0].max", 55),
    "does_not_exist.toml": Expected(None, None, {"en": ("no such file",), "zh": ("不存在",)}),
}

MANY = {"timing.report": 7, "units[0].commenter": 41, "units[1].name": 44}


def test_every_bad_fixture_has_a_case() -> None:
    on_disk = {p.name for p in BAD.glob("*.toml")}
    assert on_disk - set(CASES) <= {"many_errors.toml"}, "a broken file without a test case"
    assert not (BAD / "does_not_exist.toml").exists()


def rejected(load: Callable[[Any], plan.Plan], source: Any) -> PlanInvalid:
    with pytest.raises(PlanInvalid) as info:
        load(source)
    return info.value


def invalid(name: str) -> PlanInvalid:
    return rejected(plan.load, BAD / name)


def matches(error: plan.PlanError, expected: Expected) -> bool:
    if expected.key is None:
        return error.key == ""
    if expected.prefix:
        return error.key == expected.key or error.key.startswith(
            (expected.key + ".", expected.key + "[")
        )
    return error.key == expected.key


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_rejected_with_its_key_path(name: str, lang: str) -> None:
    expected = CASES[name]
    exc = invalid(name)
    path = str(BAD / name)
    assert exc.path == path
    assert exc.errors, "PlanInvalid without errors"
    hits = [e for e in exc.errors if matches(e, expected)]
    assert hits, f"no error at {expected.key!r}: {exc.render()}"
    if expected.prefix:
        assert len(exc.errors) == len(hits)
    else:
        assert len(exc.errors) == 1, exc.render()  # exactly the one thing broken
    for error in hits:
        text = error.render(path)
        assert text.startswith(path), text
        if expected.key:
            assert error.key in text
        if isinstance(expected.line, int):
            assert error.line == expected.line, text
            assert text.startswith(f"{path}:{expected.line}:"), text
        elif isinstance(expected.line, range):
            assert error.line in expected.line, text
        for word in expected.words.get(lang, ()) + expected.words.get("any", ()):
            assert word in text, text
    assert all(line for line in exc.render())


@pytest.mark.parametrize("name", sorted(CASES))
def test_messages_follow_the_language(name: str) -> None:
    """The same error reads differently in Chinese and in English, and Chinese has Chinese."""
    i18n.set_lang("zh")
    zh = invalid(name).render()
    i18n.set_lang("en")
    en = invalid(name).render()
    assert len(zh) == len(en)
    for zh_line, en_line in zip(zh, en, strict=True):
        assert zh_line != en_line
        path = str(BAD / name)
        # The message itself (not the file name or the quoted values) is in Chinese.
        message = re.sub(r"[“\"'].*?[”\"']", "", zh_line.removeprefix(path))
        assert re.search(r"[\u4e00-\u9fff]", message), zh_line


def test_many_errors_are_reported_at_once(lang: str) -> None:
    exc = invalid("many_errors.toml")
    found = {e.key: e.line for e in exc.errors}
    assert found == MANY, exc.render()
    rendered = "\n".join(exc.render())
    for key, line in MANY.items():
        assert f"{BAD / 'many_errors.toml'}:{line}:" in rendered
        assert key in rendered


def test_a_path_with_a_colon_is_not_cut(tmp_path: Path) -> None:
    """File-level messages drop their own copy of the path, not everything up to a colon."""
    path = tmp_path / "会议:2017.toml"
    exc = rejected(plan.load, path)
    assert exc.render() == [f"{path}: no such file"]
    path.write_bytes((BAD / "gbk.toml").read_bytes())
    exc = rejected(plan.load, path)
    (line,) = exc.render()
    assert line.startswith(f"{path}:3: the file is not UTF-8"), line


# ------------------------------------------------------------------------------------------------
# Good files


@pytest.mark.parametrize("path", sorted(SESSIONS.glob("*.toml")), ids=lambda p: p.name)
def test_every_session_file_loads(path: Path, lang: str) -> None:
    loaded = plan.load(path)
    assert loaded.units
    assert loaded.meeting.title
    assert any(item.kind == "unit" for item in loaded.expanded_agenda())


def test_the_sample_meeting_is_the_seed_meeting() -> None:
    sample = plan.load(SESSIONS / "mentougou-2017.toml")
    onsite = [u.name for u in sample.onsite_units]
    for name in ["雁翅镇党委", "军庄镇党委", "城子街道工委", "东辛房街道工委", "区农委",
                 "中关村科技园门头沟园工委"]:  # fmt: skip
        assert name in onsite
    assert sample.written_units
    assert all(u.topic for u in sample.onsite_units)
    assert any("东杨坨村" in (u.topic or "") for u in sample.units)
    assert len(sample.groups) > 1 and all(g.issued for g in sample.groups)
    assert sample.meeting.date == "2017-02-24"


MINIMAL = """
[meeting]
title = "会"
date = "2017-02-24"

[[units]]
name = "甲镇党委"
"""


def test_defaults_are_applied() -> None:
    p = plan.loads(MINIMAL)
    assert p.timing == plan.Timing(report=300, question=60, answer=120, comment=180, warn=60)
    assert p.agenda == (
        plan.AgendaEntry("reports", None, None, None),
        plan.AgendaEntry("assessment", None, None, None),
    )
    a = p.assessment
    assert [(g.grade, g.points, g.counted) for g in a.scale] == [
        ("好", 100, True), ("较好", 80, True), ("一般", 60, True), ("差", 40, True),
    ]  # fmt: skip
    assert a.items == (plan.FormItem("总体评价", None, 1.0),)
    assert [(lv.level, lv.min) for lv in a.levels] == [
        ("好", 90), ("较好", 80), ("一般", 60), ("差", 0),
    ]  # fmt: skip
    assert (a.trim, a.onsite_weight, a.double_entry, a.veto) == (0, 1.0, False, None)
    assert p.groups == (plan.Group("all", 1.0, None),)
    assert p.leaders == () and p.representatives == ()
    (unit,) = p.units
    assert (unit.reporter, unit.mode, unit.commenter, unit.report) == (
        "甲镇党委", "onsite", None, None,
    )  # fmt: skip
    assert p.report_seconds(unit) == 300
    assert [item.kind for item in p.expanded_agenda()] == ["unit", "assessment"]
    assert p.meeting.start is None


def test_a_group_weight_defaults_to_one() -> None:
    p = plan.loads(MINIMAL + '\n[[groups]]\nname = "甲"\n\n[[groups]]\nname = "乙"\nweight = 2\n')
    assert [(g.name, g.weight) for g in p.groups] == [("甲", 1.0), ("乙", 2.0)]


def with_report(value: str) -> str:
    return MINIMAL.replace("[[units]]", f"[timing]\nreport = {value}\n\n[[units]]")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [('"5:00"', 300), ('"0:30"', 30), ('"12:05"', 725), ('"1:02:03"', 3723), ("90", 90),
     ('"90"', 90), ('"59:59"', 3599)],
)  # fmt: skip
def test_durations_parse(value: str, seconds: float) -> None:
    assert plan.loads(with_report(value)).timing.report == seconds


@pytest.mark.parametrize(
    "value", ['"5分钟"', '"0:00"', "0", "-1", '"-1:00"', '"1:60"', '"1:60:00"', "1.5", '""',
              '"5 min"', "true", '"5:0"'],
)  # fmt: skip
def test_bad_durations_are_rejected(value: str, lang: str) -> None:
    with pytest.raises(PlanInvalid) as info:
        plan.loads(with_report(value))
    (error,) = info.value.errors
    assert error.key == "timing.report"
    assert error.line == 7


def test_a_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (SESSIONS / "small.toml").read_bytes())
    assert plan.load(path) == plan.load(SESSIONS / "small.toml")
    # Line numbers still count from the first line.
    broken = (BAD / "duration_text.toml").read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + broken)
    (error,) = rejected(plan.load, path).errors
    assert (error.key, error.line) == ("timing.report", 7)


def test_unquoted_toml_date_and_time() -> None:
    text = MINIMAL.replace('date = "2017-02-24"', "date = 2017-02-24\nstart = 14:30:00")
    p = plan.loads(text)
    assert p.meeting.date == "2017-02-24"
    assert p.meeting.start == "14:30"
    assert p == plan.loads(
        MINIMAL.replace('date = "2017-02-24"', 'date = "2017-02-24"\nstart = "14:30"')
    )


def test_unknown_top_level_key_has_a_hint(lang: str) -> None:
    text = MINIMAL + "\n[asessment]\ntrim = 1\n"
    (error,) = rejected(plan.loads, text).errors
    assert error.key == "asessment"
    assert error.line == 9
    assert "assessment" in error.message
    assert ("did you mean" if lang == "en" else "是否应为") in error.message


def test_unknown_nested_key_has_a_hint(lang: str) -> None:
    text = MINIMAL.replace('title = "会"', 'title = "会"\nvenu = "区委第一会议室"')
    (error,) = rejected(plan.loads, text).errors
    assert error.key == "meeting.venu"
    assert error.line == 4
    assert ("'venue'" if lang == "en" else "“venue”") in error.message


def test_unknown_key_without_a_near_name(lang: str) -> None:
    text = MINIMAL + "xyzzy = 1\n"
    (error,) = rejected(plan.loads, text).errors
    assert error.key == "units[0].xyzzy"
    assert "xyzzy" in error.message


@pytest.mark.parametrize("name", ["small.toml", "mentougou-2017.toml"])
def test_plan_json_round_trip(name: str) -> None:
    original = plan.load(SESSIONS / name)
    again = plan.from_json(original.to_json())
    assert again == original
    assert again.data == original.data
    for f in dataclasses.fields(original):  # every part, not just what __eq__ compares
        if f.name == "warnings":  # only the file can give their lines
            assert [w[:2] for w in again.warnings] == [w[:2] for w in original.warnings]
            continue
        assert getattr(again, f.name) == getattr(original, f.name), f.name
    assert again.expanded_agenda() == original.expanded_agenda()
    assert again.to_json() == original.to_json()


def test_the_plan_is_immutable() -> None:
    p = plan.loads(MINIMAL)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.units = ()  # type: ignore[misc]
    with pytest.raises(AttributeError):
        p.units[0].name = "乙"  # type: ignore[misc]
    assert isinstance(p.units, tuple) and isinstance(p.assessment.scale, tuple)


TOML_MISTAKES = [  # (text, line, Chinese words said, English words said)
    ("title = 会议\n", 1, "文字要加引号", "Invalid value"),
    ('title = "会议\n', 1, "没有结束引号", "Unterminated string"),
    ("[meeting\n", 1, "表声明末尾", "Expected ']'"),
    ("[[units]\n", 1, "数组表声明末尾", "Expected ']]'"),
    ("a = 1\na = 2\n", 2, "不能覆盖", "Cannot overwrite"),
    ("a = [1, 2\n\n", 2, "数组缺少", "Unclosed array"),
    ("a b = 1\n", 1, "键后面应为", "Expected '='"),
]


@pytest.mark.parametrize(("text", "line", "zh", "en"), TOML_MISTAKES)
def test_toml_mistakes_are_said_in_the_users_language(
    text: str, line: int, zh: str, en: str, lang: str
) -> None:
    (error,) = rejected(plan.loads, text).errors
    assert error.line == line
    message = error.render("s.toml")
    if lang == "zh":
        assert zh in message and "TOML 语法错误" in message
        said = message.removeprefix("s.toml").replace("TOML", "")
        assert not re.search(r"[A-Za-z]{4,}", said), message  # no English left
    else:
        assert en in message and "TOML syntax error" in message


@pytest.mark.parametrize(("lang", "expected"), [("zh", ":文件不存在"), ("en", ": no such file")])
def test_a_whole_file_error_names_the_path_once(tmp_path: Path, lang: str, expected: str) -> None:
    """The catalog's "{path}：…" (full-width in Chinese) loses its path and mark; the location
    prefix is added once, compiler style."""
    i18n.set_lang(lang)
    missing = tmp_path / "nope.toml"
    assert rejected(plan.load, missing).render() == [f"{missing}{expected}"]
