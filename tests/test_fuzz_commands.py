"""The rule of SPEC 2: what `check` accepts, every other command handles.

Hypothesis writes session files with the values that once crashed a command (full-width digits,
huge and tiny numbers, far dates, odd Unicode names), keeps those `check` accepts, enters a few
ballots, and runs `results`, every export and a headless meeting on each: exit 0 or 2, never 1,
never a traceback.
"""

from __future__ import annotations

import csv
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from reviewtui.meeting import Meeting
from reviewtui.store import open_session

FULL_WIDTH = str.maketrans("0123456789:", "０１２３４５６７８９：")

# Names: CJK, Latin, full-width brackets, combining marks, zero-width and bidi characters,
# emoji, spaces of every kind; never a control character (`check` refuses those).
name_chars = st.sampled_from(
    [
        *"雁翅镇党委区街道工委甲乙丙()()【】[]/ \u3000-·",
        "\u200b",
        "\u202e",
        "\u0301",
        "A",
        "\u00c5",
        "😀",
        "=",
        "+",
        "@",
        "\u4e00",
        "ｶ",
        "ﬁ",
    ]
)
names = st.text(name_chars, min_size=1, max_size=12)


def digits(text: str, wide: bool) -> str:
    return text.translate(FULL_WIDTH) if wide else text


