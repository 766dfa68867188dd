"""Which release made a database and which last wrote it (SPEC 11), in `meta`.

`created_by` is set when the file is created; `written_by` with the first command a writer
commits (opening alone writes no record, so a file only looked at keeps what it said). A file
made before releases were recorded gets `created_by` = "unknown" then. Both are facts about the
file, not commands: written without a journal entry, so undo never takes them back.
"""

from __future__ import annotations

import sqlite3

from reviewtui.version import version_line

CREATED_BY = "created_by"
WRITTEN_BY = "written_by"
UNKNOWN = "unknown"


def stamp(conn: sqlite3.Connection, *, created: bool = False) -> None:
    """Record this release as the last writer (and the creator, for a new file), inside the
    caller's transaction; `created_by` of an older file becomes "unknown"."""
    here = version_line()
    conn.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
        (CREATED_BY, here if created else UNKNOWN),
    )
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (WRITTEN_BY, here))
