"""`reviewtui.way_out`: a request to stop (a signal, a closed Windows console) saves, then the
process is gone within the grace, whatever still waits. The exit is replaced: a test must live.
Windows is simulated (its console handler called as Windows would call it)."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import pytest

from reviewtui import way_out
from reviewtui.way_out import WayOut


@pytest.fixture
def handlers() -> Iterator[None]:
    """The process's signal handlers, restored after the test."""
    kept = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGHUP)}
    yield
    for number, handler in kept.items():
        signal.signal(number, handler)


class Exits:
    def __init__(self) -> None:
        self.codes: list[int] = []
        self.done = threading.Event()

    def __call__(self, code: int) -> None:
        self.codes.append(code)
        self.done.set()


@pytest.mark.parametrize("number", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_asks_to_stop_and_the_watchdog_ends_what_still_waits(
    handlers: None, number: int
) -> None:
    exits, stops = Exits(), []
    out = WayOut(lambda: stops.append("stop"), grace=0.2, platform="linux", exit=exits)
    out.install()
    os.kill(os.getpid(), number)  # handled on this (the main) thread before kill returns
    assert stops == ["stop"] and out.requested.is_set() and out.armed
    assert exits.done.wait(10)  # the stop "hung": the watchdog ended the process
    assert exits.codes == [0]
    os.kill(os.getpid(), number)  # asked again: no second stop, no second watchdog
    assert stops == ["stop"] and exits.codes == [0]


class FakeKernel32:
    """What `SetConsoleCtrlHandler` is given, as Windows keeps it."""

    def __init__(self) -> None:
        self.handlers: list[object] = []

    def SetConsoleCtrlHandler(self, handler: object, add: int) -> int:
        assert add == 1
        self.handlers.append(handler)
        return 1


def test_windows_console_close_saves_then_lets_windows_end_the_process(handlers: None) -> None:
    kernel32, exits, saved_at = FakeKernel32(), Exits(), []
    out: WayOut

    def stop() -> None:  # the app's loop would save what is typed, then say so
        saved_at.append("saved")
        out.saved()

    out = WayOut(stop, grace=5.0, platform="win32", kernel32=kernel32, exit=exits)
    out.install()
    (handler,) = kernel32.handlers
    answers: list[int] = []
    # Windows calls the handler on a thread of its own when the window's X is clicked.
    caller = threading.Thread(target=lambda: answers.append(handler(way_out.CTRL_CLOSE_EVENT)))
    caller.start()
    caller.join(10)
    assert answers == [1] and saved_at == ["saved"]  # handled: after the save, Windows ends it
    assert out.armed  # and should Windows wait, the watchdog ends it
    assert handler(0) == 0 and handler(1) == 0  # ctrl+c, ctrl+break: left to the next handler
    assert signal.getsignal(signal.SIGTERM) == out._on_signal


def test_windows_console_close_returns_within_the_grace_if_the_save_hangs(handlers: None) -> None:
    kernel32 = FakeKernel32()
    out = WayOut(lambda: None, grace=0.2, platform="win32", kernel32=kernel32, exit=Exits())
    out.install()
    (handler,) = kernel32.handlers
    assert handler(way_out.CTRL_LOGOFF_EVENT) == 1  # nothing said "saved": the grace passed