@st.composite
def durations(draw: st.DrawFn) -> str:
    seconds = draw(st.one_of(st.integers(1, 86400), st.sampled_from([1, 59, 86399, 86400])))
    if draw(st.booleans()):
        return str(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    text = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return '"' + digits(text, draw(st.booleans())) + '"'


weights = st.one_of(
    st.floats(min_value=0.001, max_value=1000),
    st.sampled_from([0.001, 1000.0, 999.999]),
)
maxima = st.one_of(
    st.floats(min_value=0, max_value=1000, exclude_min=True), st.sampled_from([5e-324, 1e-300])
)
shares = st.floats(min_value=0, max_value=1)
percent = st.floats(min_value=0, max_value=100)


def q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def sessions(draw: st.DrawFn) -> tuple[str, list[str], list[str], list[tuple[str, float | None]]]:
    wide = draw(st.booleans())
    year = draw(st.sampled_from([1900, 2017, 2999]))
    lines = [
        "[meeting]",
        f"title = {q(draw(names))}",
        f'date = "{digits(f"{year}-12-31" if year != 2017 else "2017-02-24", wide)}"',
    ]
    if draw(st.booleans()):
        hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
        lines.append(f'start = "{digits(f"{hour:02d}:{minute:02d}", wide)}"')
    lines += ["[timing]"] + [f"{k} = {draw(durations())}" for k in ("report", "question", "warn")]
    leader = draw(names)
    lines += ["[[leaders]]", f"name = {q(leader)}"]
    groups = draw(st.lists(names, min_size=1, max_size=3))
    for group in groups:
        lines += ["[[groups]]", f"name = {q(group)}", f"weight = {draw(weights)!r}"]
        if draw(st.booleans()):
            lines.append(f"issued = {draw(st.integers(0, 100_000))}")
    for rep in draw(st.lists(names, max_size=2)):
        lines += ["[[representatives]]", f"name = {q(rep)}", f"group = {q(groups[0])}"]
    units = draw(st.lists(names, min_size=1, max_size=6))
    for unit in units:
        lines += ["[[units]]", f"name = {q(unit)}"]
        lines.append(f'mode = "{draw(st.sampled_from(["onsite", "written"]))}"')
        if draw(st.booleans()):
            lines.append(f"commenter = {q(leader)}")
        if draw(st.booleans()):
            lines.append(f"report = {draw(durations())}")
        if draw(st.booleans()):
            lines.append(f"daily = {draw(percent)!r}")
    items: list[tuple[str, float | None]] = []
    for item in draw(st.lists(names, min_size=1, max_size=2)):
        maximum = draw(st.one_of(st.none(), maxima))
        items.append((item, maximum))
    inline = ", ".join(
        f"{{ name = {q(n)}, weight = {draw(weights)!r}"
        + (f", max = {m!r}" if m is not None else "")
        + " }"
        for n, m in items
    )
    if draw(st.booleans()):
        lines += ["[[agenda]]", 'kind = "speech"', f"title = {q(draw(names))}"]
        lines += [f"speaker = {q(leader)}", f"duration = {draw(durations())}"]
        lines += ["[[agenda]]", 'kind = "reports"', "[[agenda]]", 'kind = "break"']
        lines += [f"duration = {draw(durations())}", "[[agenda]]", 'kind = "assessment"']
    lines += ["[assessment]", f"items = [{inline}]"]
    if draw(st.booleans()):
        lines.append(
            'scale = [{ grade = "好", points = 100 }, { grade = "较好", points = '
            f'{draw(percent)!r} }}, {{ grade = "一般", points = 0 }}, '
            '{ grade = "差", points = 0 }, { grade = "不了解", counted = false }]'
        )
    lines.append(f"onsite_weight = {draw(shares)!r}")
    lines.append(f"trim = {draw(st.integers(0, 3))}")
    if draw(st.booleans()):
        lines.append(f'veto = {{ grades = ["差"], share = {draw(shares)!r} }}')
    return "\n".join(lines) + "\n", units, groups, items


def run_cli(*args: object) -> tuple[int, str]:
    """`reviewtui ARGS...` in this process, as the `cli` fixture runs it: (exit code, output)."""
    from reviewtui.cli.fast import main

    runner = CliRunner()
    with runner.isolation() as (stdout, stderr, _):
        try:
            main([str(a) for a in args])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        said = stdout.getvalue().decode("utf-8", "replace")
        said += stderr.getvalue().decode("utf-8", "replace")
    return code, said


def ballots_csv(path: Path, units, groups, items, grades: list[str], numbers: list[float]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["ballot", "group", "unit", "item", "value"])
        for number, group in enumerate(groups, start=1):
            ballot = ("=1+1", "0007", "Ａ０１")[number - 1] if number <= 3 else number
            for index, unit in enumerate(units):
                for item, maximum in items:
                    if maximum is None:
                        value = grades[(number + index) % len(grades)]
                    else:
                        value = repr(min(maximum, numbers[(number + index) % len(numbers)]))
                    out.writerow([ballot, group, unit, item, value])
    return path


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    sessions(),
    st.lists(st.sampled_from(["好", "较好", "一般", "差", "1", "4"]), min_size=1, max_size=4),
    st.lists(st.floats(min_value=0, max_value=1000), min_size=1, max_size=3),
)
def test_what_check_accepts_every_command_handles(session, grades, numbers) -> None:
    text, units, groups, items = session
    folder = Path(tempfile.mkdtemp(prefix="fuzz-commands-"))
    try:
        toml = folder / "m.toml"
        toml.write_text(text, "utf-8")
        code, said = run_cli("check", toml)
        assert code in (0, 2), said
        assume(code == 0)
        assert "Traceback" not in said
        path = ballots_csv(folder / "b.csv", units, groups, items, grades, numbers)
        code, said = run_cli("ballots", "import", toml, path)
        assert code in (0, 2), said
        for args in (("results",), ("results", "--json")):
            code, said = run_cli(*args, toml)
            assert code == 0, said
            assert "NaN" not in said and "Infinity" not in said
        for fmt in ("json", "md", "csv", "xlsx", "docx"):
            code, said = run_cli("export", toml, "--format", fmt, "-o", folder / f"out.{fmt}")
            assert code == 0, (fmt, said)
        store = open_session(toml, write=True)
        try:
            meeting = Meeting(store)
            for item in meeting.items():
                meeting.open_item(item.id)
                if item.kind in ("unit", "speech"):
                    meeting.start_report()
                    meeting.end_segment()
            meeting.schedule()
        finally:
            store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
