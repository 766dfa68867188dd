"""Phones in a real room (issue: never lose a rater's marks, never let one device block the room):
refused submits keep the marks, limits per form rather than per address (a venue's NAT), the
receipt on refresh, the page's rules first, the Origin check, who serves the forms (`run` over
`collect`, two `collect`), the projector's counts, and the guarded connections of a real server.
"""

from __future__ import annotations

import contextlib
import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient

from reviewtui import clock
from reviewtui.meeting import projector as view
from reviewtui.phones import guard, serving, tokens
from reviewtui.phones.desk import Desk, RateLimit, same_origin
from reviewtui.phones.server import build_app
from reviewtui.store import Store
from tests.phones_server_proc import free_port, start
from tests.phones_support import ballot_rows, issued, session

ALL = {"c0_0": "1", "c1_0": "2", "c2_0": "3"}


@pytest.fixture
def meeting(tmp_path: Path, root_dir: Path) -> tuple[Path, list[tokens.Issued]]:
    return issued(session(tmp_path, root_dir))


@pytest.fixture
def client(meeting: tuple[Path, list[tokens.Issued]]) -> Iterator[TestClient]:
    desk = Desk(meeting[0], limit=RateLimit(burst=10_000, rate=1000))
    with TestClient(build_app(desk)) as test_client:
        yield test_client


def _hidden(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))


def test_a_busy_refusal_keeps_the_marks(meeting: tuple[Path, list[tokens.Issued]]) -> None:
    db, made = meeting
    told: list[str] = []
    desk = Desk(db, on_refused=told.append)
    with TestClient(build_app(desk)) as client:
        url = f"/f/{made[0].token}"
        other = Store.open_writer(db)  # `run` took the meeting meanwhile
        try:
            busy = client.post(url, data={**ALL, "go": "confirm"})
        finally:
            other.close()
        assert busy.status_code == 503
        assert _hidden(busy.text) == ALL  # the rater's marks, on the page
        assert 'name="go" value="confirm"' in busy.text and "Submit again" in busy.text
        assert told == ["busy"]  # collect's screen is told
        assert ballot_rows(db) == []
        again = client.post(url, data={**_hidden(busy.text), "go": "confirm"})
        assert again.status_code == 200 and "Received" in again.text
    assert ballot_rows(db) == [("A001", "区级领导", "phone", 1)]


def test_a_rate_refusal_keeps_the_marks_and_back_refills(
    meeting: tuple[Path, list[tokens.Issued]],
) -> None:
    db, made = meeting
    now = [0.0]
    desk = Desk(db, limit=RateLimit(burst=1, rate=0.5, clock=lambda: now[0]))
    with TestClient(build_app(desk)) as client:
        url = f"/f/{made[0].token}"
        assert client.get(url).status_code == 200
        slow = client.post(url, data={"c0_0": "1", "c1_0": "2"})
        assert slow.status_code == 429 and "Please wait" in slow.text
        assert _hidden(slow.text) == {"c0_0": "1", "c1_0": "2"}
        now[0] += 2.0
        back = client.post(url, data={**_hidden(slow.text), "go": "edit"})
        assert 'value="1" checked' in back.text and 'value="2" checked' in back.text
    assert ballot_rows(db) == []


def test_phones_behind_one_address_do_not_share_a_limit(
    meeting: tuple[Path, list[tokens.Issued]],
) -> None:
    """A venue's Wi-Fi puts every phone behind one address: 8 phones × 5 requests each from
    10.0.0.5 are all served with a burst of 4 per form; one form hammered is still limited."""
    db, made = meeting
    now = [0.0]
    desk = Desk(db, limit=RateLimit(burst=5, rate=0.5, clock=lambda: now[0]))
    desk.open()
    try:
        statuses = [desk.get("10.0.0.5", one.token).status for one in made for _ in range(5)]
        assert statuses == [200] * (5 * len(made))
        assert desk.get("10.0.0.5", made[0].token).status == 429
        # Addresses that are no form: limited per connection.
        guesses = [desk.get("10.0.0.6", f"guess{n}", "10.0.0.6:4000").status for n in range(8)]
        assert guesses[:5] == [404] * 5 and 429 in guesses[5:]
        assert desk.get("10.0.0.6", "other", "10.0.0.6:4001").status == 404  # a new connection
    finally:
        desk.shut()


