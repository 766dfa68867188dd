"""The meeting database: one SQLite file per meeting.

- `connect`: what the file is (refused before opening if it is not a regular SQLite file), the
  connection and its pragmas; a rollback journal with `synchronous=FULL`, so the `.db` alone
  holds every acknowledged record.
- `lock`: the one writer's lock (`flock` on POSIX, `msvcrt.locking` on Windows).
- `journal`: `Tx`, through which every change is written and journaled; undo by column.
- `migrations`: the schema's versions; upgrades that keep every row, with a backup first.
- `errors`: which SQLite errors are storage failures (advice) and which are bugs.
- `database`: `Store`, as writer or reader (opening, version checks); its reads in `reads`, its
  transactions, batches and undo in `writes`; `opening`: from a SESSION argument to a store.
"""

from reviewtui.store.connect import BUSY_TIMEOUT_MS, JOURNAL_MODE
from reviewtui.store.database import DatabaseExists, Store
from reviewtui.store.errors import StorageError, UndoRefused
from reviewtui.store.journal import Tx
from reviewtui.store.lock import LockHolder, WriterLock
from reviewtui.store.migrations import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    backup_path,
    schema_sql,
)
from reviewtui.store.opening import (
    Target,
    open_and_compare,
    open_session,
    plan_changed_message,
    resolve,
)

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "JOURNAL_MODE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DatabaseExists",
    "LockHolder",
    "StorageError",
    "Store",
    "Target",
    "Tx",
    "UndoRefused",
    "WriterLock",
    "backup_path",
    "open_and_compare",
    "open_session",
    "plan_changed_message",
    "resolve",
    "schema_sql",
]
