"""`w` on the live screen's assessment item (SPEC 9): the phone form server runs in the `run`
process beside the screen, with its own connection; the item's line shows the address and the
forms returned of issued per group, never a grade; `w` again closes the collection."""

from __future__ import annotations

import asyncio
import time

import httpx2
import pytest

from reviewtui.phones import address as net
from reviewtui.phones import tokens
from reviewtui.store import Store
from reviewtui.tui.widgets.address_code import AddressCode, qr_text
from tests.phones_server_proc import free_port
from tests.tui._live_support import SIZE, make_app, notifications, start, static_text

pytestmark = pytest.mark.xdist_group("collect")


async def _wait_up(url: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            reply = await asyncio.to_thread(httpx2.get, url, timeout=1)
            if reply.status_code == 200:
                return
        except httpx2.HTTPError:
            await asyncio.sleep(0.1)
    raise AssertionError("the form server did not start")


async def test_w_collects_and_shows_counts_never_grades(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    made = tokens.made(small_store.plan)
    tokens.record(small_store, made, served_at=f"127.0.0.1:{port}")  # print forms --qr
    monkeypatch.setattr(net, "default_address", lambda: ("192.0.2.77", False))  # never used
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("enter")  # a unit's item: w says where it works
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert any("assessment item" in n for n in notifications(app))
        assert not app.collector.running
        app.open_live(4)  # 填写测评表
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.collector.running
        base = f"http://127.0.0.1:{port}"
        await _wait_up(base + "/")
        form = {"c0_0": "1", "c1_0": "2", "c2_0": "3"}
        reply = await asyncio.to_thread(
            httpx2.post, f"{base}/f/{made[0].token}", data=form, timeout=10
        )
        assert reply.status_code == 200 and "Received" in reply.text
        app.screen.refresh_state()
        await pilot.pause()
        line = static_text(app, "#item-line")
        assert f"collecting phone forms at {base}/" in line
        assert "区级领导 1/3 (1 by phone)" in line and "党代表 0/5" in line
        assert not any(g in line for g in ("好", "较好", "一般"))
        code = app.screen.query_one(AddressCode)  # the address to scan, on the screen
        assert code.display and code.address == f"{base}/"
        await pilot.press("w")
        await pilot.pause()
        assert not app.collector.running
        assert "collecting" not in static_text(app, "#item-line")
        assert not code.display
    saved = small_store.row("SELECT code, source FROM ballots")
    assert saved == {"code": "A001", "source": "phone"}  # seen by the screen's own connection


def test_the_address_code_draws_every_module_of_the_qr_code() -> None:
    """Read back from the half blocks, the drawing is the code's own matrix in a white border."""
    import segno

    url = "http://192.168.1.23:8765/"
    matrix = segno.make(url, error="m", micro=False).matrix
    lines = qr_text(url).plain.split("\n")
    top = {"█": (1, 1), "▀": (1, 0), "▄": (0, 1), " ": (0, 0)}
    drawn = []
    for line in lines:
        pairs = [top[ch] for ch in line]
        drawn += [[p[0] for p in pairs], [p[1] for p in pairs]]
    size = len(matrix)
    assert len(lines[0]) == size + 4
    assert [row[2 : 2 + size] for row in drawn[2 : 2 + size]] == [
        [int(bool(m)) for m in row] for row in matrix
    ]
    assert not any(drawn[0]) and not any(drawn[1])  # the quiet zone
