"""The meeting database: one SQLite file per meeting.

- `schema.sql` is the single source of the schema; `PRAGMA user_version` is its version and
  `MIGRATIONS` lead an older file forward.
- WAL and `synchronous=FULL`: a transaction is on disk when `commit` returns, so whatever the
  screen shows as recorded survives a power cut.
- One writer: the writer holds an advisory `flock` on the database file for its whole life; the
  kernel drops it when the process dies, so a killed writer's lock is taken over safely.
  Readers open the file read-only and never lock.
- Every change goes through `Tx`, which writes the old and new row to the journal.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import socket
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from reviewtui import clock
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan, PlanInvalid, diff, from_json
from reviewtui.plan import load as load_plan

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = 1
APPLICATION_ID = 0x52565449  # "RVTI": marks the file as a reviewtui meeting

# version -> statements that lead a database of (version - 1) to version.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


def schema_sql() -> str:
    """schema.sql from the installed package, or from the source tree beside it."""
    packaged = resources.files("reviewtui").joinpath("schema.sql")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parent.parent / "schema.sql").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# The writer's lock


class LockHolder(NamedTuple):
    pid: str
    host: str
    since: str


class WriterLock:
    """An exclusive `flock` on the database file, held until `release` or the process ends.

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
        fd = parked.pop() if parked else os.open(self.path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            parked.append(fd)
            return False
        self.fd, self._key = fd, key
        return True

    def release(self) -> None:
        if self.fd is not None and self._key is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            self._parked.setdefault(self._key, []).append(self.fd)
            self.fd = None


# ------------------------------------------------------------------------------------------------
# The store


class Store:
    """A connection to one meeting database, as its writer or as a reader."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, lock: WriterLock | None) -> None:
        self.path = path
        self.conn = conn
        self.lock = lock
        self._plan: Plan | None = None
        self._keys: dict[str, list[str]] = {}
        self._cascades: dict[str, list[tuple[str, dict[str, str]]]] = {}
        self._inode: int | None = os.stat(path).st_ino if lock else None
        self.notices: list[str] = []  # things the user must be told (e.g. a restored file)

    @property
    def writable(self) -> bool:
        return self.lock is not None

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, plan: Plan, source: Path | None = None) -> Store:
        """A new database holding `plan`, opened as its writer.

        The file is built under a temporary name and linked into place only when complete, so
        a kill during creation never leaves a half-made database behind.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        building = path.with_name(f".{path.name}.creating-{os.getpid()}")
        for leftover in (building, *_sidecars(building)):
            leftover.unlink(missing_ok=True)
        # Owner-only from the first byte; SQLite gives -wal and -shm the same mode.
        os.close(os.open(building, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600))
        try:
            store = cls(building, _connect(f"file:{_uri(building)}?mode=rw"), lock=None)
            store.lock = WriterLock(building)  # private file: the lock only enables writes
            store.conn.executescript(_wrap(schema_sql()))
            store.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            now = clock.iso(clock.now())
            with store.transaction("create") as tx:
                tx.set_meta("plan", plan.to_json())
                tx.set_meta("source", str(source.resolve()) if source else "")
                tx.set_meta("created_at", now)
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
            store.conn.close()  # checkpoints the WAL into the file
            os.link(building, path)  # fails if another process created it meanwhile
            _fsync_dir(path.parent)
        finally:
            for leftover in (building, *_sidecars(building)):
                leftover.unlink(missing_ok=True)
        return cls.open_writer(path)

    @classmethod
    def open_writer(cls, path: Path) -> Store:
        if not path.exists():
            raise UserError(t("db.missing", db=path))
        lock = WriterLock(path)
        if not lock.acquire():
            holder = cls._holder(path)
            raise UserError(
                t("db.locked", db=path, pid=holder.pid, host=holder.host, since=holder.since)
            )
        try:
            conn = _connect(f"file:{_uri(path)}?mode=rw")
            store = cls(path, conn, lock=lock)
            store._check_version(migrate=True)
            store._write_holder()
            return store
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_reader(cls, path: Path) -> Store:
        if not path.exists():
            raise UserError(t("db.missing", db=path))
        conn = _connect(f"file:{_uri(path)}?mode=ro")
        store = cls(path, conn, lock=None)
        store._check_version(migrate=False)
        return store

    def _write_holder(self) -> None:
        """Who holds the lock, for the message a second writer gets. Not journaled."""
        holder = json.dumps(
            {"pid": str(os.getpid()), "host": socket.gethostname(), "since": clock.iso(clock.now())}
        )
        self.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)", (holder,)
        )

    @staticmethod
    def _holder(path: Path) -> LockHolder:
        try:
            conn = _connect(f"file:{_uri(path)}?mode=ro")
            row = conn.execute("SELECT value FROM meta WHERE key = 'writer'").fetchone()
            conn.close()
            data = json.loads(row[0]) if row else {}
        except (sqlite3.Error, ValueError):
            data = {}
        return LockHolder(data.get("pid", "?"), data.get("host", "?"), data.get("since", "?"))

    def _check_version(self, *, migrate: bool) -> None:
        try:
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            self.close()
            raise UserError(t("db.corrupt", db=self.path, reason=exc)) from None
        if app_id != APPLICATION_ID:
            self.close()
            raise UserError(t("db.not_reviewtui", db=self.path))
        if version > SCHEMA_VERSION:
            self.close()
            raise UserError(t("db.too_new", db=self.path, found=version, supported=SCHEMA_VERSION))
        if version < SCHEMA_VERSION and migrate:
            for target in range(version + 1, SCHEMA_VERSION + 1):
                with self.conn:
                    self.conn.execute("BEGIN IMMEDIATE")
                    MIGRATIONS[target](self.conn)
                    self.conn.execute(f"PRAGMA user_version = {target}")

    def close(self) -> None:
        self.conn.close()
        if self.lock:
            self.lock.release()

    # -- reading -------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = from_json(self.meta("plan") or "{}")
        return self._plan

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for introspection and ad-hoc queries.

        Imported on first use: it costs ~45 ms, too much for the launch of `run`.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def rows(self, sql: str, params: tuple | dict = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def row(self, sql: str, params: tuple | dict = ()) -> dict[str, Any] | None:
        cursor = self.conn.execute(sql, params)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([column[0] for column in cursor.description], row, strict=True))

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way for readers to follow."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def content_sha256(self) -> str:
        """A fingerprint of everything recorded (not of the file's bytes, which WAL moves)."""
        import hashlib

        digest = hashlib.sha256()
        for table in ("meta", "items", "segments", "notes", "ballots", "marks", "journal"):
            keys = ", ".join(self.primary_key(table))
            for row in self.conn.execute(f"SELECT * FROM {table} ORDER BY {keys}"):  # noqa: S608 (names from the schema)
                if table == "meta" and row[0] == "writer":
                    continue
                digest.update(json.dumps(row, ensure_ascii=False, default=str).encode())
        return digest.hexdigest()

    def primary_key(self, table: str) -> list[str]:
        if table not in self._keys:
            info = self.conn.execute(f"PRAGMA table_info({table})").fetchall()
            keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
            self._keys[table] = keys or ["rowid"]
        return self._keys[table]

    def cascades(self, table: str) -> list[tuple[str, dict[str, str]]]:
        """Tables whose rows go when a row of `table` is deleted (ON DELETE CASCADE):
        (child table, {child column: parent column})."""
        if table not in self._cascades:
            found = []
            children = self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            for (child,) in children.fetchall():
                links: dict[int, dict[str, str]] = {}
                # id, seq, table, from, to, on_update, on_delete, match
                for fk in self.conn.execute(f"PRAGMA foreign_key_list({child})").fetchall():
                    if fk[2] == table and fk[6].upper() == "CASCADE":
                        parent = fk[4] or self.primary_key(table)[fk[1]]
                        links.setdefault(fk[0], {})[fk[3]] = parent
                found += [(child, columns) for columns in links.values()]
            self._cascades[table] = found
        return self._cascades[table]

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self, action: str) -> Iterator[Tx]:
        """One command, one transaction: committed (and on disk) when the block ends."""
        if not self.writable:
            raise RuntimeError("read-only store")
        self._guard_file()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            tx = Tx(self, action)
            yield tx
            self.conn.execute("COMMIT")
        except BaseException as exc:
            try:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the write already failed; the rollback's failure adds nothing
            # A constraint or SQL error is a bug in the caller, not a storage problem.
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.IntegrityError | sqlite3.ProgrammingError
            ):
                raise StorageError(t("db.write_failed", reason=exc), _advice(exc)) from exc
            raise
        if any(table == "meta" and key == ["plan"] for table, key in tx.touched):
            self._plan = None

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
        fresh = _connect(f"file:{_uri(target)}?mode=rw")
        self.conn.backup(fresh)
        lock = WriterLock(target)
        lock.acquire()
        self.conn.close()
        if self.lock:
            self.lock.release()
        self.conn, self.lock, self.path = fresh, lock, target
        self.__dict__.pop("db", None)
        self._inode = os.stat(target).st_ino

    def undo(self, target_tx: int) -> int:
        """Revert every change of command `target_tx`; returns the undo's own tx."""
        entries = self.rows(
            "SELECT * FROM journal WHERE tx = ? AND undone_by IS NULL ORDER BY id DESC",
            (target_tx,),
        )
        with self.transaction("undo") as tx:
            for entry in entries:
                key = json.loads(entry["row_key"])
                old = json.loads(entry["old"]) if entry["old"] else None
                new = json.loads(entry["new"]) if entry["new"] else None
                if old is None:
                    tx.delete(entry["tbl"], key)
                elif new is None:
                    tx.insert(entry["tbl"], old)
                else:
                    tx.update(entry["tbl"], key, old)
            self.conn.execute("UPDATE journal SET undone_by = ? WHERE tx = ?", (tx.id, target_tx))
        return tx.id


