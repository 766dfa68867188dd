"""Typed text kept in memory while the storage refuses it (reviewtui/tui/pending.py)."""

from __future__ import annotations

import pytest

from reviewtui.errors import UserError
from reviewtui.store import StorageError
from reviewtui.tui.pending import PendingWrites


class Disk:
    """A storage that refuses writes while full and records what it takes."""

    def __init__(self) -> None:
        self.full = True
        self.written: list[str] = []

    def write(self, what: str):
        def write() -> None:
            if self.full:
                raise StorageError("disk full")
            self.written.append(what)

        return write


def test_refused_writes_are_kept_and_written_later_in_order() -> None:
    disk, pending = Disk(), PendingWrites()
    assert pending.attempt("a", disk.write("a1")) is not None
    assert pending.attempt("b", disk.write("b1")) is not None
    assert pending.attempt("a", disk.write("a2")) is not None  # the newer text of "a"
    assert len(pending) == 2 and "a" in pending
    assert pending.retry() == (0, [])  # still full: nothing lost, nothing written
    disk.full = False
    assert pending.retry() == (2, [])
    assert disk.written == ["b1", "a2"]  # the order they were last typed in
    assert not pending


def test_a_direct_write_drops_the_older_kept_one() -> None:
    disk, pending = Disk(), PendingWrites()
    pending.attempt("note", disk.write("old"))
    disk.full = False
    assert pending.attempt("note", disk.write("new")) is None
    assert not pending
    pending.retry()
    assert disk.written == ["new"]  # the old text never overwrites the new one


def test_a_write_that_can_never_succeed_is_dropped_and_said() -> None:
    disk, pending = Disk(), PendingWrites()
    pending.attempt("gone", disk.write("x"))
    pending.attempt("kept", disk.write("y"))
    disk.full = False

    def deleted() -> None:
        raise KeyError(7)

    pending.keep("gone", deleted)  # its record was deleted meanwhile
    written, dropped = pending.retry()
    assert written == 1 and len(dropped) == 1 and isinstance(dropped[0], UserError)
    assert disk.written == ["y"] and not pending


def test_bad_input_is_not_kept() -> None:
    pending = PendingWrites()

    def bad() -> None:
        raise UserError("no such asker")

    with pytest.raises(UserError):
        pending.attempt("x", bad)
    assert not pending
