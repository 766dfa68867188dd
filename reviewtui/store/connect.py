"""Opening the file: what it is, the connection and its pragmas.

The journal is a rollback journal (`journal_mode = TRUNCATE`) with `synchronous = FULL`: when
`COMMIT` returns, the change is in the `.db` file itself, so a copy of the `.db` alone (taken
during a meeting or after a crash) holds every acknowledged record. Nothing lives in a `-wal`
beside it, and a `-wal` found beside such a file is foreign (another copy's, another meeting's):
SQLite would replay it into this database, so it is set aside (writer) or refused (reader).
Readers beside the writer may meet SQLITE_BUSY while a commit is written: `busy_timeout` waits.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store.errors import damaged

JOURNAL_MODE = "TRUNCATE"
BUSY_TIMEOUT_MS = 5000
_MAGIC = b"SQLite format 3\x00"


def uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def inspect(path: Path) -> bytes:
    """Refuse what is not an SQLite file before SQLite opens it (a FIFO would hang the open);
    returns the file's 100-byte header."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UserError(t("db.missing", db=path)) from None
    except OSError as exc:
        raise UserError(t("db.unreadable", db=path, reason=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(t("db.is_folder", db=path))
    if not stat.S_ISREG(info.st_mode):
        raise UserError(t("db.not_regular", db=path))
    if info.st_size == 0:
        raise UserError(t("db.empty", db=path))
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError as exc:
        raise UserError(t("db.unreadable", db=path, reason=exc.strerror or exc)) from None
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise UserError(t("db.not_sqlite", db=path))
    return header


def in_wal_mode(header: bytes) -> bool:
    """The file's own journal mode (header bytes 18 and 19 are 2 for WAL, 1 for rollback)."""
    return header[18] == 2 or header[19] == 2


def sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def foreign_wal(path: Path, header: bytes) -> Path | None:
    """A `-wal` beside a rollback-journal database: never ours, and SQLite would replay it."""
    wal = sidecars(path)[0]
    if not in_wal_mode(header) and wal.exists():
        return wal
    return None


def set_aside(path: Path) -> Path:
    """Rename a foreign `-wal` (and its `-shm`) out of SQLite's way; nothing is deleted."""
    wal, shm = sidecars(path)
    for n in range(1, 1000):
        target = wal.with_name(f"{wal.name}.foreign-{n}")
        if not target.exists():
            os.replace(wal, target)
            if shm.exists():
                os.replace(shm, shm.with_name(f"{shm.name}.foreign-{n}"))
            return target
    raise UserError(t("db.foreign_wal", db=path, wal=wal))


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection with the pragmas every use shares. The journal mode is the writer's to
    set (an older file is backed up before anything changes it)."""
    try:
        conn = sqlite3.connect(
            uri(path, "ro" if readonly else "rw"),
            uri=True,
            isolation_level=None,
            check_same_thread=True,
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            # Dirty pages stay in memory until COMMIT (never spilled into the file mid-way): a
            # copy of the `.db` alone, taken while a long command (an import) runs or after it
            # was killed, is the file as the last commit left it.
            conn.execute("PRAGMA cache_spill = OFF")
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from None
    return conn


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder as a file; NTFS journals its metadata
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
