"""The writer's lock: one recorder per meeting, dropped by the kernel when its process dies.

POSIX: an exclusive `flock` on the database file (independent of SQLite's own `fcntl` locks).
Windows: `msvcrt.locking` on one byte far beyond SQLite's lock bytes (which start at 1 GiB), so
the lock never blocks SQLite's own reads and writes of the file. The module is chosen when the
lock is first taken, so the core imports on a system that has neither.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import ClassVar, NamedTuple

# Windows locks are mandatory: lock a byte SQLite never reads (its lock bytes are at 1 GiB).
_WINDOWS_LOCK_OFFSET = 0x7FFF_FFF0


class LockHolder(NamedTuple):
    pid: str
    host: str
    since: str


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock on `fd` without waiting; False if another holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


class WriterLock:
    """An exclusive lock on the database file, held until `release` or the process ends.

    Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
    own included. So a descriptor opened here is never closed: an unused one is parked and
    reused by the next attempt on the same file.
    """

    _parked: ClassVar[dict[tuple[int, int], list[int]]] = {}

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None
        self._key: tuple[int, int] | None = None

    def acquire(self) -> bool:
        info = os.stat(self.path)
        key = (info.st_dev, info.st_ino)
        parked = self._parked.setdefault(key, [])
        fd = parked.pop() if parked else os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        if not _try_lock(fd):
            parked.append(fd)
            return False
        self.fd, self._key = fd, key
        return True

    def release(self) -> None:
        if self.fd is not None and self._key is not None:
            _unlock(self.fd)
            self._parked.setdefault(self._key, []).append(self.fd)
            self.fd = None
