"""A phone that drops mid-submit (issue 30.7): `collect` says nothing about it, no traceback,
and goes on serving; nothing is saved for the half-sent form."""

from __future__ import annotations

import signal
import socket
import time
from pathlib import Path

import httpx2
import pytest

from tests.phones_server_proc import free_port, start
from tests.phones_support import ballot_rows, issued, session

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="POSIX only")


def test_a_phone_dropping_mid_submit_prints_no_traceback(tmp_path: Path, root_dir: Path) -> None:
    path = session(tmp_path, root_dir, "")
    db, made = issued(path)
    port = free_port()
    proc = start(path, port)
    try:
        for _ in range(3):
            with socket.create_connection(("127.0.0.1", port)) as phone:
                phone.sendall(
                    f"POST /f/{made[0].token} HTTP/1.1\r\nHost: x\r\n"
                    "Content-Type: application/x-www-form-urlencoded\r\n"
                    "Content-Length: 5000\r\n\r\nc0_0=1&c1_0=".encode()
                )
                time.sleep(0.3)  # the server is reading the body when the phone goes
        done = httpx2.post(
            f"http://127.0.0.1:{port}/f/{made[1].token}",
            data={"c0_0": "1", "c1_0": "2", "c2_0": "3"},
            timeout=10,
        )
        assert done.status_code == 200  # still serving
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Exception" not in err, err
    assert [code for code, *_ in ballot_rows(db)] == [made[1].serial]
