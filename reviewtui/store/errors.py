"""Which SQLite errors are storage failures the user can act on, and which are bugs.

SQLite names every error (`exc.sqlite_errorname`, Python 3.11): a full disk, a read-only file,
an I/O error, a damaged file or a busy database are the storage's doing and become a
`StorageError` with advice. Anything else (`SQLITE_ERROR` from bad SQL, a misuse, a constraint
a caller should have checked, a `ProgrammingError`) is a bug and propagates as one: telling the
secretary to check the USB stick, or retrying it forever, would help nobody.
"""

from __future__ import annotations

import sqlite3

from reviewtui.errors import UserError
from reviewtui.i18n import t


class StorageError(UserError):
    """A write or read failed for the storage's sake (disk full, read-only, I/O, damaged file,
    busy): nothing was recorded by the failed write."""


class UndoRefused(UserError):
    """Undo would overwrite something a later command changed: nothing was undone."""


# Primary result code (the part after SQLITE_ of the extended name) -> advice key.
_ADVICE = {
    "FULL": "db.advice_full",
    "READONLY": "db.advice_readonly",
    "PERM": "db.advice_readonly",
    "IOERR": "db.advice_io",
    "CANTOPEN": "db.advice_io",
    "NOLFS": "db.advice_io",
    "PROTOCOL": "db.advice_io",
    "CORRUPT": "db.advice_corrupt",
    "NOTADB": "db.advice_corrupt",
    "BUSY": "db.advice_busy",
    "LOCKED": "db.advice_busy",
}


def primary_name(exc: BaseException) -> str | None:
    """`IOERR` for SQLITE_IOERR_SHORT_READ, `FULL` for SQLITE_FULL; None without a name."""
    name = getattr(exc, "sqlite_errorname", None)
    if not isinstance(name, str) or not name.startswith("SQLITE_"):
        return None
    primary = name.removeprefix("SQLITE_")
    for known in _ADVICE:
        if primary == known or primary.startswith(known + "_"):
            return known
    return primary


def advice_key(exc: BaseException) -> str | None:
    """The advice for a storage failure; None when `exc` is not one (a bug: let it through)."""
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.ProgrammingError):
        return None
    if getattr(exc, "sqlite_errorname", None) == "SQLITE_READONLY_ROLLBACK":
        return "db.advice_rollback"  # a writer died mid-commit; a reader cannot finish it
    return _ADVICE.get(primary_name(exc) or "")


def is_storage_failure(exc: BaseException) -> bool:
    return advice_key(exc) is not None


def write_failed(exc: BaseException) -> StorageError:
    """The StorageError for a failed write; call only when `is_storage_failure(exc)`."""
    key = advice_key(exc)
    assert key is not None
    return StorageError(t("db.write_failed", reason=exc), t(key))


def damaged(path: object, exc: BaseException) -> UserError:
    """A database that cannot be read: what it is and what to do."""
    key = advice_key(exc) or "db.advice_corrupt"
    return UserError(t("db.corrupt", db=path, reason=exc), t(key))
