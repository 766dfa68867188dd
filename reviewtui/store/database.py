"""The store: a connection to one meeting database, as its one writer or as a reader.

- One writer holds `WriterLock` for its whole life; readers open the file read-only, never lock,
  never write (an older file is read as it is: no upgrade, no backup).
- The writer upgrades an older file (`migrations`), then uses a rollback journal with
  `synchronous=FULL` (`connect`): a change is in the `.db` file when `commit` returns.
- Every change goes through `Tx` (`journal`); the only other write is the lock-holder note.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from reviewtui import clock, segment_kinds
from reviewtui.errors import UserError
from reviewtui.i18n import Said, t
from reviewtui.plan import Plan, from_json
from reviewtui.store import connect as files
from reviewtui.store import hot_journal, release
from reviewtui.store.errors import damaged
from reviewtui.store.language import record as record_language
from reviewtui.store.lock import LockHolder, WriterLock
from reviewtui.store.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    backup_path,
    schema_sql,
    upgrade,
)
from reviewtui.store.reads import RECORD_TABLES, Reads
from reviewtui.store.writes import Writes


class DatabaseExists(FileExistsError):
    """`Store.create` found the database already there (made by another process meanwhile)."""


class Store(Writes, Reads):
    """A connection to one meeting database, as its writer or as a reader (its reads in
    `store/reads.py`, its writes in `store/writes.py`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, lock: WriterLock | None) -> None:
        self.path = path
        self.conn = conn
        self.lock = lock
        self.version = SCHEMA_VERSION
        self.backup: Path | None = None  # the copy made before this open upgraded the file
        self._wal = False  # still in WAL (a reader held an old file): checkpoint every command
        self._batching = False  # inside `batch`: each command is a savepoint of one commit
        self._plan: Plan | None = None
        self._plan_text = ""  # the meta row `_plan` was read from
        self._plan_seen = -1  # `data_version` when the plan was last compared with the file
        self._keys: dict[str, list[str]] = {}
        self._cascades: dict[str, list[tuple[str, dict[str, str]]]] = {}
        self._inode: int | None = os.stat(path).st_ino if lock else None
        self.notices: list[str] = []  # things the user must be told (e.g. a restored file)

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, plan: Plan, source: Path | None = None) -> Store:
        """A new database holding `plan`, opened as its writer.

        The file is built under a temporary name and linked into place only when complete, so
        a kill during creation never leaves a half-made database behind. If another process
        made it meanwhile, `DatabaseExists` (a FileExistsError) says so: open that one.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        import secrets  # here: only a new database needs it (every command's start pays imports)

        # A short name (the folder takes the database's own name, up to its limit, but no more).
        stem = path.name[:24]
        building = path.with_name(f".{stem}.creating-{os.getpid()}-{secrets.token_hex(4)}")
        leftovers = (building, *_journals(building))
        # Owner-only from the first byte; SQLite gives its journal the same mode.
        os.close(os.open(building, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))
        try:
            store = cls(building, files.connect(building, readonly=False), lock=None)
            store.lock = WriterLock(building)  # private file: the lock only enables writes
            store._use_rollback_journal()
            store.conn.executescript(f"BEGIN;\n{schema_sql()}\nCOMMIT;")
            _declare_segment_kinds(store.conn)
            store.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            now = clock.iso(clock.now())
            with store.transaction("create") as tx:
                tx.set_meta("plan", plan.to_json())
                tx.set_meta("source", str(source.resolve()) if source else "")
                tx.set_meta("created_at", now)
                release.stamp(tx, created=True)
                record_language(tx, plan)
                for pos, item in enumerate(plan.expanded_agenda(), start=1):
                    tx.insert(
                        "items",
                        {
                            "pos": pos,
                            "kind": item.kind,
                            "title": item.title,
                            "unit": item.unit,
                            "mode": item.mode,
                            "speaker": item.speaker,
                            "planned": item.planned,
                        },
                    )
            store.conn.close()
            hot_journal.random_change_counter(building)  # this file's own: see hot_journal
            try:
                os.link(building, path)  # fails if another process created it meanwhile
            except FileExistsError:
                raise DatabaseExists(path) from None
            files.fsync_dir(path.parent)
        finally:
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
        return cls.open_writer(path)

    @classmethod
    def open_writer(cls, path: Path) -> Store:
        header = files.inspect(path)
        foreign = files.foreign_wal(path, header)
        lock = WriterLock(path)
        try:
            acquired = lock.acquire()
        except OSError as exc:  # a read-only disk or folder, a file this user may not write
            raise UserError(t("db.cannot_write", db=path, reason=exc.strerror or exc)) from None
        if not acquired:
            holder = cls._holder(path)
            raise UserError(
                t("db.locked", db=path, pid=holder.pid, host=holder.host, since=holder.since)
            )
        try:
            moved = files.set_aside(path) if foreign else None
            journal = hot_journal.settle(path)  # before SQLite could play a stranger's back
            store = cls(path, files.connect(path, readonly=False), lock=lock)
            if moved:
                store.notices.append(Said("db.foreign_wal_moved", db=path, wal=moved))
            if journal:
                store.notices.append(Said("db.foreign_journal_moved", db=path, journal=journal))
            try:
                store._check_version(migrate=True)
                store._use_rollback_journal()
                _declare_segment_kinds(store.conn)
                store._write_holder()
            except sqlite3.DatabaseError as exc:
                store.close()
                raise damaged(path, exc) from None
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_reader(cls, path: Path) -> Store:
        header = files.inspect(path)
        if files.foreign_wal(path, header):
            raise UserError(t("db.foreign_wal", db=path, wal=files.sidecars(path)[0]))
        journal = cls._settle_for_reader(path)
        store = cls(path, files.connect(path, readonly=True), lock=None)
        if journal:
            store.notices.append(Said("db.foreign_journal_moved", db=path, journal=journal))
        try:
            store._check_version(migrate=False)
        except sqlite3.DatabaseError as exc:
            store.close()
            raise damaged(path, exc) from None
        return store

    @staticmethod
    def _settle_for_reader(path: Path) -> Path | None:
        """A hot journal beside a file no writer holds: a stranger's is set aside (returned), the
        file's own played back, so a reader reads the last commit, as the next writer would.
        With a writer at work its journal is live, not hot, and left alone."""
        if not hot_journal.is_hot(path):
            return None
        lock = WriterLock(path)
        try:
            if not lock.acquire():
                return None
        except OSError:
            return None  # a file this user may not write: read it as it is
        try:
            moved = hot_journal.settle(path)
            if moved is None:
                hot_journal.recover(path)
            return moved
        except OSError as exc:
            raise UserError(
                t("db.foreign_journal", db=path, journal=hot_journal.journal_of(path),
                  reason=exc.strerror or exc)
            ) from None  # fmt: skip
        finally:
            lock.release()

    def _write_holder(self) -> None:
        """Who holds the lock, for the message a second writer gets: a note, not a record."""
        self.conn.execute(
            "INSERT OR REPLACE INTO writer (id, pid, host, since) VALUES (1, ?, ?, ?)",
            (str(os.getpid()), _hostname(), clock.iso(clock.now())),
        )

    @staticmethod
    def _holder(path: Path) -> LockHolder:
        data: dict[str, str] = {}
        try:
            conn = files.connect(path, readonly=True)
            try:
                row = conn.execute("SELECT pid, host, since FROM writer").fetchone()
                if row:
                    data = dict(zip(("pid", "host", "since"), row, strict=True))
            except sqlite3.OperationalError:  # version 1 kept the note in meta
                row = conn.execute("SELECT value FROM meta WHERE key = 'writer'").fetchone()
                data = json.loads(row[0]) if row else {}
            conn.close()
        except (sqlite3.Error, ValueError, UserError):
            pass
        return LockHolder(data.get("pid", "?"), data.get("host", "?"), data.get("since", "?"))

    def _check_version(self, *, migrate: bool) -> None:
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            self.close()
            raise UserError(t("db.not_reviewtui", db=self.path))
        if version < 1:
            self.close()
            raise UserError(t("db.no_version", db=self.path, found=version))
        if version > SCHEMA_VERSION:
            self.close()
            raise UserError(t("db.too_new", db=self.path, found=version, supported=SCHEMA_VERSION))
        # A damaged page anywhere shows here, at open, rather than half-way through a command.
        problem = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if problem != "ok":
            self.close()
            raise UserError(t("db.corrupt", db=self.path, reason=problem), t("db.advice_corrupt"))
        missing = _missing_tables(self.conn, version)
        if missing:  # a file that claims the format but lacks its tables (a fragment, a forgery)
            self.close()
            raise UserError(
                t("db.incomplete", db=self.path, tables=", ".join(missing)), t("db.advice_corrupt")
            )
        self.version = version
        if version < SCHEMA_VERSION and migrate:
            try:
                self.backup = upgrade(self.conn, self.path, version)
            except OSError as exc:  # the copy kept before the upgrade: a full or read-only disk
                self.close()
                raise UserError(
                    t("db.backup_failed", db=self.path, backup=backup_path(self.path, version),
                      reason=exc.strerror or exc)
                ) from None  # fmt: skip
            self.version = SCHEMA_VERSION
            self.notices.append(Said("db.upgraded", db=self.path, backup=self.backup))

    def close(self) -> None:
        self.conn.close()
        if self.lock:
            # TRUNCATE leaves an empty -journal: nothing in it (not hot), so the .db is left
            # alone in its folder, as it is the whole meeting.
            journal = self.path.with_name(self.path.name + "-journal")
            try:
                if journal.stat().st_size == 0:
                    journal.unlink()
            except OSError:
                pass  # not there, or not ours to remove: an empty journal does no harm
            self.lock.release()

    # -- reading -------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan_text = self.meta("plan") or "{}"
            self._plan = from_json(self._plan_text)
        return self._plan

    def current_plan(self) -> Plan:
        """The plan as committed now: another connection (`amend`, the live screen beside the
        phone server) may have amended it since `plan` was read. Cheap when nothing changed:
        `data_version` moves only when another connection commits."""
        version = self.data_version()
        if version != self._plan_seen:
            self._plan_seen = version
            if self._plan is not None and (self.meta("plan") or "{}") != self._plan_text:
                self._plan = None
        return self.plan

    def holds_plan(self, plan: Plan) -> bool:
        """Whether `plan` is still the committed one (read inside a transaction, it stays so
        until the commit)."""
        return plan is self._plan and (self.meta("plan") or "{}") == self._plan_text

    def plan_fingerprint(self) -> str:
        """A short name of the plan as it is now (the phone form carries it)."""
        import hashlib

        self.current_plan()
        return hashlib.sha256(self._plan_text.encode()).hexdigest()[:16]


def _missing_tables(conn: sqlite3.Connection, version: int) -> list[str]:
    """The record tables (and, from version 2, the lock note's) this database lacks: every
    release's database holds them (tables a version adds later are the upgrade's to add)."""
    needed = [
        *RECORD_TABLES,
        *(["writer"] if version >= 2 else []),
        *(["segment_kinds"] if version >= 6 else []),
    ]
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [name for name in needed if name not in found]


def _declare_segment_kinds(conn: sqlite3.Connection) -> None:
    """Write the registry's segment kinds a writable file lacks into `segment_kinds` (which
    `segments.kind` references): nothing to write, and no write, once a release has opened it.
    So are the kinds its segments have (a row another program wrote with foreign keys off, a
    table emptied by hand): else undoing the deletion of such a segment could not put it back."""
    known = {row[0] for row in conn.execute("SELECT name FROM segment_kinds")}
    stored = [row[0] for row in conn.execute("SELECT DISTINCT kind FROM segments")]
    wanted = dict.fromkeys([*segment_kinds.names(), *stored])
    missing = [(name,) for name in wanted if name not in known]
    if missing:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT INTO segment_kinds (name) VALUES (?)", missing)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _journals(path: Path) -> tuple[Path, ...]:
    return (*files.sidecars(path), path.with_name(path.name + "-journal"))


def _hostname() -> str:
    """This machine's name, for the lock holder's note (without importing `socket`, ~6 ms of
    every start, where the OS tells it directly)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # Windows

    return socket.gethostname()
