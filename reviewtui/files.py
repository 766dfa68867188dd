"""Files that people hand the program: refused before reading unless they are what they seem.

A session file or a ballot file must be a regular file (not a folder, a pipe, a device, or a
link to one) of bounded size: reading `/dev/zero` or a FIFO would never end.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reviewtui.i18n import t

MB = 1024 * 1024


def regular_file_problem(path: Path, limit: int) -> str | None:
    """Why `path` must not be read (a message with the path), or None when it may."""
    try:
        info = os.stat(path)  # follows links: a link to /dev/zero is a device
    except FileNotFoundError:
        return t("file.missing", path=path)
    except OSError as exc:
        return t("file.unreadable", path=path, reason=exc.strerror)
    if stat.S_ISDIR(info.st_mode):
        return t("input.folder", path=path)
    if not stat.S_ISREG(info.st_mode):
        return t("input.not_regular", path=path)
    if info.st_size > limit:
        return t("input.too_big", path=path, size=_mb(info.st_size), limit=_mb(limit))
    return None


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; raises ValueError if it holds more (it grew)."""
    # Non-blocking, and checked again once open: a file swapped for a FIFO after the first
    # check must not hang the read.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError(t("input.not_regular", path=path))
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ValueError(t("input.too_big", path=path, size=f"> {_mb(limit)}", limit=_mb(limit)))
    return raw


def _mb(size: int) -> str:
    return f"{size / MB:.1f} MB"
