"""Who serves a meeting's phone forms: `NAME.db.collecting`, locked while a server runs.

`collect` holds the meeting's writer lock only for each commit, so the lock alone cannot tell
`run` (or a second `collect`) that the forms are being served. The server therefore also holds
this side file's lock for as long as it serves, with a line saying who it is (process, host,
address, since). Each side takes its own lock first and then looks at the other's (`collect`:
this one, then the writer lock; `run`: the writer lock, then this one), so of two starting at
once at least one sees the other and refuses, saying what to do. The kernel drops the lock when
the process dies; a file left behind by a killed server is simply unlocked, and means nothing.

The projector reads it too: while the forms are served it shows the forms returned per group.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from reviewtui import clock
from reviewtui.store.lock import WriterLock


@dataclass(frozen=True)
class Server:
    pid: int
    host: str
    url: str
    since: str
    by: str  # "collect" or "run"


def _hostname() -> str:
    import socket  # only when serving: `run` reads this module before its first screen

    return socket.gethostname()


def side_file(db: Path) -> Path:
    return db.with_name(db.name + ".collecting")


def _lock(db: Path) -> WriterLock | None:
    """The side file's lock if free now (taken), else None. Creates the file."""
    path = side_file(db)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)  # the lock is an flock on its own descriptor (store/lock.py)
    lock = WriterLock(path)
    return lock if lock.acquire() else None


def holder(db: Path) -> Server | None:
    """Who serves this meeting's forms now, or None."""
    path = side_file(db)
    if not path.exists():
        return None
    try:
        lock = _lock(db)
    except OSError:
        return None
    if lock is not None:
        lock.release()
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
        return Server(
            int(data["pid"]), str(data["host"]), str(data["url"]), str(data["since"]),
            str(data["by"]),
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return Server(0, "", "", "", "")  # held, its line not written yet


class Serving:
    """This process serves the forms (see the module's docstring)."""

    def __init__(self, db: Path, lock: WriterLock, by: str) -> None:
        self.db = db
        self.lock = lock
        self.by = by

    @classmethod
    def take(cls, db: Path, by: str) -> Serving | None:
        """Hold the side file for this process; None when another serves already."""
        lock = _lock(db)
        return None if lock is None else cls(db, lock, by)

    def announce(self, url: str) -> None:
        """Say who serves, and where (read by `run`, a second `collect`, the projector)."""
        line = {
            "pid": os.getpid(), "host": _hostname(), "url": url,
            "since": clock.iso(clock.now()), "by": self.by,
        }  # fmt: skip
        side_file(self.db).write_text(json.dumps(line, ensure_ascii=False), "utf-8")

    def release(self) -> None:
        with contextlib.suppress(OSError):  # the lock going is what counts
            side_file(self.db).write_text("", "utf-8")
        self.lock.release()


def refusal(server: Server | None, key: str) -> str:
    """The message refusing to start beside `server` (`phones.run_over_collect`, …)."""
    from reviewtui.i18n import t

    server = server or Server(0, "", "", "", "")
    return t(key, by=server.by or "collect", pid=server.pid or "?", url=server.url or "?")
