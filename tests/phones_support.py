"""Shared helpers of the phone form tests: a meeting with issued tokens, and the form fields."""

from __future__ import annotations

from pathlib import Path

from reviewtui.phones import tokens
from reviewtui.store import Store, open_session

RULES = """
[assessment.rules]
all_same = true
"""

SCORED = """
items = [ { name = "总体评价" }, { name = "实绩", max = 10 } ]
"""


def session(tmp_path: Path, root: Path, extra: str = RULES) -> Path:
    """small.toml (3 units; groups 区级领导 A001-A003, 党代表 B001-B005) plus `extra`."""
    text = (root / "sessions" / "small.toml").read_text(encoding="utf-8")
    if extra.lstrip().startswith("items"):
        text = text.replace("[assessment]", "[assessment]" + extra)
    else:
        text += extra
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    return path


def issued(path: Path) -> tuple[Path, list[tokens.Issued]]:
    """The meeting's database made, a token issued for every printed form, and the forms
    recorded as printed, as `print forms --qr` does."""
    from reviewtui.assessment import serials

    store = open_session(path, write=True)
    try:
        made = tokens.issue(store)
        serials.record(store, store.plan)
        return store.path, made
    finally:
        store.close()


def reader(db: Path) -> Store:
    return Store.open_reader(db)


def ballot_rows(db: Path) -> list[tuple[str, str, str, int]]:
    store = reader(db)
    try:
        return [
            tuple(r)
            for r in store.conn.execute(
                "SELECT code, grp, source, entry FROM ballots ORDER BY code"
            ).fetchall()
        ]
    finally:
        store.close()
