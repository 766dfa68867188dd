"""Textual's output thread, made so that a terminal that is gone never blocks the app.

Textual (8.2.8) writes to the terminal through `WriterThread`: the app puts text on a queue of
30 and a thread writes it. When the terminal closes (SIGHUP), a write raises EIO, the thread
dies, and the queue is never emptied again: the next `put` (a refresh, or `stop()` at shutdown)
waits forever, holding the meeting's writer lock (issue 20). A terminal that stops reading
blocks the thread in its write with the same effect.

`BoundedWriter` keeps consuming after a failed write (dropping the text: nobody can see it), and
neither `write` nor `stop` waits without a limit. `install()` makes Textual's drivers use it;
`reviewtui.way_out` bounds whatever else the shutdown may wait on.
"""

from __future__ import annotations

import queue
from typing import IO

from textual.drivers._writer_thread import WriterThread

PUT_WAIT = 0.5  # seconds a write waits for room before the terminal counts as gone
STOP_WAIT = 0.5  # seconds `stop` waits for the thread to write what is queued


class BoundedWriter(WriterThread):
    def __init__(self, file: IO[str]) -> None:
        super().__init__(file)
        self.gone = False  # the terminal refused a write or stopped taking them

    def write(self, text: str) -> None:
        if self.gone:
            return
        try:
            self._queue.put(text, timeout=PUT_WAIT)
        except queue.Full:
            self.gone = True

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError):  # EIO, EPIPE, a closed file: the terminal is gone
            self.gone = True
            self._drain()

    def _drain(self) -> None:
        """Take what is queued, and what comes, until `stop`: no writer may wait on us."""
        while self._queue.get() is not None:
            pass

    def stop(self) -> None:
        try:
            self._queue.put(None, timeout=STOP_WAIT)
        except queue.Full:
            self.gone = True
            return
        self.join(timeout=STOP_WAIT)


def install() -> None:
    """Make Textual's terminal drivers, which name `WriterThread` at start-up, use ours."""
    import sys

    if sys.platform == "win32":
        from textual.drivers import windows_driver

        windows_driver.WriterThread = BoundedWriter  # type: ignore[misc]
    else:
        from textual.drivers import linux_driver

        linux_driver.WriterThread = BoundedWriter  # type: ignore[misc]
