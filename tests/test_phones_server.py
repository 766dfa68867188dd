"""The form server (SPEC 9) through Starlette's TestClient: the form, the confirm page of the
invalid-form rules, the receipt, and a clear page for every refusal, with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.phones import tokens
from reviewtui.phones.desk import MAX_BODY, Desk, RateLimit
from reviewtui.phones.server import build_app
from reviewtui.store import Store
from tests.phones_support import SCORED, ballot_rows, issued, session

FORM = {"content-type": "application/x-www-form-urlencoded"}


@pytest.fixture
def meeting(tmp_path: Path, root_dir: Path) -> tuple[Path, list[tokens.Issued]]:
    return issued(session(tmp_path, root_dir))


@pytest.fixture
def client(meeting: tuple[Path, list[tokens.Issued]]) -> Iterator[TestClient]:
    desk = Desk(meeting[0], limit=RateLimit(burst=10_000, rate=1000))
    with TestClient(build_app(desk)) as test_client:
        test_client.desk = desk  # type: ignore[attr-defined]
        yield test_client


def test_the_form_page(client: TestClient, meeting: tuple[Path, list[tokens.Issued]]) -> None:
    page = client.get(f"/f/{meeting[1][0].token}")
    assert page.status_code == 200
    html = page.text
    assert '<meta name="viewport" content="width=device-width,initial-scale=1">' in html
    assert "<script" not in html and "http" not in html.split("<body>")[1]  # no outside asset
    for unit in ("雁翅镇党委", "城子街道工委", "王平镇党委"):
        assert unit in html
    assert html.count('type="radio"') == 3 * 5  # four grades and "blank" per unit
    assert "A001" in html  # its own serial only
    assert "A002" not in html and meeting[1][0].token not in html
    assert "every unit the same grade" in html.lower() or "same grade" in html  # the rules
    assert page.headers["cache-control"] == "no-store"


def test_in_chinese(meeting: tuple[Path, list[tokens.Issued]]) -> None:
    i18n.set_lang("zh")
    with TestClient(build_app(Desk(meeting[0]))) as client:
        html = client.get(f"/f/{meeting[1][0].token}").text
    assert 'lang="zh-CN"' in html and "提交" in html and "不填" in html


def test_submit_receipt_then_refusal(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    url = f"/f/{meeting[1][3].token}"
    done = client.post(url, data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
    assert done.status_code == 200
    assert "This form can no longer be used" in done.text
    again = client.post(url, data={"c0_0": "4", "c1_0": "4", "c2_0": "4"})
    assert again.status_code == 409
    assert "Submitted by phone" in again.text and 'class="card good"' in again.text
    receipt = client.get(url)  # refresh or back after the receipt: the receipt, not a refusal
    assert receipt.status_code == 200 and "Submitted by phone" in receipt.text
    assert ballot_rows(meeting[0]) == [("B001", "党代表", "phone", 1)]
    store = Store.open_reader(meeting[0])
    try:
        saved = ballots.find(store, "B001", 1)
        assert saved is not None
        assert saved.marks == {
            ("雁翅镇党委", "总体评价"): "好",
            ("城子街道工委", "总体评价"): "较好",
            ("王平镇党委", "总体评价"): "一般",
        }
    finally:
        store.close()


def test_rules_and_blanks_ask_first(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    url = f"/f/{meeting[1][0].token}"
    same = client.post(url, data={"c0_0": "1", "c1_0": "1", "c2_0": "1"})
    assert same.status_code == 200
    assert "This ballot will be invalid: every unit the same grade" in same.text
    assert ballot_rows(meeting[0]) == []
    blank = client.post(url, data={"c0_0": "1", "c1_0": "2"})
    assert "1 of the 3 units left blank" in blank.text
    assert 'name="c0_0" value="1"' in blank.text  # the marks travel on, hidden
    back = client.post(url, data={"c0_0": "1", "c1_0": "2", "go": "edit"})
    assert 'value="1" checked' in back.text and 'value="2" checked' in back.text
    assert ballot_rows(meeting[0]) == []
    saved = client.post(url, data={"c0_0": "1", "c1_0": "1", "c2_0": "1", "go": "confirm"})
    assert "Received" in saved.text
    assert ballot_rows(meeting[0]) == [("A001", "区级领导", "phone", 1)]


def test_every_refusal_has_a_page_and_changes_nothing(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    db, made = meeting
    url = f"/f/{made[1].token}"
    cases = [
        (client.get("/f/not-a-token"), 404, "Not a form"),
        (client.post("/f/not-a-token", data={"c0_0": "1"}), 404, "Not a form"),
        (client.get("/f/" + "x" * 300), 404, "Not a form"),
        (client.get("/f/%00%ff"), 404, "Not a form"),
        (client.get("/nothing/here"), 404, "No such page"),
        (client.put(url, content=b""), 405, "Not supported"),
        (client.post(url, data={"c9_0": "1"}), 400, "Not understood"),
        (client.post(url, data={"c0_0": "7"}), 400, "Not understood"),
        (client.post(url, data={"c0_0": "好"}), 400, "Not understood"),
        (client.post(url, data={"go": "drop"}), 400, "Not understood"),
        (client.post(url, content=b"c0_0=1&c0_0=2", headers=FORM), 400, "Not understood"),
        (client.post(url, content=b"\xff\xfe", headers=FORM), 400, "Not understood"),
        (client.post(url, content=b"=&&=", headers=FORM), 400, "Not understood"),
        (client.post(url, content=b"x" * (MAX_BODY + 1), headers=FORM), 413, "Too much data"),
        (
            client.post(url, content=b"c0_0=1", headers={**FORM, "content-length": "999999"}),
            413,
            "Too much data",
        ),
    ]
    for response, status, text in cases:
        assert response.status_code == status, (response.request.url, response.text[-300:])
        assert text in response.text
        assert made[1].token not in response.text
    assert client.get("/").status_code == 200
    assert ballot_rows(db) == []
    store = Store.open_reader(db)
    try:
        assert tokens.find(store, made[1].token).state == tokens.OK
    finally:
        store.close()


def test_voided_entered_and_closed(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    db, made = meeting
    store = Store.open_writer(db)
    try:
        ballots.save(store, code="A002", group="区级领导",
                     marks={("雁翅镇党委", "总体评价"): "好"})  # fmt: skip
        fresh = tokens.issue(store, replace=True)
    finally:
        store.close()
    voided = client.post(f"/f/{made[0].token}", data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
    assert voided.status_code == 410 and "void" in voided.text
    entered = client.post(f"/f/{fresh[1].token}", data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
    assert entered.status_code == 409 and "entered on paper" in entered.text
    client.desk.close()  # type: ignore[attr-defined]
    closed = client.post(f"/f/{fresh[2].token}", data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
    assert closed.status_code == 403 and "Collection closed" in closed.text
    assert client.get(f"/f/{fresh[2].token}").status_code == 403
    assert ballot_rows(db) == [("A002", "区级领导", "screen", 1)]


def test_rate_limit_per_form(meeting: tuple[Path, list[tokens.Issued]]) -> None:
    now = [0.0]
    limit = RateLimit(burst=3, rate=1.0, clock=lambda: now[0])
    with TestClient(build_app(Desk(meeting[0], limit=limit))) as client:
        url = f"/f/{meeting[1][0].token}"
        assert [client.get(url).status_code for _ in range(4)] == [200, 200, 200, 429]
        assert "Please wait" in client.get(url).text
        now[0] += 2.0  # two more a second later
        assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    assert limit.allow("10.0.0.9")  # another address has its own bucket
    assert all(limit.allow("127.0.0.1") for _ in range(10))  # the laptop itself: no limit


def test_rate_limit_memory_is_bounded() -> None:
    limit = RateLimit(burst=1, rate=0, keep=10)
    for n in range(100):
        assert limit.allow(f"10.0.{n}.1")
    assert len(limit.buckets) == 10


def test_numeric_items(tmp_path: Path, root_dir: Path) -> None:
    db, made = issued(session(tmp_path, root_dir, SCORED))
    with TestClient(build_app(Desk(db))) as client:
        url = f"/f/{made[0].token}"
        page = client.get(url).text
        assert 'type="number"' in page and 'max="10"' in page
        full = {"c0_0": "1", "c0_1": "9.5", "c1_0": "2", "c1_1": "7", "c2_0": "3", "c2_1": "8"}
        wrong = client.post(url, data={**full, "c1_1": "11"})
        assert wrong.status_code == 400
        assert "城子街道工委" in wrong.text and 'value="9.5"' in wrong.text  # refilled
        assert client.post(url, data={**full, "c1_1": "nan"}).status_code == 400
        assert "Received" in client.post(url, data=full).text
    store = Store.open_reader(db)
    try:
        saved = ballots.find(store, "A001", 1)
        assert saved is not None
        assert saved.marks[("雁翅镇党委", "实绩")] == 9.5
    finally:
        store.close()


def test_collect_refuses_while_run_holds_the_meeting(
    meeting: tuple[Path, list[tokens.Issued]], cli
) -> None:
    holder = Store.open_writer(meeting[0])
    try:
        result = cli("collect", meeting[0], "--bind", "127.0.0.1", "--port", "1")
    finally:
        holder.close()
    assert result.code == 2
    assert "pid" in result.stderr.lower() or str(__import__("os").getpid()) in result.stderr


def test_collect_refuses_without_tokens(tmp_path: Path, root_dir: Path, cli) -> None:
    path = session(tmp_path, root_dir)
    result = cli("collect", path, "--bind", "127.0.0.1")
    assert result.code == 2
    assert "print" in result.stderr and "--qr" in result.stderr


def test_standalone_gate_takes_the_lock_only_to_commit(
    meeting: tuple[Path, list[tokens.Issued]],
) -> None:
    """Between commits the meeting is free (another writer may open it); a submission that
    meets another writer gets the busy page and changes nothing."""
    db, made = meeting
    with TestClient(build_app(Desk(db))) as client:
        other = Store.open_writer(db)  # possible: the server holds no lock between commits
        try:
            busy = client.post(f"/f/{made[0].token}", data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
            assert busy.status_code == 503 and "busy" in busy.text
        finally:
            other.close()
        done = client.post(f"/f/{made[0].token}", data={"c0_0": "1", "c1_0": "2", "c2_0": "3"})
        assert done.status_code == 200
    assert ballot_rows(db) == [("A001", "区级领导", "phone", 1)]


def test_opinion_lines_when_the_form_has_them(tmp_path: Path, root_dir: Path) -> None:
    from reviewtui.assessment import opinions

    db, made = issued(session(tmp_path, root_dir, "\nopinions = true\n"))
    with TestClient(build_app(Desk(db))) as client:
        url = f"/f/{made[0].token}"
        page = client.get(url).text
        assert page.count("<textarea") == 3 and 'maxlength="500"' in page
        form = {"c0_0": "1", "c1_0": "2", "c2_0": "3", "o1": "  多下基层 <b>调研</b>  "}
        too_long = client.post(url, data={**form, "o0": "长" * 501})
        assert too_long.status_code == 400 and "Not understood" in too_long.text
        back = client.post(url, data={**form, "go": "edit"})
        assert "多下基层 &lt;b&gt;调研&lt;/b&gt;" in back.text  # refilled, escaped
        assert "Received" in client.post(url, data=form).text
    store = Store.open_reader(db)
    try:
        assert opinions.of_ballots(store) == {1: {"城子街道工委": "多下基层 <b>调研</b>"}}
    finally:
        store.close()


def test_no_opinion_field_on_a_form_without_them(
    client: TestClient, meeting: tuple[Path, list[tokens.Issued]]
) -> None:
    url = f"/f/{meeting[1][0].token}"
    assert "<textarea" not in client.get(url).text
    refused = client.post(url, data={"c0_0": "1", "c1_0": "2", "c2_0": "3", "o0": "x"})
    assert refused.status_code == 400
    assert ballot_rows(meeting[0]) == []


def test_the_server_defaults_to_where_the_forms_point() -> None:
    from reviewtui.phones import address as net
    from reviewtui.phones.server import choose_address

    assert choose_address(None, None, ("10.0.0.5", 9000)) == ("10.0.0.5", 9000, [])
    host, port, notes = choose_address("127.0.0.1", None, ("10.0.0.5", 9000))
    assert (host, port) == ("127.0.0.1", 9000)
    assert "10.0.0.5:9000" in notes[0]  # the phones would not reach it: said
    assert choose_address("127.0.0.1", 80, None) == ("127.0.0.1", 80, [])
    host, port, _ = choose_address(None, None, None)
    assert port == net.DEFAULT_PORT


def test_collect_serves_where_print_pointed(tmp_path: Path, root_dir: Path, cli) -> None:
    import signal

    import httpx2

    from tests.phones_server_proc import free_port, start

    path = session(tmp_path, root_dir)
    port = free_port()
    printed = cli("print", path, "forms", "--qr", "--address", "127.0.0.1", "--port", str(port),
                  "-o", tmp_path / "f.docx")  # fmt: skip
    assert printed.code == 0, printed.output
    proc = start(path, port, bind=False)
    try:
        home = httpx2.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert home.status_code == 200
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert f"http://127.0.0.1:{port}/" in out
    assert "Returned: 区级领导 0/3 (0 by phone); 党代表 0/5 (0 by phone)" in out