class Tx:
    """The writes of one command; each changed row is journaled with its old and new value."""

    def __init__(self, store: Store, action: str) -> None:
        self.store = store
        self.conn = store.conn
        self.action = action
        self.at = clock.iso(clock.now())
        row = self.conn.execute("SELECT coalesce(max(tx), 0) + 1 FROM journal").fetchone()
        self.id: int = row[0]
        self.touched: list[tuple[str, list[Any]]] = []

    def _fetch(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        where = " AND ".join(f"{name} = ?" for name in key)
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))  # noqa: S608 (names from the schema)
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def _journal(self, table: str, key: dict[str, Any], old: Any, new: Any) -> None:
        self.conn.execute(
            "INSERT INTO journal (tx, at, action, tbl, row_key, old, new) VALUES (?,?,?,?,?,?,?)",
            (
                self.id,
                self.at,
                self.action,
                table,
                json.dumps(key, ensure_ascii=False),
                None if old is None else json.dumps(old, ensure_ascii=False),
                None if new is None else json.dumps(new, ensure_ascii=False),
            ),
        )
        self.touched.append((table, list(key.values())))

    def _key_of(self, table: str, values: dict[str, Any], rowid: int | None) -> dict[str, Any]:
        names = self.store.primary_key(table)
        if names == ["id"] and "id" not in values:
            return {"id": rowid}
        return {name: values[name] for name in names}

    def insert(self, table: str, values: dict[str, Any]) -> int:
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 (schema names)
            tuple(values.values()),
        )
        key = self._key_of(table, values, cursor.lastrowid)
        self._journal(table, key, None, self._fetch(table, key))
        return cursor.lastrowid or 0

    def update(self, table: str, key: dict[str, Any], values: dict[str, Any]) -> bool:
        old = self._fetch(table, key)
        if old is None:
            return False
        changes = {k: v for k, v in values.items() if old.get(k) != v}
        if not changes:
            return False
        sets = ", ".join(f"{name} = ?" for name in changes)
        where = " AND ".join(f"{name} = ?" for name in key)
        self.conn.execute(
            f"UPDATE {table} SET {sets} WHERE {where}",  # noqa: S608 (names from the schema)
            (*changes.values(), *key.values()),
        )
        self._journal(table, key, old, self._fetch(table, key))
        return True

    def delete(self, table: str, key: dict[str, Any]) -> bool:
        old = self._fetch(table, key)
        if old is None:
            return False
        # Rows that ON DELETE CASCADE would remove silently are deleted (and journaled) first.
        for child, columns in self.store.cascades(table):
            keys = self.store.primary_key(child)
            where = " AND ".join(f"{name} = ?" for name in columns)
            rows = self.conn.execute(
                f"SELECT {', '.join(keys)} FROM {child} WHERE {where}",  # noqa: S608 (names from the schema)
                tuple(old[parent] for parent in columns.values()),
            ).fetchall()
            for row in rows:
                self.delete(child, dict(zip(keys, row, strict=True)))
        where = " AND ".join(f"{name} = ?" for name in key)
        self.conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))  # noqa: S608 (names from the schema)
        self._journal(table, key, old, None)
        return True

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.delete("meta", {"key": key})
        elif self._fetch("meta", {"key": key}) is None:
            self.insert("meta", {"key": key, "value": value})
        else:
            self.update("meta", {"key": key}, {"value": value})


