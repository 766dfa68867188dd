"""Fuzzing ballot files: whatever the file holds, an import either succeeds or is refused with a
clear message, and a refused import leaves the database exactly as it was."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewtui.assessment.importer import import_file
from reviewtui.errors import UserError
from reviewtui.store import open_session

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"
UNITS = ["雁翅镇党委", "城子街道工委", "王平镇党委"]
GROUPS = ["区级领导", "党代表", ""]
GRADES = ["好", "较好", "一般", "差", "1", "4", "9", "0", ""]

cell = st.one_of(
    st.sampled_from(GRADES + UNITS + GROUPS),
    st.text(max_size=30),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
headers = st.one_of(
    st.just(["ballot", "group", "unit", "item", "value"]),
    st.just(["ballot", "group", *UNITS]),
    st.lists(
        st.sampled_from(["ballot", "group", "unit", "item", "value", *UNITS, "x"]), max_size=7
    ),
)


def _fresh_store():
    folder = Path(tempfile.mkdtemp(prefix="fuzz-ballots-"))
    session = folder / "small.toml"
    shutil.copyfile(SMALL, session)
    return open_session(session, write=True), folder


def _attempt(payload: bytes, suffix: str = ".csv") -> None:
    store, folder = _fresh_store()
    try:
        path = folder / f"ballots{suffix}"
        path.write_bytes(payload)
        before = store.content_sha256()
        try:
            import_file(store, path)
        except UserError as exc:
            assert exc.lines and all(isinstance(line, str) and line for line in exc.lines)
            assert store.content_sha256() == before  # all or nothing
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    def quote(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value

    return "\n".join(",".join(quote(v) for v in line) for line in [header, *rows]) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers,
    st.lists(st.lists(cell, min_size=0, max_size=7), max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"]),
)
def test_structured_csv(header: list[str], rows: list[list[str]], encoding: str) -> None:
    text = _csv(header, rows)
    try:
        payload = text.encode(encoding)
    except UnicodeEncodeError:
        payload = text.encode("utf-8", errors="surrogatepass")
    _attempt(payload)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes(payload: bytes, suffix: str) -> None:
    _attempt(payload, suffix)


def test_a_good_file_still_imports() -> None:
    """The fuzz harness itself can succeed: a valid file goes in."""
    store, folder = _fresh_store()
    try:
        path = folder / "ok.csv"
        path.write_text(
            _csv(["ballot", "group", *UNITS], [["1", "党代表", "好", "较好", "差"]]),
            encoding="utf-8",
        )
        result = import_file(store, path)
        assert result.ballots == 1
    finally:
        store.close()