def test_the_receipt_on_refresh_and_after_a_reprint(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    db, made = meeting
    url = f"/f/{made[0].token}"
    assert "Received" in client.post(url, data=ALL).text
    refresh = client.get(url)
    assert refresh.status_code == 200
    assert "Submitted by phone" in refresh.text and 'class="card good"' in refresh.text
    store = Store.open_writer(db)
    try:
        fresh = tokens.issue(store, replace=True)  # a reprint: new codes for every form
    finally:
        store.close()
    again = client.get(f"/f/{fresh[0].token}")
    assert "Submitted by phone" in again.text
    assert "entered on paper" not in again.text


def test_the_page_puts_the_rules_first_and_counts_what_is_left(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    page = client.get(f"/f/{meeting[1][0].token}").text
    rules, first_unit = page.index("How this form is counted"), page.index('id="u1"')
    assert rules < first_unit
    assert "anonymous" in page[:first_unit]
    assert page.count('value="" checked') == 3  # every unit blank until marked
    assert ".left::after{content:counter(left)}" in page
    assert page.index('class="left"') < page.index('type="submit"')
    blanks = client.post(f"/f/{meeting[1][0].token}", data={"c0_0": "1"})
    assert 'action="#u2"' in blanks.text  # back to the form lands on the first blank unit


def test_a_post_from_another_site_is_refused(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    db, made = meeting
    url = f"/f/{made[0].token}"
    for origin in ("http://evil.example", "null"):
        refused = client.post(url, data=ALL, headers={"origin": origin})
        assert refused.status_code == 403 and "not sent from this meeting" in refused.text
    refused = client.post(url, data=ALL, headers={"referer": "http://evil.example/x"})
    assert refused.status_code == 403
    assert ballot_rows(db) == []
    own = client.post(url, data=ALL, headers={"origin": "http://testserver"})
    assert own.status_code == 200 and "Received" in own.text
    assert same_origin(None, None, "192.168.1.5:8765")  # no browser page: the token decides
    assert same_origin("http://192.168.1.5:8765", None, "192.168.1.5:8765")
    assert not same_origin("http://192.168.1.5:9999", None, "192.168.1.5:8765")


def test_a_big_head_is_refused(client: TestClient, meeting: tuple[Path, list[tokens.Issued]]):
    page = client.get(f"/f/{meeting[1][0].token}", headers={"x-big": "x" * 100_000})
    assert page.status_code == 431 and "Too much data" in page.text


def test_run_refuses_over_a_serving_collect_and_a_second_collect_too(
    meeting: tuple[Path, list[tokens.Issued]], cli
) -> None:
    db, _ = meeting
    port = free_port()
    proc = start(db, port)
    try:
        held = serving.holder(db)
        assert held is not None and held.by == "collect" and held.pid == proc.pid
        assert held.url == f"http://127.0.0.1:{port}/"
        run = cli("run", db)
        assert run.code == 2
        assert str(proc.pid) in run.stderr and "ctrl+c" in run.stderr and " w " in run.stderr
        second = cli("collect", db, "--bind", "127.0.0.1", "--port", str(free_port()))
        assert second.code == 2 and "already served" in second.stderr
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
    assert serving.holder(db) is None  # gone with its process


def test_the_projector_shows_forms_returned_while_collecting(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    db, made = meeting
    assert "Received" in client.post(f"/f/{made[3].token}", data=ALL).text
    reader = Store.open_reader(db)
    try:
        assert view.read_state(reader).collecting == ""
        serves = serving.Serving.take(db, "collect")
        assert serves is not None
        try:
            serves.announce("http://127.0.0.1:1/")
            state = view.read_state(reader)
        finally:
            serves.release()
    finally:
        reader.close()
    assert "区级领导 0/3" in state.collecting and "党代表 1/5" in state.collecting
    shown = view.build_view(state, clock.now(), db=db)
    assert shown.next == state.collecting
    assert "好" not in shown.next  # never a grade


def _idle_flood(host: str, port: int, count: int) -> list[socket.socket]:
    held = []
    for _ in range(count):
        s = socket.socket()
        s.bind(("127.0.0.2", 0))
        s.connect((host, port))
        held.append(s)
    return held


def test_idle_connections_from_one_address_block_nobody(
    meeting: tuple[Path, list[tokens.Issued]],
) -> None:
    """300 connections from one address that send nothing, while 8 phones submit: every phone
    is served, and the flood holds at most its share of idle connections."""
    db, made = meeting
    port = free_port()
    proc = start(db, port)
    flood: list[socket.socket] = []
    try:
        flood = _idle_flood("127.0.0.1", port, 300)
        base = f"http://127.0.0.1:{port}"
        with httpx2.Client(timeout=20) as phone:
            for one in made:
                assert phone.get(f"{base}/f/{one.token}").status_code == 200
                done = phone.post(f"{base}/f/{one.token}", data={**ALL, "go": "confirm"})
                assert done.status_code == 200 and "Received" in done.text
        time.sleep(guard.GRACE_SECONDS + 0.2)
        flood += _idle_flood("127.0.0.1", port, 1)  # its next connection evicts its oldest
        time.sleep(0.5)
        closed = 0
        for s in flood:  # evicted ones read as closed (b"") at once
            s.setblocking(False)
            with contextlib.suppress(BlockingIOError):  # still open
                closed += s.recv(1) == b""
        assert closed >= 300 - guard.IDLE_PER_ADDRESS
    finally:
        for s in flood:
            s.close()
        proc.terminate()
        proc.communicate(timeout=30)
    assert len(ballot_rows(db)) == len(made)


def test_a_silent_connection_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The head timer: a connection that sends nothing is closed after HEAD_SECONDS."""
    import asyncio

    import uvicorn

    from reviewtui.phones.server import build_app as app_of

    monkeypatch.setattr(guard, "HEAD_SECONDS", 0.3)

    async def scene(db: Path) -> bytes:
        config = uvicorn.Config(
            app_of(Desk(db)), host="127.0.0.1", port=0, http=guard.guarded("<p>full</p>"),
            log_level="warning", lifespan="off",
        )  # fmt: skip
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET / HT")  # a head that never ends
        began = time.monotonic()
        data = await asyncio.wait_for(reader.read(), timeout=5)
        assert time.monotonic() - began < 3
        server.should_exit = True
        await task
        return data

    with __import__("tempfile").TemporaryDirectory() as folder:
        root = Path(__file__).resolve().parent.parent
        db, _ = issued(session(Path(folder), root))
        assert asyncio.run(scene(db)) == b""


def test_print_forms_qr_numbers_every_picture_once(tmp_path: Path, root_dir: Path, cli) -> None:
    """The QR pictures are numbered by official.add_picture: every drawing id is distinct."""
    import zipfile

    path = session(tmp_path, root_dir)
    out = tmp_path / "forms.docx"
    done = cli("print", path, "forms", "--qr", "--address", "127.0.0.1", "--yes", "-o", out)
    assert done.code == 0, done.stderr
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    ids = re.findall(r'<wp:docPr id="(\d+)"', xml)
    # 8 forms, each with its phone code, its serial's code and four corner squares
    assert len(ids) == 8 * 6 and len(set(ids)) == len(ids)


def test_a_rush_is_saved_in_one_commit_each_form_its_own_command(
    meeting: tuple[Path, list[tokens.Issued]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five phones submitting at once are queued and saved in one commit (one set of syncs);
    each ballot is still its own journaled command, undone alone; a used token in the same
    batch is refused alone."""
    import asyncio

    db, made = meeting
    batches: list[int] = []
    real = Store.batch

    def counting(self: Store):  # type: ignore[no-untyped-def]
        batches.append(1)
        return real(self)

    monkeypatch.setattr(Store, "batch", counting)
    desk = Desk(db, limit=RateLimit(burst=100, rate=100))
    desk.open()
    body = b"c0_0=1&c1_0=2&c2_0=3&go=confirm"

    async def rush() -> list[int]:
        posts = [desk.post_batched("10.0.0.5", one.token, body) for one in made[:5]]
        posts.append(desk.post_batched("10.0.0.5", made[0].token, body))  # twice: refused
        return [reply.status for reply in await asyncio.gather(*posts)]

    try:
        statuses = asyncio.run(rush())
    finally:
        desk.shut()
    assert statuses == [200] * 5 + [409]
    assert batches == [1]
    store = Store.open_writer(db)
    try:
        txs = store.conn.execute(
            "SELECT count(DISTINCT tx) FROM journal WHERE action = ?", (tokens.ACTION_SUBMIT,)
        ).fetchone()[0]
        assert txs == 5
        store.undo(store.row("SELECT max(tx) AS tx FROM journal")["tx"])
    finally:
        store.close()
    assert len(ballot_rows(db)) == 4
