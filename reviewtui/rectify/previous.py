"""Last year's rectification list (`[meeting] previous = "last-year.db"`), read-only.

The path is relative to the session file the meeting was created from; where that folder is
gone (the .db was copied off the laptop) it is looked for beside the database too. The file is
opened as a reader, never upgraded or written. A file that is missing, not a meeting database or
damaged gives a warning and an empty list: the meeting goes on without it.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.rectify.lines import ProblemLine, read_lines
from reviewtui.store import Store
from reviewtui.textsafe import name_key


@dataclass(frozen=True)
class Previous:
    """Last year's lines still on the list (open or done; merged and dropped ones left out)."""

    path: Path | None
    title: str = ""  # last year's meeting
    lines: tuple[ProblemLine, ...] = ()
    warning: str | None = None

    def of(self, unit: str) -> tuple[ProblemLine, ...]:
        wanted = name_key(unit)
        return tuple(line for line in self.lines if name_key(line.unit) == wanted)


def candidates(store: Store, previous: str) -> list[Path]:
    """Where `previous` may be: beside the session file, then beside the database."""
    given = Path(previous).expanduser()
    if given.is_absolute():
        return [given]
    found: list[Path] = []
    source = store.meta("source")
    if source:
        found.append(Path(source).parent / given)
    found.append(store.path.parent / given)
    return found


def missing_previous(session: Path, previous: str) -> str | None:
    """What `check` says when last year's file is not beside the session file."""
    given = Path(previous).expanduser()
    path = given if given.is_absolute() else session.parent / given
    if path.is_file():
        return None
    shown_path = os.path.normpath(path)
    if path.exists() or path.is_symlink():  # a folder, a device, a broken link or a loop
        return t("rectify.previous_not_file", path=shown_path)
    return t("rectify.previous_missing", path=shown_path)


def load_previous(store: Store) -> Previous:
    """Last year's list, or an empty one with a warning saying why it could not be read."""
    name = getattr(store.plan.meeting, "previous", None)
    if not name:
        return Previous(None)
    paths = [Path(os.path.normpath(p)) for p in candidates(store, name)]
    path = next((p for p in paths if p.exists()), None)
    if path is None:
        key = "rectify.previous_not_file" if paths[0].is_symlink() else "rectify.previous_missing"
        return Previous(paths[0], warning=t(key, path=paths[0]))
    try:
        if path.resolve() == store.path.resolve():
            return Previous(path, warning=t("rectify.previous_is_this", path=path))
    except OSError:
        pass
    try:
        other = Store.open_reader(path)
    except (UserError, OSError, sqlite3.Error) as exc:
        return Previous(path, warning=t("rectify.previous_unreadable", path=path, reason=exc))
    try:
        title = other.plan.meeting.title
        lines = tuple(line for line in read_lines(other, include_merged=False) if line.active)
    except (UserError, sqlite3.Error, KeyError, ValueError, TypeError) as exc:
        return Previous(path, warning=t("rectify.previous_unreadable", path=path, reason=exc))
    finally:
        other.close()
    return Previous(path, title, lines)
