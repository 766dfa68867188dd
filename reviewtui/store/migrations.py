"""The schema's versions and the way an older database is led forward without losing a row.

`schema.sql` is the current schema (`SCHEMA_VERSION`, kept in `PRAGMA user_version`);
`MIGRATIONS[n]` leads a database of version n - 1 to n. Before the first step the old file is
copied beside itself (`NAME.db.vN.bak`, complete: taken after a checkpoint). The steps run the
SQLite way for table rebuilds: foreign keys off outside the transaction (so dropping a parent
table cascades nothing), `BEGIN IMMEDIATE`, each step and its `PRAGMA foreign_key_check`, the
new `user_version`, `COMMIT`; foreign keys back on. A failed step leaves the file as it was.
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from glob import escape as glob_escape
from pathlib import Path

from reviewtui.store.connect import fsync_dir

SCHEMA_VERSION = 6
APPLICATION_ID = 0x52565449  # "RVTI": marks the file as a reviewtui meeting

Migration = Callable[[sqlite3.Connection], None]


class MigrationFailed(RuntimeError):
    """A step would leave rows that break a foreign key: it was rolled back (a bug)."""


def schema_sql() -> str:
    """schema.sql from the installed package, or from the source tree beside it."""
    from importlib import resources  # here: only creating or upgrading a database reads it

    packaged = resources.files("reviewtui").joinpath("schema.sql")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    return (Path(__file__).resolve().parents[2] / "schema.sql").read_text(encoding="utf-8")


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}.bak")


def rebuild(
    conn: sqlite3.Connection,
    table: str,
    definition: str,
    columns: Sequence[str],
    select: Sequence[str] | None = None,
) -> None:
    """Give `table` a new definition ("(col ..., ...)" and options), keeping its rows.

    The twelve steps of https://sqlite.org/lang_altertable.html#otheralter: call inside a
    migration step (foreign keys are off there). `select` are the expressions over the old
    table that fill `columns` (default: the same names). Views and triggers are dropped and
    made again from their own text; the table's indexes are made again too.
    """
    dependent = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('view', 'trigger') "
        "AND sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    indexes = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    for kind, name, _ in dependent:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    fresh = f"_rebuild_{table}"
    conn.execute(f'CREATE TABLE "{fresh}" {definition}')
    names = ", ".join(columns)
    conn.execute(
        f'INSERT INTO "{fresh}" ({names}) SELECT {", ".join(select or columns)} FROM "{table}"'
    )
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{fresh}" RENAME TO "{table}"')
    for (sql,) in indexes:
        conn.execute(sql)
    for _, _, sql in dependent:
        conn.execute(sql)


def _v2(conn: sqlite3.Connection) -> None:
    """Version 2: the journal says what each entry is (`op`) and records updates by column;
    the lock holder moves out of `meta` into `writer`, so every row of `meta` is a record
    written through the journal."""
    rebuild(
        conn,
        "journal",
        """(
    id        INTEGER PRIMARY KEY,
    tx        INTEGER NOT NULL,
    at        TEXT NOT NULL,
    action    TEXT NOT NULL,
    tbl       TEXT NOT NULL,
    row_key   TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    old       TEXT,
    new       TEXT,
    undone_by INTEGER
)""",
        ["id", "tx", "at", "action", "tbl", "row_key", "op", "old", "new", "undone_by"],
        [
            "id",
            "tx",
            "at",
            "action",
            "tbl",
            "row_key",
            "CASE WHEN old IS NULL THEN 'insert' WHEN new IS NULL THEN 'delete' ELSE 'update' END",
            "old",
            "new",
            "undone_by",
        ],
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS writer (id INTEGER PRIMARY KEY CHECK (id = 1), "
        "pid TEXT NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL)"
    )
    conn.execute("DELETE FROM meta WHERE key = 'writer'")  # the lock note, never a record


# The statements of version 3, as written then (schema.sql may change them later; these stay).
_V3_TABLES = (
    """CREATE TABLE IF NOT EXISTS opinions (
    ballot_id INTEGER NOT NULL REFERENCES ballots (id) ON DELETE CASCADE,
    unit      TEXT NOT NULL,
    text      TEXT NOT NULL CHECK (text <> ''),
    PRIMARY KEY (ballot_id, unit)
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS problems (
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    pos         INTEGER NOT NULL,            -- order within the unit
    source      TEXT NOT NULL CHECK (source IN ('question', 'comment', 'secretary')),
    segment_id  INTEGER REFERENCES segments (id) ON DELETE CASCADE,
    problem     TEXT,                        -- NULL: the text of its question or comment
    measure     TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    deadline    TEXT,                        -- ISO date, or NULL
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    merged_into INTEGER REFERENCES problems (id) ON DELETE CASCADE,
    CHECK (problem IS NOT NULL OR segment_id IS NOT NULL)
)""",
    "CREATE INDEX IF NOT EXISTS problems_unit ON problems (unit, pos)",
    """CREATE TABLE IF NOT EXISTS reveals (
    id         INTEGER PRIMARY KEY,
    shown_at   TEXT NOT NULL,
    hidden_at  TEXT,
    scope      TEXT NOT NULL CHECK (scope IN ('all', 'top', 'level')),
    top        INTEGER,                      -- for scope 'top': how many
    level      TEXT,                         -- for scope 'level': which
    counter    TEXT NOT NULL,
    supervisor TEXT NOT NULL,
    results    TEXT NOT NULL CHECK (json_valid(results))
)""",
    """CREATE TABLE IF NOT EXISTS tokens (
    hash      TEXT PRIMARY KEY,             -- SHA-256 (hex) of the token; the token is never stored
    serial    TEXT NOT NULL,                -- the printed form's serial (A017)
    grp       TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    voided_at TEXT,                         -- set when a reprint replaced it
    used_at   TEXT,                         -- set when its form was submitted
    ballot_id INTEGER REFERENCES ballots (id)
)""",
    "CREATE INDEX IF NOT EXISTS tokens_serial ON tokens (serial)",
)


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3: opinions written on the forms, the rectification list, the results
    revealed on the projector, and the phone forms' tokens.
    New tables only: no existing row changes."""
    for statement in _V3_TABLES:
        conn.execute(statement)


# The statements of version 4, as written then.
_V4_TABLES = (
    """CREATE TABLE IF NOT EXISTS printed_forms (
    id         INTEGER PRIMARY KEY,
    grp        TEXT NOT NULL,
    prefix     TEXT NOT NULL,
    first      INTEGER NOT NULL CHECK (first >= 1),
    last       INTEGER NOT NULL,
    printed_at TEXT NOT NULL,
    CHECK (last >= first)
)""",
    "CREATE INDEX IF NOT EXISTS printed_forms_prefix ON printed_forms (prefix)",
    """CREATE TABLE IF NOT EXISTS scan_pages (
    id        INTEGER PRIMARY KEY,
    file      TEXT NOT NULL,
    page      INTEGER NOT NULL,             -- 1-based page of the file
    sha256    TEXT NOT NULL,
    read_at   TEXT NOT NULL,
    serial    TEXT,                         -- NULL: no form of this meeting was found on it
    entry     INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    outcome   TEXT NOT NULL
              CHECK (outcome IN ('saved', 'held', 'duplicate', 'conflict', 'foreign', 'dropped')),
    ballot_id INTEGER REFERENCES ballots (id) ON DELETE SET NULL
)""",
    "CREATE INDEX IF NOT EXISTS scan_pages_sha ON scan_pages (sha256)",
    """CREATE TABLE IF NOT EXISTS scan_reviews (
    id         INTEGER PRIMARY KEY,
    page_id    INTEGER NOT NULL REFERENCES scan_pages (id) ON DELETE CASCADE,
    serial     TEXT NOT NULL,
    grp        TEXT NOT NULL,
    entry      INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    cells      TEXT NOT NULL CHECK (json_valid(cells)),     -- {unit: {item: value}} read clearly
    doubtful   TEXT NOT NULL CHECK (json_valid(doubtful)),  -- [{unit, item, why, confidence}]
    picture    BLOB,                                        -- PNG of the doubtful rows
    created_at TEXT NOT NULL
)""",
)


def _v4(conn: sqlite3.Connection) -> None:
    """Version 4: the serials `print forms` printed (checked only against these), and the pages
    read by `ballots scan` with the forms held for review. New tables only."""
    for statement in _V4_TABLES:
        conn.execute(statement)


def _v5(conn: sqlite3.Connection) -> None:
    """Version 5: a reveal may show one category's ranking (分类排名); NULL in every older row
    (every category), so no existing row changes meaning."""
    conn.execute("ALTER TABLE reveals ADD COLUMN category TEXT")


# The segment kinds as schema 5 listed them in its CHECK: every row of an older file has one.
_V5_SEGMENT_KINDS = ("report", "question", "answer", "comment", "speech")


def _v6(conn: sqlite3.Connection) -> None:
    """Version 6: a segment's kind references the `segment_kinds` table instead of a CHECK that
    listed the five kinds, and a rectification line's source is checked against its segment
    instead of a list of two kinds, so a release can add a kind (the store writes the registry's
    names into the table) without rebuilding these tables again. The rows stay as they were."""
    conn.execute("CREATE TABLE IF NOT EXISTS segment_kinds (name TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.executemany(
        "INSERT OR IGNORE INTO segment_kinds (name) VALUES (?)",
        [(name,) for name in _V5_SEGMENT_KINDS],
    )
    columns = [
        "id", "item_id", "kind", "speaker", "text", "question_id", "planned", "started_at",
        "ended_at", "paused_at", "paused_seconds",
    ]  # fmt: skip
    rebuild(
        conn,
        "segments",
        """(
    id             INTEGER PRIMARY KEY,
    item_id        INTEGER NOT NULL REFERENCES items (id),
    kind           TEXT NOT NULL REFERENCES segment_kinds (name),
    speaker        TEXT NOT NULL DEFAULT '',
    text           TEXT NOT NULL DEFAULT '',
    question_id    INTEGER REFERENCES segments (id),
    planned        REAL,
    started_at     TEXT NOT NULL,
    ended_at       TEXT,
    paused_at      TEXT,
    paused_seconds REAL NOT NULL DEFAULT 0
)""",
        columns,
    )
    # A rectification line names its record's kind, checked there (any kind that makes lines),
    # instead of a list of two kinds.
    rebuild(
        conn,
        "problems",
        """(
    id          INTEGER PRIMARY KEY,
    unit        TEXT NOT NULL,
    pos         INTEGER NOT NULL,
    source      TEXT NOT NULL CHECK ((source = 'secretary') = (segment_id IS NULL)),
    segment_id  INTEGER REFERENCES segments (id) ON DELETE CASCADE,
    problem     TEXT,
    measure     TEXT NOT NULL DEFAULT '',
    owner       TEXT NOT NULL DEFAULT '',
    deadline    TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    merged_into INTEGER REFERENCES problems (id) ON DELETE CASCADE,
    CHECK (problem IS NOT NULL OR segment_id IS NOT NULL)
)""",
        [
            "id", "unit", "pos", "source", "segment_id", "problem", "measure", "owner",
            "deadline", "status", "merged_into",
        ],
    )  # fmt: skip


MIGRATIONS: dict[int, Migration] = {2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6}


def back_up(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the file as it is before its first upgrade; an existing copy is kept.

    A checkpoint first folds a WAL file's committed pages into the database, so the copy of the
    file alone is complete. Written under a temporary name and renamed: never half a copy.
    """
    target = backup_path(path, version)
    if target.exists():
        return target
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() == "wal":
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise sqlite3.OperationalError("database is locked")
    # A copy a killed writer left half made (under the writer lock only this process copies).
    for stale in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    building = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        import shutil

        shutil.copyfile(path, building)
        shutil.copymode(path, building)  # a meeting made owner-only keeps its copy owner-only
        with open(building, "rb+") as file:
            os.fsync(file.fileno())
        os.replace(building, target)
    finally:
        building.unlink(missing_ok=True)
    fsync_dir(target.parent)
    return target


def run_steps(conn: sqlite3.Connection, steps: Sequence[tuple[int, Migration]]) -> None:
    """The migrations from one version to the last, the SQLite way (see the module's docstring),
    in one transaction: a file killed or failing half-way is left at its own version, which its
    copy (`NAME.db.vN.bak`) holds, never at one between (whose copy the next open would take)."""
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction: so, before it
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # A reference already dangling (a row deleted with the sqlite3 shell, whose foreign
            # keys are off) is the file's, not the step's: kept as it was, as every other row.
            found = _dangling(conn)
            for version, step in steps:
                step(conn)
                broken = sorted((_dangling(conn) - found).elements(), key=repr)
                if broken:
                    raise MigrationFailed(f"version {version}: foreign keys broken: {broken[:5]}")
            conn.execute(f"PRAGMA user_version = {steps[-1][0]}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _dangling(conn: sqlite3.Connection) -> Counter[tuple[str, int | None, str]]:
    """The rows whose foreign key names no row, as (table, rowid, parent table): not the key's
    number, which a rebuild that adds a key renumbers. Counted: a WITHOUT ROWID table's rows
    all have rowid None."""
    return Counter((row[0], row[1], row[2]) for row in conn.execute("PRAGMA foreign_key_check"))


def upgrade(
    conn: sqlite3.Connection,
    path: Path,
    found: int,
    migrations: dict[int, Migration] | None = None,
    latest: int = SCHEMA_VERSION,
) -> Path:
    """Lead the database at `path` from version `found` to `latest`; returns the backup."""
    steps = MIGRATIONS if migrations is None else migrations
    saved = back_up(conn, path, found)
    run_steps(conn, [(version, steps[version]) for version in range(found + 1, latest + 1)])
    return saved
