"""Fuzzing the submit endpoint: whatever a phone sends, never a 500, and never a partial ballot
(every stored phone ballot is whole, matches what was sent, and its token points at it)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from reviewtui.assessment import ballots
from reviewtui.phones import tokens
from reviewtui.phones.desk import Desk, RateLimit
from reviewtui.phones.server import build_app
from reviewtui.store import Store
from tests.phones_support import SCORED, issued, session

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["o0", "o2", "c0_0", "c0_1", "c1_0", "c1_1", "c2_0", "c2_1", "go", "c3_0", "c0_2", "x", ""]
VALUES = ["1", "2", "3", "4", "5", "0", "", "10", "10.5", "-1", "nan", "1e3", "submit",
          "confirm", "edit", "好", "１"]  # fmt: skip
# 503 ("busy, try again") is right only when the storage is contended; in this one-client fuzz
# it would be a bug shown politely, so it is not allowed.
ALLOWED = {200, 400, 403, 404, 405, 409, 410, 413, 429}
FORM_TYPE = "application/x-www-form-urlencoded"

fields = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(NAMES), st.text(max_size=12)),
        st.one_of(st.sampled_from(VALUES), st.text(max_size=50)),
    ),
    max_size=12,
)
plausible = st.fixed_dictionaries(
    {},
    optional={
        name: st.sampled_from(["1", "2", "3", "4", "", "7.5", "10", "11"])
        for name in ["c0_0", "c0_1", "c1_0", "c1_1", "c2_0", "c2_1"]
    }
    | {"go": st.sampled_from(["submit", "confirm", "edit"])},
)
bodies = st.one_of(
    plausible.map(lambda d: urlencode(d).encode()),
    fields.map(lambda pairs: urlencode(pairs).encode()),
    st.binary(max_size=400),
    st.sampled_from([b"", b"&", b"=", b"%", b"%zz", b"c0_0=%ff", b"c0_0=1&c0_0=1"]),
)
content_types = st.sampled_from(
    ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""]
)


def _meeting() -> tuple[Path, list[tokens.Issued]]:
    return issued(session(Path(tempfile.mkdtemp(prefix="fuzz-phones-")), ROOT, SCORED))


DB, MADE = _meeting()  # 8 tokens; one meeting for every example, so used tokens pile up
DESK = Desk(DB, limit=RateLimit(burst=1e9, rate=1e9))


def _check_whole(db: Path) -> None:
    store = Store.open_reader(db)
    try:
        phone = store.rows("SELECT id, code FROM ballots WHERE source = 'phone'")
        used = store.rows("SELECT serial, ballot_id FROM tokens WHERE used_at IS NOT NULL")
        assert sorted((b["code"], b["id"]) for b in phone) == sorted(
            (u["serial"], u["ballot_id"]) for u in used
        )
        for b in phone:
            for (cells,) in store.conn.execute(
                "SELECT cells FROM marks WHERE ballot_id = ?", (b["id"],)
            ).fetchall():
                assert json.loads(cells)  # a stored line is never empty
    finally:
        store.close()


def _check_saved_as_sent(db: Path, serial: str, body: bytes) -> None:
    """A receipt means the ballot holds exactly the marks sent (an all-blank one is a ballot
    too: confirmed, it is saved and counted invalid, as on paper)."""
    _, values = DESK.fields(body)
    sent = DESK.marks(values)
    store = Store.open_reader(db)
    try:
        saved = ballots.find(store, serial, 1)
    finally:
        store.close()
    assert saved is not None and saved.source == "phone"
    assert saved.marks == sent


def post_and_check(which: int, token: str | None, body: bytes, content_type: str) -> int:
    """One request; every check of the properties above; the status, for the coverage check.

    A random token is sent percent-encoded, so the client never refuses the URL: whatever goes
    wrong is the server's, and fails the test (no exception is caught here)."""
    url = "/f/" + (MADE[which].token if token is None else quote(token, safe=""))
    with TestClient(build_app(DESK), raise_server_exceptions=True) as client:
        headers = {"content-type": content_type} if content_type else {}
        response = client.post(url, content=body, headers=headers)
    assert response.status_code in ALLOWED, (response.status_code, response.text[-400:])
    assert response.headers["content-type"].startswith("text/html")
    _check_whole(DB)
    if response.status_code == 200 and "Received" in response.text:
        _check_saved_as_sent(DB, MADE[which].serial, body)
    return response.status_code


FUZZ = given(
    which=st.integers(min_value=0, max_value=len(MADE) - 1),
    token=st.one_of(st.none(), st.text(max_size=30)),
    body=bodies,
    content_type=content_types,
)


FULL = {"c0_0": "1", "c0_1": "7.5", "c1_0": "2", "c1_1": "10", "c2_0": "1", "c2_1": "3"}


def test_the_checks_reach_the_save_and_the_refusals() -> None:
    """The properties are checked on a saved form, a form sent twice and a malformed body,
    here, whatever else ran on this worker (no early return: the fuzz alone proves nothing
    about which paths it reached). Before the fuzz in the file: on a worker that runs both, the
    fuzz may have saved a form with token 1, and the malformed body would meet "already used"."""
    seen = [
        post_and_check(0, None, urlencode({**FULL, "go": "confirm"}).encode(), FORM_TYPE),
        post_and_check(0, None, urlencode({**FULL, "go": "confirm"}).encode(), FORM_TYPE),
        post_and_check(1, None, b"c0_0=%ff", FORM_TYPE),
    ]
    assert seen[0] == 200 or seen[0] == 409  # 409: the fuzz used this token first
    assert seen[1:] == [409, 400]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@FUZZ
def test_submit_never_500_never_partial(
    which: int, token: str | None, body: bytes, content_type: str
) -> None:
    post_and_check(which, token, body, content_type)


@pytest.mark.parametrize("fault", ["raises", "drops_the_save", "busy"])
def test_the_fuzz_fails_on_a_broken_server(monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    """Proof that the fuzz can fail: the submit handler broken three ways, it finds each."""

    def raises(self: Desk, token: str, body: bytes) -> object:
        raise RuntimeError("a bug in the submit handler")

    def drops_the_save(self: Desk, one: object) -> object:
        from reviewtui.phones.desk import Reply

        return Reply(200, "<p>Received</p>")  # says received, saves nothing

    def busy(self: Desk, token: str, body: bytes) -> object:
        raise sqlite3.OperationalError("no such column: oops")  # a bug shown as "busy"

    if fault == "drops_the_save":
        monkeypatch.setattr(Desk, "_save_one", drops_the_save)
    else:
        monkeypatch.setattr(Desk, "_submit", raises if fault == "raises" else busy)

    @settings(max_examples=100, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
    @FUZZ
    def fuzz(which: int, token: str | None, body: bytes, content_type: str) -> None:
        post_and_check(which, token, body, content_type)

    with pytest.raises((AssertionError, RuntimeError)):
        fuzz()


def teardown_module() -> None:
    shutil.rmtree(DB.parent, ignore_errors=True)
