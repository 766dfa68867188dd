"""Fuzzing the session file: whatever the bytes, `check` says 0 or 2 and never a traceback."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewtui import plan
from reviewtui.plan import PlanInvalid

SMALL = (Path(__file__).resolve().parent.parent / "sessions" / "small.toml").read_text("utf-8")

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=300),
)
values = st.recursive(
    scalars.filter(lambda v: v is not None),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(min_size=1, max_size=12), children, max_size=4),
    ),
    max_leaves=12,
)
KEYS = [
    "meeting",
    "timing",
    "leaders",
    "groups",
    "representatives",
    "units",
    "agenda",
    "assessment",
    "title",
    "date",
    "name",
    "weight",
    "points",
    "max",
    "scale",
    "items",
    "levels",
    "veto",
    "grades",
    "share",
    "mode",
    "commenter",
    "report",
    "daily",
    "trim",
]


def _check(text: str) -> None:
    try:
        plan.loads(text, "fuzz.toml")
    except PlanInvalid as exc:
        assert exc.errors and all(line for line in exc.render())


@settings(
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    _check(text)


@settings(
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_any_structure_at_top(data: dict) -> None:
    # Replace or add whole sections of a valid meeting with random structures.
    base = tomllib.loads(SMALL)
    base.update(data)
    _check(_dump(base))


@settings(
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
@given(st.sampled_from(["meeting", "timing", "assessment"]), st.sampled_from(KEYS), values)
def test_any_value_in_a_section(section: str, key: str, value: object) -> None:
    base = tomllib.loads(SMALL)
    base.setdefault(section, {})[key] = value
    _check(_dump(base))


@settings(
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    deadline=None,
)
@given(st.integers(min_value=0, max_value=2), st.sampled_from(KEYS), values)
def test_any_value_in_a_unit(index: int, key: str, value: object) -> None:
    base = tomllib.loads(SMALL)
    base["units"][index][key] = value
    _check(_dump(base))


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(st.binary(max_size=300))
def test_any_bytes(tmp_path_factory, raw: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.toml"
    path.write_bytes(raw)
    try:
        plan.load(path)
    except PlanInvalid as exc:
        assert exc.errors


def _dump(data: object) -> str:
    """A small TOML writer (tomllib only reads): inline tables for everything."""
    return "\n".join(f"{_key(k)} = {_value(v)}" for k, v in data.items())  # type: ignore[union-attr]


def _key(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        escaped = "".join(
            c
            if c.isprintable() and c not in '"\\'
            else f"\\u{ord(c):04x}"
            if ord(c) < 0x10000
            else f"\\U{ord(c):08x}"
            for c in value
        )
        return f'"{escaped}"'
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


WIDE = str.maketrans("0123456789:", "０１２３４５６７８９：")


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    st.sampled_from(["start", "date"]),
    st.one_of(
        st.from_regex(r"\A[0-9]{1,2}:[0-9]{2}\Z").map(lambda s: s.translate(WIDE)),
        st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z").map(lambda s: s.translate(WIDE)),
        st.text(max_size=20),
    ),
)
def test_times_and_dates_are_ascii_once_accepted(key: str, value: str) -> None:
    """Whatever digits a time or date is typed in, an accepted one reads back in ASCII."""
    base = tomllib.loads(SMALL)
    base["meeting"][key] = value
    try:
        p = plan.loads(_dump(base), "fuzz.toml")
    except PlanInvalid as exc:
        assert exc.errors
        return
    shown = getattr(p.meeting, key)
    assert shown.isascii() and shown[:1].isdigit()
    assert p.planned_end() is not None or (key == "date" and not p.meeting.start)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(
    st.sampled_from(["report", "question", "answer", "comment", "warn"]),
    st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(st.sampled_from("0123456789:０１２３４５：-. "), max_size=30),
    ),
)
def test_accepted_durations_are_at_most_a_day(key: str, value: object) -> None:
    base = tomllib.loads(SMALL)
    base.setdefault("timing", {})[key] = value
    try:
        p = plan.loads(_dump(base), "fuzz.toml")
    except PlanInvalid as exc:
        assert [e.key for e in exc.errors] == [f"timing.{key}"]
        return
    assert 0 < getattr(p.timing, key) <= 24 * 3600
