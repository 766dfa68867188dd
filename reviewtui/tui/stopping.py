"""The Textual side of `reviewtui.way_out`: how a long-running app (`run`, `projector`) is asked
to stop from a signal or a console event, and runs with every way out bounded."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from reviewtui.way_out import WayOut


class Stoppable:
    """Mixin for an App: `stop_asked` runs on the app's loop when a way out is asked for."""

    way_out: WayOut | None = None  # set by `run_bounded`; pilot tests run without one
    _stop_loop: asyncio.AbstractEventLoop | None = None

    def watch_way_out(self) -> None:
        """Call in `on_mount`: from now on a request reaches the app's loop; one that came
        during start-up is acted on at once."""
        self._stop_loop = asyncio.get_running_loop()
        if self.way_out is not None and self.way_out.requested.is_set():
            self._stop_loop.call_soon(self.stop_asked)

    def request_stop(self) -> None:
        """From any thread (a signal handler, Windows' console handler): schedule the stop."""
        loop = self._stop_loop
        if loop is not None:  # None: still starting; `watch_way_out` will see the request
            with contextlib.suppress(RuntimeError):  # the loop has closed: nothing to stop
                loop.call_soon_threadsafe(self.stop_asked)

    def stop_asked(self) -> None:
        """Save what is typed, say so to the way out, and exit."""
        raise NotImplementedError

    def bound_exit(self) -> None:
        """Any exit is a way out: from now on the process has `way_out.grace` seconds."""
        if self.way_out is not None:
            self.way_out.arm()


def run_bounded(app: Any) -> None:
    """Run `app` (an App and a Stoppable) with every way out bounded: Textual's output thread
    never blocks on a terminal that is gone, and a watchdog ends what still waits."""
    from reviewtui.tui import bounded_writer

    bounded_writer.install()
    app.way_out = WayOut(app.request_stop)
    app.way_out.install()
    app.run()
