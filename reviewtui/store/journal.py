"""The journal: every change of every command, and undo.

One row per changed database row, grouped by the command (`tx`) that made it:
- insert: `new` is the stored row, `old` NULL;
- delete: `old` is the row, `new` NULL (rows an ON DELETE CASCADE would remove are deleted and
  journaled first, so undo can bring them back);
- update: `old` and `new` hold only the columns that changed (a database of schema version 1
  journaled whole rows; undo reads both alike: the changed columns are those that differ). A
  long text changed in place (the notes, saved as the secretary types) is journaled as its
  change, not as two full copies: `new` holds its fingerprint `{"$text": [sha256, length]}`,
  `old` the splice that turns the new text back into the old `{"$splice": [start, end, text]}`
  (`long_text`); older rows, holding whole texts, undo as they always did.

Undo reverts only what its command changed, and refuses (`UndoRefused`, nothing written) when a
later command changed the same columns of the same row, or the row an insert made is no longer as
inserted, or the row a delete removed is back: reverting then would erase later work.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reviewtui import clock
from reviewtui.i18n import CATALOG, t
from reviewtui.store import long_text
from reviewtui.store.errors import UndoRefused

if TYPE_CHECKING:
    from reviewtui.store.database import Store

_JOURNAL = (
    "INSERT INTO journal (tx, at, action, tbl, row_key, op, old, new) VALUES (?,?,?,?,?,?,?,?)"
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class Tx:
    """The writes of one command; each change is journaled as it is made."""

    def __init__(self, store: Store, action: str) -> None:
        self.store = store
        self.conn = store.conn
        self.action = action
        self.at = clock.iso(clock.now())
        row = self.conn.execute("SELECT coalesce(max(tx), 0) + 1 FROM journal").fetchone()
        self.id: int = row[0]
        self.touched: list[tuple[str, list[Any]]] = []

    def _fetch(
        self, table: str, key: dict[str, Any], columns: Iterable[str] | None = None
    ) -> dict[str, Any] | None:
        where = " AND ".join(f"{name} = ?" for name in key)
        what = ", ".join(columns) if columns is not None else "*"
        cursor = self.conn.execute(f"SELECT {what} FROM {table} WHERE {where}", tuple(key.values()))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([c[0] for c in cursor.description], row, strict=True))

    def _journal(self, table: str, key: dict[str, Any], old: Any, new: Any) -> None:
        op = "insert" if old is None else "delete" if new is None else "update"
        self.conn.execute(
            _JOURNAL,
            (
                self.id,
                self.at,
                self.action,
                table,
                _dumps(key),
                op,
                None if old is None else _dumps(old),
                None if new is None else _dumps(new),
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
            f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
        )
        key = self._key_of(table, values, cursor.lastrowid)
        self._journal(table, key, None, self._fetch(table, key))
        return cursor.lastrowid or 0

    def insert_many(
        self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
    ) -> None:
        """Insert many rows at once, journaled as `insert` journals each one.

        Every row gives every column in `columns` (the primary key included), so the stored row
        is the given one. For imports of 100,000 lines: the journal's JSON is assembled from the
        encodings of the few values that repeat, each encoded once.
        """
        names = self.store.primary_key(table)
        if not set(names) <= set(columns):
            raise ValueError(f"insert_many into {table} needs its key {names}")
        self.conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            rows,
        )
        encoded: dict[tuple[type, Any], str] = {}

        def enc(value: Any) -> str:
            memo = (type(value), value)
            text = encoded.get(memo)
            if text is None:
                text = encoded[memo] = _dumps(value)
            return text

        heads = [_dumps(column) + ": " for column in columns]
        at_key = [columns.index(name) for name in names]

        def as_json(pairs: Iterable[tuple[str, Any]]) -> str:
            return "{" + ", ".join([head + enc(value) for head, value in pairs]) + "}"

        self.conn.executemany(
            _JOURNAL,
            (
                (
                    self.id,
                    self.at,
                    self.action,
                    table,
                    as_json((heads[i], row[i]) for i in at_key),
                    "insert",
                    None,
                    as_json(zip(heads, row, strict=True)),
                )
                for row in rows
            ),
        )
        self.touched.append((table, []))

    def update(self, table: str, key: dict[str, Any], values: dict[str, Any]) -> bool:
        old = self._fetch(table, key, values)
        if old is None:
            return False
        changes = {k: v for k, v in values.items() if old[k] != v}
        if not changes:
            return False
        sets = ", ".join(f"{name} = ?" for name in changes)
        where = " AND ".join(f"{name} = ?" for name in key)
        self.conn.execute(
            f"UPDATE {table} SET {sets} WHERE {where}",
            (*changes.values(), *key.values()),
        )
        new = self._fetch(table, key, changes)
        assert new is not None
        before = {k: old[k] for k in changes}
        for name in changes:
            # `meta` keeps whole values: the plan's versions are read back from the journal
            # (the amendments in the minutes), and it changes rarely.
            if table != "meta" and long_text.worth(before[name], new[name]):
                before[name], new[name] = long_text.encode(before[name], new[name])
        self._journal(table, key, before, new)
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
                f"SELECT {', '.join(keys)} FROM {child} WHERE {where}",
                tuple(old[parent] for parent in columns.values()),
            ).fetchall()
            for row in rows:
                self.delete(child, dict(zip(keys, row, strict=True)))
        where = " AND ".join(f"{name} = ?" for name in key)
        self.conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
        self._journal(table, key, old, None)
        return True

    def set_screen_state(self, key: str, value: str | None) -> None:
        """A `meta` fact that is screen state (which dialog is open), not a meeting record:
        written with this transaction, never journaled, so it is no undo step and no extra
        durable commit of the command it goes with."""
        if value is None:
            self.conn.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.delete("meta", {"key": key})
        elif self._fetch("meta", {"key": key}) is None:
            self.insert("meta", {"key": key, "value": value})
        else:
            self.update("meta", {"key": key}, {"value": value})


def _changed(old: dict[str, Any], new: dict[str, Any], key: dict[str, Any]) -> list[str]:
    """Columns an update entry changed (a v1 entry holds whole rows: those that differ)."""
    return [c for c in new if c not in key and (c not in old or old[c] != new[c])]


def last_command(store: Store, actions: Iterable[str]) -> tuple[int, str] | None:
    """The newest command of one of `actions` not undone yet, as (tx, action): what ctrl+z on
    a screen takes back (each screen has its own actions)."""
    names = sorted(actions)
    row = store.conn.execute(
        "SELECT tx, action FROM journal WHERE undone_by IS NULL AND action IN "
        f"({', '.join('?' for _ in names)}) ORDER BY tx DESC LIMIT 1",
        names,
    ).fetchone()
    return (row[0], row[1]) if row else None


def row_of(store: Store, tx: int, table: str) -> dict[str, Any]:
    """A row command `tx` changed in `table`, as far as known: its key, the columns the journal
    holds (an update holds only those it changed), and the rest as it is stored now."""
    entry = store.conn.execute(
        "SELECT row_key, coalesce(new, old) FROM journal WHERE tx = ? AND tbl = ? LIMIT 1",
        (tx, table),
    ).fetchone()
    if entry is None:
        return {}
    key = json.loads(entry[0])
    known = {c: v for c, v in json.loads(entry[1]).items() if not long_text.encoded(v)}
    row = {**known, **key}
    where = " AND ".join(f"{name} = ?" for name in key)
    stored = store.rows(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))
    return {**(stored[0] if stored else {}), **row}


def undo(store: Store, target_tx: int) -> int:
    """Revert the changes of command `target_tx`, newest first; returns the undo's own tx.

    Raises `UndoRefused` (nothing written) when a later command changed what it would revert.
    """
    entries = store.rows(
        "SELECT * FROM journal WHERE tx = ? AND undone_by IS NULL ORDER BY id DESC",
        (target_tx,),
    )
    with store.transaction("undo") as tx:
        for entry in entries:
            table = entry["tbl"]
            key = json.loads(entry["row_key"])
            old = json.loads(entry["old"]) if entry["old"] else None
            new = json.loads(entry["new"]) if entry["new"] else None
            current = tx._fetch(table, key)
            if old is None:  # an insert: undone only if the row is still as inserted
                if current is None or any(current.get(c) != v for c, v in (new or {}).items()):
                    raise _refused(store, entry)
                tx.delete(table, key)
            elif new is None:  # a delete: undone only if nothing took the row's place
                if current is not None:
                    raise _refused(store, entry)
                tx.insert(table, old)
            else:
                columns = _changed(old, new, key)
                if current is None or any(not long_text.same(current[c], new[c]) for c in columns):
                    raise _refused(store, entry)
                tx.update(table, key, {c: long_text.decode(old[c], current[c]) for c in columns})
        store.conn.execute("UPDATE journal SET undone_by = ? WHERE tx = ?", (tx.id, target_tx))
    return tx.id


def _refused(store: Store, entry: dict[str, Any]) -> UndoRefused:
    try:
        later = store.conn.execute(
            "SELECT action FROM journal WHERE tbl = ? AND row_key = ? AND tx > ? "
            "AND undone_by IS NULL AND action != 'undo' ORDER BY tx DESC LIMIT 1",
            (entry["tbl"], entry["row_key"], entry["tx"]),
        ).fetchone()
    except sqlite3.Error:
        later = None
    action = _named(entry["action"])
    if later is None:
        return UndoRefused(t("db.undo_refused_gone", action=action))
    return UndoRefused(t("db.undo_refused", action=action, later=_named(later[0])))


def _named(action: str) -> str:
    """A journal action as the secretary knows it ("pausing", "typing"), else its code."""
    for key in (f"live.action.{action}", f"db.action.{action}"):
        if key in CATALOG:
            return t(key)
    return action
