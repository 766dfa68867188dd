"""Which release made a database and which last wrote it (SPEC 11), in `meta`.

`created_by` is set when the file is created; `written_by` by the first command of a release
that differs from the one recorded (opening alone writes nothing, so a file only looked at keeps
what it said). A file made before releases were recorded gets `created_by` = "unknown" then.
Like every `meta` write they are journaled, in the command's transaction; a command that undoes
one puts it back at once (the undo is itself a write of this release).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewtui.version import version_line

if TYPE_CHECKING:
    from reviewtui.store.journal import Tx

CREATED_BY = "created_by"
WRITTEN_BY = "written_by"
UNKNOWN = "unknown"


def stamp(tx: Tx, *, created: bool = False) -> None:
    """Record this release as the last writer (and the creator, for a new file) in `tx`."""
    here = version_line()
    found = dict(
        tx.conn.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?)", (CREATED_BY, WRITTEN_BY)
        ).fetchall()
    )
    if CREATED_BY not in found:
        tx.set_meta(CREATED_BY, here if created else UNKNOWN)
    if found.get(WRITTEN_BY) != here:
        tx.set_meta(WRITTEN_BY, here)
