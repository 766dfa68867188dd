"""A hot rollback journal beside the database: whose it is, before SQLite replays it.

A `-journal` holding records (a writer killed mid-transaction) is "hot": the next connection
that may write plays it back into the `.db`, and SQLite never asks whose it is. One copied beside
another meeting's file (a killed import of another database) would overwrite that meeting's
pages with the other's. So before any connection opens the file, the journal is read here
(format: sqlite.org/fileformat2.html, "The Rollback Journal"):

- its page size must be the file's;
- its copy of page 1 as it was before the interrupted transaction carries the file change
  counter (header bytes 24..27) of that moment: the database's own counter is the same (page 1
  not yet rewritten) or one more (rewritten by the interrupted commit);
- when the counters are the same, the journal's "database size before the transaction" is the
  file's own (header bytes 28..31), since page 1 was not rewritten.

Every database this release creates starts its change counter at a random value, so two
meetings' counters differ by chance only once in 2^31; an older file's counter is a small
number and the checks above are all there is (together they still catch most strangers).
A journal that fails them is renamed aside (`NAME.db-journal.foreign-N`), never replayed.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

_MAGIC = bytes.fromhex("d9d505f920a163d7")
_HEADER = 28  # magic, records, nonce, pages before, sector size, page size
_COUNTER = 24  # the database header's file change counter
_SIZE = 28  # the database header's size in pages
_VALID_FOR = 92  # the change counter the size at 28 is valid for


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def is_hot(path: Path) -> bool:
    """A journal with records and a committed header (SQLite's "hot" journal, but for the lock
    SQLite also checks: ask only while holding the writer's lock)."""
    try:
        with open(journal_of(path), "rb") as file:
            head = file.read(8)
    except OSError:
        return False
    return head == _MAGIC


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _journal_page_one(data: bytes, page_size: int, sector: int) -> bytes | None:
    """The journal's copy of page 1 (with a valid checksum), or None if it holds none.

    A journal is segments: a header at a sector boundary, then `records` records of
    (page number, page, checksum); a record count of 0 (not yet synced) or -1 runs to the end
    of the file."""
    record = 4 + page_size + 4
    offset = 0
    while offset + _HEADER <= len(data) and data[offset : offset + 8] == _MAGIC:
        count, nonce = struct.unpack(">II", data[offset + 8 : offset + 16])
        start = offset + sector
        if count in (0, 0xFFFFFFFF):
            count = max(0, (len(data) - start) // record)
        for n in range(count):
            at = start + n * record
            if at + record > len(data):
                return None
            page = data[at + 4 : at + 4 + page_size]
            if int.from_bytes(data[at : at + 4], "big") == 1:
                valid = _checksum(page, nonce) == data[at + 4 + page_size : at + record]
                return page if valid else None
        end = start + count * record
        offset = -(-end // sector) * sector  # the next segment starts at a sector boundary
    return None


def _checksum(page: bytes, nonce: int) -> bytes:
    total = nonce
    i = len(page) - 200
    while i > 0:
        total += page[i]
        i -= 200
    return (total & 0xFFFFFFFF).to_bytes(4, "big")


def belongs(path: Path, header: bytes) -> bool:
    """Whether the hot journal beside `path` (whose 100-byte header is `header`) is this
    database's own (see the module's docstring). Call only with a hot journal."""
    try:
        data = journal_of(path).read_bytes()
    except OSError:
        return True  # gone meanwhile (or unreadable: SQLite cannot replay it either)
    if len(data) < _HEADER or data[:8] != _MAGIC:
        return True  # not hot after all: SQLite ignores it
    before, sector, page_size = struct.unpack(">III", data[16:28])
    if page_size != _page_size(header) or sector < 32 or sector & (sector - 1):
        return False
    counter = int.from_bytes(header[_COUNTER : _COUNTER + 4], "big")
    sized = header[_VALID_FOR : _VALID_FOR + 4] == header[_COUNTER : _COUNTER + 4]
    own_size = int.from_bytes(header[_SIZE : _SIZE + 4], "big")
    first = _journal_page_one(data, page_size, sector)
    if first is not None:
        then = int.from_bytes(first[_COUNTER : _COUNTER + 4], "big")
        if counter == (then + 1) & 0xFFFFFFFF:
            return True  # page 1 rewritten by the interrupted commit
        if counter != then:
            return False
    return not sized or own_size == before


def set_aside(path: Path) -> Path:
    """Rename a foreign journal out of SQLite's way; nothing is deleted."""
    journal = journal_of(path)
    for n in range(1, 1000):
        target = journal.with_name(f"{journal.name}.foreign-{n}")
        if not target.exists():
            os.replace(journal, target)
            return target
    raise FileExistsError(journal)


def random_change_counter(path: Path) -> None:
    """Start a new database's change counter at a random value: a journal of another meeting
    then shows as foreign (`belongs`). Called with no connection open on the file."""
    import secrets  # ~8 ms of hashlib at import: only when a journal is written

    value = secrets.randbits(31).to_bytes(4, "big")
    with open(path, "r+b") as file:
        header = bytearray(file.read(100))
        if header[_VALID_FOR : _VALID_FOR + 4] == header[_COUNTER : _COUNTER + 4]:
            header[_VALID_FOR : _VALID_FOR + 4] = value  # keeps the header's size trusted
        header[_COUNTER : _COUNTER + 4] = value
        file.seek(0)
        file.write(header)
        file.flush()
        os.fsync(file.fileno())


def settle(path: Path) -> Path | None:
    """With the writer's lock held: a hot journal that is not this database's is renamed aside
    (the new name returned); this database's own is left for SQLite to play back."""
    if not is_hot(path):
        return None
    from reviewtui.store.connect import inspect

    if belongs(path, inspect(path)):
        return None
    return set_aside(path)


def recover(path: Path) -> None:
    """Play this database's own hot journal back, as the next writer would (readers open the
    file read-only, and SQLite cannot roll back through a read-only connection). Only with
    the writer's lock held and `settle` done; what fails here, the read-only open reports."""
    import sqlite3

    from reviewtui.store.connect import uri

    try:
        conn = sqlite3.connect(uri(path, "rw"), uri=True, isolation_level=None)
        try:
            conn.execute("PRAGMA schema_version").fetchone()  # reading page 1 plays it back
        finally:
            conn.close()
    except sqlite3.Error:
        pass
