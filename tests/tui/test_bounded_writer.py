"""Textual's output thread replaced (issue 20): a terminal that answers EIO, or never returns a
write, must not block the app's writes or its shutdown. Under Textual's own WriterThread the
same file makes the 31st write (a full queue nobody empties) wait forever."""

from __future__ import annotations

import errno
import threading

from reviewtui.tui.bounded_writer import BoundedWriter, install


class GoneTerminal:
    """A closed terminal: every write fails with EIO."""

    def write(self, text: str) -> int:
        raise OSError(errno.EIO, "Input/output error")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")

    def fileno(self) -> int:
        return 2


class StuckTerminal(GoneTerminal):
    """A terminal that stops reading: a write never returns."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def write(self, text: str) -> int:
        self.release.wait()
        return len(text)

    def flush(self) -> None:
        pass


def exercise(writer: BoundedWriter) -> bool:
    """Many writes then stop, on a thread: True if it all returned."""

    def work() -> None:
        for n in range(200):
            writer.write(f"\x1b[{n}H frame")
        writer.stop()

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(30)  # a bound for a broken writer only: a working one returns at once
    return not worker.is_alive()


def test_a_terminal_answering_eio_never_blocks_writes_or_stop() -> None:
    writer = BoundedWriter(GoneTerminal())  # type: ignore[arg-type]
    writer.start()
    assert exercise(writer)
    assert writer.gone and not writer.is_alive()


def test_a_terminal_that_stops_reading_never_blocks_writes_or_stop() -> None:
    terminal = StuckTerminal()
    writer = BoundedWriter(terminal)  # type: ignore[arg-type]
    writer.start()
    try:
        assert exercise(writer)
        assert writer.gone
    finally:
        terminal.release.set()


def test_textual_drivers_use_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textual.drivers import linux_driver

    monkeypatch.setattr(linux_driver, "WriterThread", linux_driver.WriterThread)  # restored after
    install()
    assert linux_driver.WriterThread is BoundedWriter
