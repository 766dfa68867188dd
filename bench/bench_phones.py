"""Benchmark: 300 phone forms submitted at once to a real `reviewtui collect` on loopback.

A meeting of 20 units and three groups (100 forms each, 300 in all), its tokens issued as
`print forms --qr` issues them, then `reviewtui collect` in its own process on 127.0.0.1 and a
free port. CONCURRENCY clients (asyncio with httpx2) each take forms from one queue: open the
form (GET), submit it (POST), like a phone. Then it checks, from the database alone, that every
form was counted exactly once (300 ballots, 300 used tokens, each token pointing at its own
ballot), that nothing was lost or refused, and that it all took under a minute; it prints the
p50/p99/max response times of the submissions.

With `--idle N`, N connections from another address (127.0.0.2) are opened first and held
without sending a byte for the whole run, as a misbehaving device would: the phones must still
all be served. A run with `--concurrency 300` is a room of 300 raters pressing submit at once:
none may be refused, p99 under 1 s on the 2-core laptop.

Run: python bench/bench_phones.py [--forms 300] [--concurrency 30] [--idle 0]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewtui.phones import tokens  # noqa: E402
from reviewtui.store import Store, open_session  # noqa: E402
from tests.phones_server_proc import free_port, start  # noqa: E402

UNITS = 20
GRADES = 4


def session_text(forms: int) -> str:
    per = forms // 3
    groups = "".join(
        f'[[groups]]\nname = "类别{g}"\nissued = {per + (1 if g < forms % 3 else 0)}\n\n'
        for g in range(3)
    )
    units = "".join(
        f'[[units]]\nname = "单位{u:02d}"\nreporter = "书记{u:02d}"\nmode = "written"\n\n'
        for u in range(UNITS)
    )
    return f'[meeting]\ntitle = "扫码测评压力测试"\ndate = "2017-02-24"\n\n{groups}{units}'


async def phone(
    client: httpx2.AsyncClient, base: str, queue: asyncio.Queue, latencies: list[float],
    failures: list[str],
) -> None:  # fmt: skip
    while True:
        try:
            one = queue.get_nowait()
        except asyncio.QueueEmpty:
            return
        url = f"{base}/f/{one.token}"
        step = "GET"
        try:
            page = await client.get(url)
            if page.status_code != 200:
                failures.append(f"{one.serial}: GET {page.status_code}")
                continue
            rng = random.Random(one.serial)
            form = {f"c{u}_0": str(rng.randint(1, GRADES)) for u in range(UNITS)}
            form["go"] = "confirm"  # whatever the rules say, as a rater who confirms
            step = "POST"
            began = time.perf_counter()
            reply = await client.post(url, data=form)
            latencies.append(time.perf_counter() - began)
        except httpx2.HTTPError as exc:  # a refusal by connection: counted, not a crash
            failures.append(f"{one.serial}: {step} {type(exc).__name__} {exc}")
            continue
        if reply.status_code != 200 or "Received" not in reply.text:
            failures.append(f"{one.serial}: POST {reply.status_code}")


async def submit_all(base: str, made: list[tokens.Issued], concurrency: int) -> tuple:
    queue: asyncio.Queue = asyncio.Queue()
    for one in made:
        queue.put_nowait(one)
    latencies: list[float] = []
    failures: list[str] = []
    limits = httpx2.Limits(max_connections=concurrency)
    async with httpx2.AsyncClient(timeout=30, limits=limits) as client:
        began = time.perf_counter()
        await asyncio.gather(
            *(phone(client, base, queue, latencies, failures) for _ in range(concurrency))
        )
        took = time.perf_counter() - began
    return latencies, failures, took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=30)
    parser.add_argument("--idle", type=int, default=0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-phones-"))
    path = folder / "bench.toml"
    path.write_text(session_text(args.forms), encoding="utf-8")
    store = open_session(path, write=True)
    try:
        made = tokens.issue(store)
    finally:
        store.close()
    port = free_port()
    proc = start(path, port)
    idle: list[socket.socket] = []
    try:
        for _ in range(args.idle):
            s = socket.socket()
            s.bind(("127.0.0.2", 0))
            s.connect(("127.0.0.1", port))
            idle.append(s)
        latencies, failures, took = asyncio.run(
            submit_all(f"http://127.0.0.1:{port}", made, args.concurrency)
        )
    finally:
        for s in idle:
            s.close()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
    store = Store.open_reader(path.with_suffix(".db"))
    try:
        ballots = store.conn.execute(
            "SELECT count(*), count(DISTINCT code) FROM ballots WHERE source = 'phone'"
        ).fetchone()
        linked = store.conn.execute(
            "SELECT count(*) FROM tokens t JOIN ballots b ON b.id = t.ballot_id "
            "WHERE t.used_at IS NOT NULL AND b.code = t.serial"
        ).fetchone()[0]
        lines = store.conn.execute("SELECT count(*) FROM marks").fetchone()[0]
    finally:
        store.close()
    ms = sorted(x * 1000 for x in latencies)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("nan")
    print(f"forms: {len(made)}   concurrency: {args.concurrency}   idle connections held: "
          f"{args.idle}   took: {took:.2f} s   refused: {len(failures)}")  # fmt: skip
    print(f"ballots saved: {ballots[0]} ({ballots[1]} distinct), tokens linked: {linked}, "
          f"ballot lines: {lines}")  # fmt: skip
    if ms:
        print(f"submit latency ms: p50 {statistics.median(ms):.1f}   p99 {p99:.1f}   "
              f"max {ms[-1]:.1f}")  # fmt: skip
    ok = (
        not failures
        and ballots[0] == ballots[1] == linked == len(made)
        and lines == len(made) * UNITS
        and took < 60
    )
    for failure in failures[:10]:
        print("  failed:", failure)
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