# ------------------------------------------------------------------------------------------------
# Helpers


def _uri(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.resolve()))


def _connect(uri: str) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=True)
        conn.execute("PRAGMA busy_timeout = 5000")
        if "mode=ro" not in uri:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise UserError(t("db.corrupt", db=uri.split("?")[0], reason=exc)) from None
    return conn


class StorageError(UserError):
    """A write failed (disk full, read-only file, I/O error): nothing was recorded by it."""


def _advice(exc: BaseException) -> str:
    text = str(exc).lower()
    if "full" in text:
        return t("db.advice_full")
    if "readonly" in text or "read-only" in text:
        return t("db.advice_readonly")
    return t("db.advice_io")


def _free_name(path: Path, tag: str) -> Path:
    for n in range(1, 1000):
        candidate = path.with_name(f"{path.stem}-{tag}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise StorageError(t("db.write_failed", reason=path))


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _wrap(script: str) -> str:
    return f"BEGIN;\n{script}\nCOMMIT;"


# ------------------------------------------------------------------------------------------------
# From a command-line SESSION argument to a store


class Target(NamedTuple):
    """What a SESSION argument names: the database, and the session file if one was given."""

    db: Path
    toml: Path | None


def resolve(session: str | Path, db: str | Path | None = None) -> Target:
    path = Path(session)
    if path.suffix.lower() == ".toml":
        return Target(Path(db) if db else path.with_suffix(".db"), path)
    if path.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        return Target(path, None)
    raise UserError(t("file.bad_suffix", path=path))


def open_session(
    session: str | Path, db: str | Path | None = None, *, write: bool, create: bool = True
) -> Store:
    """Open the meeting named by SESSION, creating its database from the session file if needed.

    A session file that changed since its database was made is refused, with the differences
    and what to do (nothing recorded is ever touched).
    """
    target = resolve(session, db)
    if target.toml is None:
        return Store.open_writer(target.db) if write else Store.open_reader(target.db)
    try:
        plan = load_plan(target.toml)
    except PlanInvalid as exc:
        raise UserError(
            *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
        ) from None
    if not target.db.exists():
        if not create:
            raise UserError(t("db.missing", db=target.db))
        store = Store.create(target.db, plan, target.toml)
        if not write:
            store.close()
            return Store.open_reader(target.db)
        return store
    store = Store.open_writer(target.db) if write else Store.open_reader(target.db)
    differences = diff(store.plan.data, plan.data)
    if differences:
        store.close()
        raise UserError(*plan_changed_message(target, differences))
    return store


def plan_changed_message(target: Target, differences: list[tuple[str, Any, Any]]) -> list[str]:
    def show(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value

    lines = [t("db.plan_changed", toml=target.toml, db=target.db)]
    for key, old, new in differences[:12]:
        if old is None:
            lines.append(t("db.diff_added", key=key, new=show(new)))
        elif new is None:
            lines.append(t("db.diff_removed", key=key, old=show(old)))
        else:
            lines.append(t("db.diff_changed", key=key, old=show(old), new=show(new)))
    if len(differences) > 12:
        lines.append(t("db.diff_more", count=len(differences) - 12))
    lines.append(t("db.plan_changed_how", db=target.db))
    return lines
