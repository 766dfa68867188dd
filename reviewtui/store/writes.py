"""How a store writes: one command, one transaction (`transaction`), several commands in one
commit (`batch`), undo, and the guard against a database file removed or replaced under the
writer. Mixed into `Store` (store/database.py), which opens the connection and holds the lock.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

from reviewtui.i18n import t
from reviewtui.store import connect as files
from reviewtui.store import release
from reviewtui.store.errors import StorageError, is_storage_failure, write_failed
from reviewtui.store.journal import Tx
from reviewtui.store.journal import undo as undo_tx
from reviewtui.store.lock import WriterLock

if TYPE_CHECKING:
    from reviewtui.plan import Plan
    from reviewtui.store.database import Store


class Writes:
    """Mixed into `Store` (store/database.py), which sets these attributes in `__init__`."""

    path: Path
    conn: sqlite3.Connection
    lock: WriterLock | None
    notices: list[str]
    _wal: bool
    _batching: bool
    _plan: Plan | None
    _inode: int | None

    @property
    def writable(self) -> bool:
        return self.lock is not None

    def _use_rollback_journal(self) -> None:
        """Leave WAL for the rollback journal; a reader of an old WAL file may hold it back
        (SQLITE_BUSY): then stay in WAL and checkpoint after every command instead."""
        try:
            mode = self.conn.execute(f"PRAGMA journal_mode = {files.JOURNAL_MODE}").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if not is_storage_failure(exc):
                raise
            mode = "wal"
        self._wal = str(mode).lower() == "wal"

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self, action: str) -> Iterator[Tx]:
        """One command, one transaction: committed (and in the .db file) when the block ends.

        A storage failure (disk full, read-only, I/O, busy) becomes a StorageError with advice;
        any other error (bad SQL, a broken constraint) is a bug and goes through unchanged.
        """
        if not self.writable:
            raise RuntimeError("read-only store")
        if self._batching:
            with self._savepoint(action) as tx:
                yield tx
            return
        self._guard_file()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            tx = Tx(cast("Store", self), action)
            yield tx
            release.stamp(tx)  # this release as the last writer, when it is not already
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the write already failed; the rollback's failure adds nothing
            if is_storage_failure(exc):
                raise write_failed(exc) from exc
            raise
        if self._wal:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        if any(table == "meta" and key == ["plan"] for table, key in tx.touched):
            self._plan = None

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several commands in one commit, one set of syncs (a room's phones submitting at
        once). Each command is still its own journaled command (its own `tx`, undone alone),
        in a savepoint: one that fails rolls back alone, the others commit. A storage failure
        rolls back the whole batch and is raised (StorageError), as for one command."""
        if not self.writable:
            raise RuntimeError("read-only store")
        self._guard_file()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self._batching = True
            try:
                yield
            finally:
                self._batching = False
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if is_storage_failure(exc):
                raise write_failed(exc) from exc
            raise
        if self._wal:
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        self._plan = None  # a command of the batch may have amended it

    @contextmanager
    def _savepoint(self, action: str) -> Iterator[Tx]:
        self.conn.execute("SAVEPOINT command")
        try:
            tx = Tx(cast("Store", self), action)
            yield tx
        except BaseException:
            try:
                self.conn.execute("ROLLBACK TO command")
                self.conn.execute("RELEASE command")
            except sqlite3.Error:
                pass  # the transaction itself failed: `batch` rolls it all back
            raise
        self.conn.execute("RELEASE command")

    def _guard_file(self) -> None:
        """Refuse to write into a database file that was removed or replaced under us.

        SQLite would go on writing into the unlinked file and everything would vanish at exit.
        A removed file is written back at once from the open connection (nothing is lost); a
        replaced one is left alone and the meeting is saved beside it.
        """
        try:
            inode = os.stat(self.path).st_ino
        except FileNotFoundError:
            inode = None
        if self._inode is None or inode == self._inode:
            return
        target = self.path if inode is None else _free_name(self.path, "recovered")
        self._rebind(target)
        self.notices.append(t("db.restored", db=target))

    def _rebind(self, target: Path) -> None:
        """Copy the open database into `target` and carry on there as its writer."""
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))
        fresh = files.connect(target, readonly=False)
        self.conn.backup(fresh)
        lock = WriterLock(target)
        lock.acquire()
        self.conn.close()
        if self.lock:
            self.lock.release()
        self.conn, self.lock, self.path = fresh, lock, target
        self.__dict__.pop("db", None)
        self._inode = os.stat(target).st_ino
        self._use_rollback_journal()

    def undo(self, target_tx: int) -> int:
        """Revert the columns and rows command `target_tx` changed; returns the undo's own tx.

        Raises `UndoRefused` (a UserError; nothing is written) when a later command changed
        any of them: see `reviewtui.store.journal`.
        """
        return undo_tx(cast("Store", self), target_tx)


def _free_name(path: Path, tag: str) -> Path:
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.stem}-{tag}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise StorageError(t("db.write_failed", reason=path))
