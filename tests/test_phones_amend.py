"""A phone form is always the plan as it is now (issue 30.1): `amend` while the form server
runs renames or adds a unit; the server follows, a form filled in on the old plan is shown
again rather than saved, and no ballot ever holds a mark for a unit the plan lacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reviewtui import amend
from reviewtui.assessment import ballots
from reviewtui.errors import UserError
from reviewtui.phones import pages, tokens
from reviewtui.phones.desk import Desk, Gate, RateLimit
from reviewtui.phones.server import build_app
from reviewtui.plan import loads
from reviewtui.store import Store
from reviewtui.store import connect as files
from tests.phones_support import ballot_rows, issued, session

RENAMED = "雁翅镇党委（新）"
ADDED = """
[[units]]
name = "潭柘寺镇党委"
reporter = "潭柘寺镇党委书记"
mode = "written"
"""


def _amend(toml: Path) -> None:
    """What `reviewtui amend` does, from another process's point of view: its own writer."""
    text = toml.read_text(encoding="utf-8").replace("雁翅镇党委", RENAMED)
    text = text.replace("# 测评办法全部取默认值。", ADDED + "\n# 测评办法全部取默认值。")
    store = Store.open_writer(toml.with_suffix(".db"))
    try:
        amend.apply(store, loads(text, str(toml)))
    finally:
        store.close()


def _plan_field(html: str) -> str:
    marker = f'name="{pages.PLAN_FIELD}" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


@pytest.fixture
def meeting(tmp_path: Path, root_dir: Path) -> tuple[Path, Path, list[tokens.Issued]]:
    toml = session(tmp_path, root_dir, "")
    db, made = issued(toml)
    return toml, db, made


def test_the_form_follows_an_amendment(meeting: tuple[Path, Path, list[tokens.Issued]]) -> None:
    toml, db, made = meeting
    desk = Desk(db, limit=RateLimit(burst=10_000, rate=1000))
    with TestClient(build_app(desk)) as client:
        url = f"/f/{made[3].token}"
        before = client.get(url).text
        assert RENAMED not in before and "潭柘寺镇党委" not in before
        _amend(toml)
        # Filled in on the old form (three units), submitted after the amendment: not saved,
        # the form as it is now shown again, saying why.
        stale = client.post(
            url,
            data={"c0_0": "1", "c1_0": "1", "c2_0": "1", pages.PLAN_FIELD: _plan_field(before)},
        )
        assert stale.status_code == 409
        assert "plan was just amended" in stale.text
        assert RENAMED in stale.text and "潭柘寺镇党委" in stale.text
        assert ballot_rows(db) == []
        now = client.get(url).text
        assert RENAMED in now and "潭柘寺镇党委" in now and _plan_field(now) != _plan_field(before)
        done = client.post(
            url,
            data={
                "c0_0": "1", "c1_0": "2", "c2_0": "2", "c3_0": "3",
                pages.PLAN_FIELD: _plan_field(now),
            },
        )  # fmt: skip
        assert done.status_code == 200, done.text
    store = Store.open_reader(db)
    try:
        saved = ballots.find(store, "B001", 1)
        assert saved is not None
        units = {unit for unit, _ in saved.marks}
        assert units == {RENAMED, "城子街道工委", "王平镇党委", "潭柘寺镇党委"}
    finally:
        store.close()


def test_the_core_refuses_a_mark_for_a_unit_the_plan_lacks(
    meeting: tuple[Path, Path, list[tokens.Issued]],
) -> None:
    """A connection that read the plan before another one amended it (the phone server's):
    a ballot naming the old unit is refused on save, nothing written."""
    toml, db, _ = meeting
    conn = files.connect(db, readonly=False)
    stale = Store(db, conn, lock=Gate(db, shared=True))
    try:
        assert stale.plan.units[0].name == "雁翅镇党委"
        _amend(toml)
        marks = {("雁翅镇党委", "总体评价"): "好", ("城子街道工委", "总体评价"): "好"}
        with pytest.raises(UserError) as refused:
            ballots.save(stale, code="B002", group="党代表", marks=marks)
        assert "雁翅镇党委" in " ".join(refused.value.lines)
    finally:
        stale.close()
    assert ballot_rows(db) == []
