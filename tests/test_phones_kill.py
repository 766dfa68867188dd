"""Crash safety of the form server (SPEC 9): a real `collect` killed with SIGKILL while phones
submit loses no acknowledged ballot, and after a restart no token submits twice."""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import httpx2
import pytest

from reviewtui.phones import tokens
from tests.phones_server_proc import free_port, start
from tests.phones_support import ballot_rows, session

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX only")

MANY = """
[[groups]]
name = "列席人员"
issued = 60
code = "L"
"""


def test_kill_mid_submissions_loses_nothing_acknowledged(tmp_path: Path, root_dir: Path) -> None:
    path = session(tmp_path, root_dir, MANY)
    from reviewtui.store import open_session

    store = open_session(path, write=True)
    try:
        made = tokens.issue(store)
    finally:
        store.close()
    db = path.with_suffix(".db")
    port = free_port()
    proc = start(path, port)
    acknowledged: list[str] = []
    answered = threading.Event()
    form = {"c0_0": "1", "c1_0": "2", "c2_0": "3"}

    def submit_all() -> None:
        with httpx2.Client(timeout=5) as client:
            for one in made:
                try:
                    reply = client.post(f"http://127.0.0.1:{port}/f/{one.token}", data=form)
                except httpx2.HTTPError:
                    return  # the server is gone
                if reply.status_code == 200 and "Received" in reply.text:
                    acknowledged.append(one.serial)
                    if len(acknowledged) >= 10:
                        answered.set()

    worker = threading.Thread(target=submit_all)
    worker.start()
    assert answered.wait(30), "no submission acknowledged"
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    worker.join(30)
    proc.stdout.close()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    saved = {code for code, *_ in ballot_rows(db)}
    assert set(acknowledged) <= saved  # every acknowledged ballot is on disk
    assert len(saved) < len(made)  # killed half-way indeed

    proc = start(path, port)
    try:
        with httpx2.Client(timeout=5) as client:
            outcomes = {}
            for one in made:
                first = client.post(f"http://127.0.0.1:{port}/f/{one.token}", data=form)
                second = client.post(f"http://127.0.0.1:{port}/f/{one.token}", data=form)
                outcomes[one.serial] = (first.status_code, second.status_code)
    finally:
        proc.send_signal(signal.SIGINT)  # ctrl+c: closes cleanly
        out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "Collection closed" in out
    for serial, (first, second) in outcomes.items():
        assert second == 409, serial  # never twice
        assert first == (409 if serial in saved else 200), serial
    rows = ballot_rows(db)
    assert len(rows) == len(made) == len({code for code, *_ in rows})
