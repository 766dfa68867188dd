"""What a store reads, writer or reader alike: rows, the meta table, a fingerprint of what is
recorded, and the schema facts the journal needs (primary keys, cascades). Plain `sqlite3` over
the store's one connection; `db` is sqlite-utils over the same connection, for introspection
(docs/architecture-notes.md says why it is given no writes).
"""

from __future__ import annotations

import functools
import json
import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

RECORD_TABLES = ("meta", "items", "segments", "notes", "ballots", "marks", "journal")


class Reads:
    """Mixed into `Store` (store/database.py), which sets these attributes in `__init__`."""

    conn: sqlite3.Connection
    _keys: dict[str, list[str]]
    _cascades: dict[str, list[tuple[str, dict[str, str]]]]

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
        version: int = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return version

    def content_sha256(self) -> str:
        """A fingerprint of everything recorded (not of the file's bytes)."""
        import hashlib

        digest = hashlib.sha256()
        for table in RECORD_TABLES:
            keys = ", ".join(self.primary_key(table))
            for row in self.conn.execute(f"SELECT * FROM {table} ORDER BY {keys}"):
                if table == "meta" and row[0] == "writer":
                    continue  # version 1's lock note
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
