"""Every way out ends the process, in bounded time (SPEC 5, "Every way out").

SIGTERM, SIGHUP (the terminal closed, an SSH session lost) and, on Windows, the console window
closing ask a long-running command (`run`, `projector`, `collect`) to stop. `WayOut` turns each
into a call of the command's `stop` (which saves what is typed, then starts the normal shutdown)
and, from that moment, gives the process `grace` seconds: a watchdog thread then ends it with
`os._exit`, whatever still waits. A terminal that is gone answers writes with EIO or never
returns them, so a normal shutdown can wait forever on its output; nothing else needs one: every
acknowledged record is committed (synchronous=FULL, rollback journal) and the operating system
releases the writer lock (flock / msvcrt.locking) with the process.

Windows has no SIGHUP. Closing the console window sends CTRL_CLOSE_EVENT (logging off or
shutting down: CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT) to a handler that
`SetConsoleCtrlHandler` registers; Windows ends the process when the handler returns, and after
about 5 seconds in any case. The handler asks for the stop, waits (at most `grace`) until `stop`
has saved what was typed, and returns. CTRL_BREAK_EVENT arrives as SIGBREAK.

This module is core: it never imports Textual.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from reviewtui import portable

GRACE = 1.5  # seconds from a request to stop until the process is gone, at the latest
CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT = 2, 5, 6
CONSOLE_CLOSING = (CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT)


class WayOut:
    """The signals and console events of one long-running command, and its watchdog.

    `stop` is called on the thread that got the request (the main thread for a signal, a
    thread of Windows' own for a console event): it must only schedule the stop on the
    command's loop, and the command calls `saved()` once what was typed is saved.
    `platform`, `kernel32` and `exit` are for tests, which simulate Windows and must not end.
    """

    def __init__(
        self,
        stop: Callable[[], None],
        *,
        grace: float = GRACE,
        platform: str = sys.platform,
        kernel32: Any = None,
        exit: Callable[[int], None] = os._exit,
    ) -> None:
        self.stop = stop
        self.grace = grace
        self.platform = platform
        self.kernel32 = kernel32
        self._exit = exit
        self.requested = threading.Event()  # a way out was asked for
        self._saved = threading.Event()
        self._armed = False
        self._lock = threading.Lock()
        self._console_handler: Any = None  # kept alive: Windows calls it through a pointer

    # -- installing ----------------------------------------------------------------------------

    def install(self) -> None:
        """Catch the requests to stop this platform has (only on the main thread: signals)."""
        if self.platform == "win32":
            self._install_console_handler()
        for number in portable.shutdown_signals():  # only those this system has
            with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal
                signal.signal(number, self._on_signal)

    def _install_console_handler(self) -> None:
        kernel32 = self.kernel32
        if kernel32 is None:
            windll = getattr(ctypes, "windll", None)
            if windll is None:
                return
            kernel32 = windll.kernel32
        # BOOL WINAPI HandlerRoutine(DWORD dwCtrlType); WINFUNCTYPE exists only on Windows.
        prototype = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)(ctypes.c_int, ctypes.c_uint)
        self._console_handler = prototype(self.on_console_event)
        kernel32.SetConsoleCtrlHandler(self._console_handler, 1)

    # -- requests ------------------------------------------------------------------------------

    def _on_signal(self, number: int, _frame: object) -> None:
        self.request()

    def request(self) -> None:
        """A way out: the watchdog starts, then the command is asked to stop."""
        first = not self.requested.is_set()
        self.requested.set()
        self.arm()
        if first:
            self.stop()

    def on_console_event(self, event: int) -> int:
        """Windows' console control handler: 1 (handled) for a closing console, once what is
        typed is saved or `grace` has passed; 0 for the others (ctrl+c, ctrl+break go on to
        the next handler, Python's)."""
        if event not in CONSOLE_CLOSING:
            return 0
        self.request()
        self._saved.wait(self.grace)
        return 1

    def saved(self) -> None:
        """Called by the command once what was typed is saved: a console handler may return."""
        self._saved.set()

    # -- the watchdog --------------------------------------------------------------------------

    def arm(self, code: int = 0) -> None:
        """From now on the process has `grace` seconds; then it is ended with exit status
        `code`. Arming again changes nothing: the first deadline holds."""
        with self._lock:
            if self._armed:
                return
            self._armed = True
        deadline = time.monotonic() + self.grace
        watchdog = threading.Thread(
            target=self._watch, args=(deadline, code), name="way-out", daemon=True
        )
        watchdog.start()

    @property
    def armed(self) -> bool:
        return self._armed

    def _watch(self, deadline: float, code: int) -> None:
        while (left := deadline - time.monotonic()) > 0:
            time.sleep(left)
        self._exit(code)
