"""What differs on Windows, in one place the tests can simulate (monkeypatch `sys.platform`).

- File names Windows forbids (`CON`, `aux.docx`, `a:b`, a trailing dot or space): refused for
  every file the product writes, on every system, because the files travel to Windows laptops
  (a USB stick, a shared folder) and such a name cannot be opened or copied there.
- The name of a path as the running system reads it: on Windows `C:\\会议\\记录.docx` is
  the file `记录.docx` in `C:\\会议`; on Linux the same text is one odd file name.
- Signals: Windows has no SIGHUP (a closed terminal); only the signals the system has are
  caught.
- Consoles that are not UTF-8 (a Chinese Windows console is GBK, code page 936): what cannot
  be shown there is replaced, never a UnicodeEncodeError.
"""

from __future__ import annotations

import io
import re
import signal
import sys
from pathlib import PurePosixPath, PureWindowsPath

# Device names, with or without an extension (Windows ignores it): `aux.docx` is AUX.
_DEVICES = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE
)
_FORBIDDEN = set('<>:"/\\|?*')


def on_windows() -> bool:
    return sys.platform == "win32"


def file_name(path: str) -> str:
    """The last part of `path` as this system splits it (drive letters and backslashes on
    Windows)."""
    return PureWindowsPath(path).name if on_windows() else PurePosixPath(path).name


def name_problem(name: str) -> str | None:
    """Why Windows cannot hold a file named `name` (the reason's i18n key), or None."""
    if not name:
        return None
    if _DEVICES.match(name.rstrip(" .")):
        return "output.reason.windows_device"
    if any(char in _FORBIDDEN or ord(char) < 32 for char in name):
        return "output.reason.windows_char"
    if name[-1] in " .":
        return "output.reason.windows_end"
    return None


def shutdown_signals() -> tuple[signal.Signals, ...]:
    """SIGTERM (a shutdown, `kill`) and, where they exist, SIGHUP (the terminal closed) and
    SIGBREAK (ctrl+break in a Windows console)."""
    names = ("SIGTERM", "SIGHUP", "SIGBREAK")
    return tuple(getattr(signal, name) for name in names if hasattr(signal, name))


def tolerant_console() -> None:
    """Standard output and error replace what their encoding cannot show (a GBK or cp437
    console) instead of failing the command halfway."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # a test's capture, or closed
        encoding = (stream.encoding or "").lower().replace("-", "").replace("_", "")
        if encoding not in ("utf8", "utf8sig") and stream.errors == "strict":
            stream.reconfigure(errors="replace")
