"""The one way the product writes a file a user named (`-o`, the export dialog, ballot CSVs).

`write_file(data, path, protect=...)` refuses, with a message and nothing touched:

- the meeting's own files: its database (and the `-wal`, `-shm`, `-journal` beside it) and its
  session file, compared by real path and by inode (a hard link is the same file);
- any SQLite database (a meeting's, whatever its name) and the files SQLite keeps beside one,
  and a session file in use (NAME.toml with its meeting NAME.db beside it): `--force` or not;
- a symbolic link (a rename would replace the link; following it writes somewhere unseen);
- anything that is not a regular file: a folder, a device such as `/dev/null`, a FIFO, a socket;
- a name Windows forbids (`CON`, `aux.docx`, `a:b`), on every system (`reviewtui.portable`).

It writes a temporary file created exclusively (`O_EXCL`, `O_NOFOLLOW`, an unpredictable name)
in the target's folder, fsyncs it, gives it the target's mode (a 0600 file stays 0600), and
renames it over the target, so a reader never sees half a file and a failure leaves none. The
temporary name does not grow with the target's name, so any name the folder accepts works. An
OS error (no folder, no space, read-only, a name too long) becomes a `UserError` (exit 2).

Standard output is `reviewtui.cli.fast`'s: a closed pipe ends the command quietly (exit 0).
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from reviewtui import portable
from reviewtui.errors import UserError
from reviewtui.i18n import t

# What SQLite keeps beside a database: writing onto any of them corrupts the meeting.
SIDE_FILES = ("", "-wal", "-shm", "-journal")

_REASONS = {
    errno.ENOSPC: "output.reason.full",
    errno.EDQUOT: "output.reason.full",
    errno.ENAMETOOLONG: "output.reason.too_long",
    errno.EACCES: "output.reason.denied",
    errno.EPERM: "output.reason.denied",
    errno.EROFS: "output.reason.read_only",
    errno.ENOENT: "output.reason.no_folder",
    errno.ENOTDIR: "output.reason.no_folder",
    errno.EIO: "output.reason.io",
}


def protected_paths(db: str | Path, *sessions: str | Path | None) -> tuple[Path, ...]:
    """The meeting's files that no output may replace: the database, the files SQLite keeps
    beside it, the upgrade backups beside it (NAME.db.vN.bak), its session file by the naming
    rule (NAME.toml: the source recorded may be a path on another laptop), and every session
    file named (the one given, the one it was made from)."""
    db = Path(db)
    found = [db.with_name(db.name + side) for side in SIDE_FILES]
    found.append(db.with_suffix(".toml"))
    found += db.parent.glob(glob.escape(db.name) + ".v*.bak")
    found += [Path(s) for s in sessions if s]
    return tuple(found)


def reason(exc: OSError) -> str:
    """An OS error in the user's words: "the disk is full", not "[Errno 28]"."""
    key = _REASONS.get(exc.errno or 0)
    return t(key) if key else (exc.strerror or str(exc))


def in_folder(path: str | Path, name: str) -> Path:
    """Where `-o PATH` writes: PATH itself, or the file `name` inside it when it is a folder."""
    path = Path(path)
    try:
        is_dir = stat.S_ISDIR(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        is_dir = False
    except OSError as exc:  # a name too long, a loop of links, no permission
        raise UserError(t("output.cannot_write", path=path, reason=reason(exc))) from None
    return path / name if is_dir else path


def check_target(path: Path, protect: Iterable[str | Path] = ()) -> None:
    """Refuse (UserError) a target that must not be written; see the module's docstring."""
    windows = portable.name_problem(portable.file_name(str(path)))
    if windows is not None:
        raise UserError(t("output.cannot_write", path=path, reason=t(windows)))
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise UserError(t("output.cannot_write", path=path, reason=reason(exc))) from None
    if found is not None:
        if stat.S_ISLNK(found.st_mode):
            raise UserError(t("output.symlink", path=path))
        if stat.S_ISDIR(found.st_mode):
            raise UserError(t("export.is_dir", path=path))
        if not stat.S_ISREG(found.st_mode):
            raise UserError(t("output.not_regular", path=path))
    real = os.path.realpath(path)
    for other in protect:
        if os.path.realpath(other) == real or (found is not None and _same_file(found, other)):
            raise UserError(t("output.meeting_file", path=path, file=other))
    if found is not None:
        _refuse_meeting_files(path)


_SQLITE = b"SQLite format 3\x00"


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as file:
            return file.read(len(_SQLITE)) == _SQLITE
    except OSError:
        return False


def _refuse_meeting_files(path: Path) -> None:
    """An existing target that is a database, a file SQLite keeps beside one, or the session
    file of a meeting beside it: never an output's to replace, whatever it is called."""
    for side in SIDE_FILES[1:]:
        if path.name.endswith(side) and _is_database(path.with_name(path.name[: -len(side)])):
            raise UserError(t("output.meeting_file", path=path, file=path.name[: -len(side)]))
    if _is_database(path):
        raise UserError(t("output.is_database", path=path))
    if path.suffix.lower() == ".toml":
        db = path.with_suffix(".db")
        if _is_database(db):
            raise UserError(t("output.session_in_use", path=path, db=db))


def _same_file(found: os.stat_result, other: str | Path) -> bool:
    try:
        return os.path.samestat(found, os.stat(other))
    except OSError:
        return False


def write_file(data: str | bytes, path: str | Path, *, protect: Iterable[str | Path] = ()) -> Path:
    """Write `data` (text as UTF-8) to `path` atomically and safely; returns the path."""
    path = Path(path)
    protect = tuple(protect)
    check_target(path, protect)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    if not folder.is_dir():
        raise UserError(t("output.no_folder", path=path, folder=folder))
    tmp, fd = _create_temporary(path)
    try:
        try:
            _keep_mode(fd, path)
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        check_target(path, protect)  # again, just before: nothing may have been planted since
        os.replace(tmp, path)
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise UserError(t("output.cannot_write", path=path, reason=reason(exc))) from None
        raise
    _sync_folder(folder)
    return path


def _create_temporary(path: Path) -> tuple[Path, int]:
    """A new file beside `path` that nobody else made or points at: O_EXCL refuses an existing
    name (a planted symlink included), O_NOFOLLOW a link, the name is random and short."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(16):
        tmp = path.with_name(f".reviewtui-{secrets.token_hex(8)}.tmp")
        try:
            return tmp, os.open(tmp, flags, 0o666)  # the umask applies, as to any new file
        except FileExistsError:
            continue
        except OSError as exc:
            raise UserError(t("output.cannot_write", path=path, reason=reason(exc))) from None
    raise UserError(t("output.cannot_write", path=path, reason=os.strerror(errno.EEXIST)))


def _keep_mode(fd: int, path: Path) -> None:
    """An existing target keeps its permissions (and, where we may, its owner)."""
    try:
        old = os.stat(path)
    except FileNotFoundError:
        return
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(old.st_mode))
    if hasattr(os, "fchown") and hasattr(os, "geteuid") and os.geteuid() == 0:
        # Not on every file system; the content matters more than the owner.
        with contextlib.suppress(OSError):
            os.fchown(fd, old.st_uid, old.st_gid)


def _unlink(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, and not needed, on Windows."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
