"""The `.db` alone is the meeting; files that are not what they seem are refused with a message.

- A copy of the `.db` file alone, taken while the writer is open, holds every acknowledged
  record; a `-wal` from another meeting planted beside a copy never mixes in.
- A damaged page, `user_version = 0`, a folder named `x.db`, another program's SQLite file, a
  zero-byte file, a FIFO: exit 2 with what the file is and what to do (never a hang, never exit 1).
- Two processes creating the same new database at once both end up with the one database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewtui.errors import UserError
from reviewtui.meeting import Meeting
from reviewtui.plan import load as load_plan
from reviewtui.store import Store, open_session
from reviewtui.store import database as database_module

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v1"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder whose name needs quoting in a URI: messages must show it as a path."""
    place = tmp_path / "会议 资料 %20"
    place.mkdir()
    return place


def _questions(path: Path) -> list[str]:
    reader = Store.open_reader(path)
    try:
        return [r["text"] for r in reader.rows("SELECT text FROM segments WHERE kind = 'question'")]
    finally:
        reader.close()


def test_a_copy_of_the_db_alone_holds_every_acknowledged_record(tmp_path: Path) -> None:
    session = tmp_path / "small.toml"
    shutil.copyfile(SMALL, session)
    store = open_session(session, write=True)
    try:
        meeting = Meeting(store)
        meeting.next_item()
        meeting.start_report()
        meeting.start_question("党代表 张建国", "第一问")
        elsewhere = tmp_path / "stick"
        elsewhere.mkdir()
        shutil.copyfile(store.path, elsewhere / "copy.db")  # the writer is still open
        assert _questions(elsewhere / "copy.db") == ["第一问"]
        assert not list(elsewhere.glob("copy.db-*"))
    finally:
        store.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("small.db")] == ["small.db"]


def _foreign_wal(tmp_path: Path) -> Path:
    """The -wal of another meeting, holding a question that meeting has not checkpointed."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copyfile(SMALL, other / "small.toml")
    open_session(other / "small.toml", write=True).close()
    db = other / "small.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(
        "INSERT INTO segments (item_id, kind, speaker, text, started_at) "
        "VALUES (1, 'question', 'x', '别的会议的问题', 't')"
    )
    wal = tmp_path / "planted-wal"
    shutil.copyfile(f"{db}-wal", wal)
    conn.close()
    return wal


def test_a_foreign_wal_beside_a_copy_never_mixes_in(tmp_path: Path) -> None:
    wal = _foreign_wal(tmp_path)
    session = tmp_path / "small.toml"
    shutil.copyfile(SMALL, session)
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.next_item()
    meeting.start_question("党代表 张建国", "本会议的问题")
    store.close()
    copy = tmp_path / "copy" / "small.db"
    copy.parent.mkdir()
    shutil.copyfile(store.path, copy)
    shutil.copyfile(wal, f"{copy}-wal")

    with pytest.raises(UserError) as refused:  # a reader never writes: it says what to do
        Store.open_reader(copy)
    assert str(copy) + "-wal" in "\n".join(refused.value.lines)

    writer = Store.open_writer(copy)  # the writer sets it aside, and says so
    try:
        assert writer.notices
        assert [r["text"] for r in writer.rows("SELECT text FROM segments")] == ["本会议的问题"]
    finally:
        writer.close()
    assert _questions(copy) == ["本会议的问题"]
    assert list(copy.parent.glob("small.db-wal.foreign-*"))  # kept, not deleted


# ------------------------------------------------------------------------------------------------
# Files that are not what they seem


def _made(folder: Path) -> Path:
    shutil.copyfile(SMALL, folder / "small.toml")
    open_session(folder / "small.toml", write=True).close()
    return folder / "small.db"


def _damaged_page(folder: Path) -> Path:
    db = _made(folder)
    data = bytearray(db.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = b"\xa5" * page  # a whole b-tree page of garbage
    db.write_bytes(bytes(data))
    return db


def _version_zero(folder: Path) -> Path:
    db = _made(folder)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    return db


def _folder(folder: Path) -> Path:
    (folder / "x.db").mkdir()
    return folder / "x.db"


def _other_program(folder: Path) -> Path:
    conn = sqlite3.connect(folder / "other.db")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    return folder / "other.db"


def _zero_bytes(folder: Path) -> Path:
    (folder / "empty.db").write_bytes(b"")
    return folder / "empty.db"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.db")
    return folder / "pipe.db"


def _not_sqlite(folder: Path) -> Path:
    (folder / "text.db").write_text("hello\n" * 100)
    return folder / "text.db"


CASES = {
    "damaged page": (_damaged_page, ("damaged", "malformed")),
    "user_version 0": (_version_zero, ("no schema version",)),
    "folder": (_folder, ("a folder",)),
    "another program's SQLite file": (_other_program, ("not a reviewtui",)),
    "zero bytes": (_zero_bytes, ("empty",)),
    "FIFO": (_fifo, ("not a regular file",)),
    "not SQLite": (_not_sqlite, ("not an SQLite",)),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["results", "run", "export", "check"])
def test_databases_that_are_not_what_they_seem(cli, folder: Path, case: str, command: str) -> None:
    if case == "FIFO" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    make, words = CASES[case]
    path = make(folder)
    args = {
        "results": ("results", path),
        "run": ("run", path, "--lang", "en"),
        "export": ("export", path, "--format", "json", "-o", folder / "out.json"),
        "check": ("check", path),
    }[command]
    result = cli(*args, env={"LANG": "en_US.UTF-8", "LC_ALL": None})
    assert result.code == 2, result.output
    assert str(path) in result.stderr  # a path, not a percent-encoded file: URI
    assert "file:" not in result.stderr and "%E4" not in result.stderr
    assert any(word in result.stderr for word in words), result.stderr
    assert "Traceback" not in result.output


def test_messages_in_chinese(cli, folder: Path) -> None:
    result = cli("results", _zero_bytes(folder), env={"LANG": "zh_CN.UTF-8", "LC_ALL": None})
    assert result.code == 2 and "0 字节" in result.stderr


# ------------------------------------------------------------------------------------------------
# Two processes creating the same new database


RACER = """
    import sys, time
    from pathlib import Path
    from reviewtui.store import open_session
    go = Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.001)
    store = open_session(sys.argv[1], write=False)
    print(len(store.rows("SELECT id FROM items")))
    store.close()
"""


def test_processes_creating_the_same_database_at_once(tmp_path: Path) -> None:
    session = tmp_path / "small.toml"
    shutil.copyfile(SMALL, session)
    go = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(RACER), str(session), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    go.touch()
    outcomes = [racer.communicate(timeout=60) for racer in racers]
    assert [r.returncode for r in racers] == [0] * 4, outcomes
    assert len({out for out, _ in outcomes}) == 1
    assert not [p for p in tmp_path.iterdir() if ".creating-" in p.name]


def test_the_loser_of_the_race_opens_the_winners_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministically: the database appears between building ours and linking it."""
    session = tmp_path / "small.toml"
    shutil.copyfile(SMALL, session)
    real_link = os.link
    raced: list[Path] = []

    def link(source: str | Path, target: str | Path) -> None:
        if not raced:
            raced.append(Path(target))
            monkeypatch.setattr(database_module.os, "link", real_link)
            Store.create(Path(target), load_plan(session)).close()  # the winner
        real_link(source, target)

    monkeypatch.setattr(database_module.os, "link", link)
    store = open_session(session, write=True)
    try:
        assert raced == [store.path]
        assert Meeting(store).items()
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# The writer's lock on Windows (msvcrt), exercised through a stand-in for msvcrt


class _FakeMsvcrt:
    """msvcrt.locking's contract: LK_NBLCK fails with OSError on bytes another handle holds."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}  # (inode, offset) -> fd holding it

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert nbytes == 1
        spot = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        if mode == self.LK_UNLCK:
            assert self.held.pop(spot) == fd
        elif spot in self.held and self.held[spot] != fd:
            raise OSError(36, "Resource deadlock avoided")
        else:
            self.held[spot] = fd


def test_the_writer_lock_uses_msvcrt_on_windows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewtui.store import lock as lock_module

    fake = _FakeMsvcrt()
    monkeypatch.setattr(lock_module.sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setitem(sys.modules, "fcntl", None)  # as on Windows: no fcntl at all
    path = tmp_path / "m.db"
    path.write_bytes(b"x")
    first, second = lock_module.WriterLock(path), lock_module.WriterLock(path)
    assert first.acquire()
    assert not second.acquire()  # one writer
    (spot,) = fake.held
    assert spot[1] >= 1 << 30  # beyond SQLite's lock bytes, which start at 1 GiB
    first.release()
    assert second.acquire()
    second.release()
    assert not fake.held


DIES_MID_COMMIT = """
    import sys, time
    from reviewtui.store import Store
    store = Store.open_writer(__import__("pathlib").Path(sys.argv[1]))
    store.conn.execute("PRAGMA cache_size = 10")  # would spill pages into the file (it may not)
    with store.transaction("big") as tx:
        for n in range(3000):
            tx.set_meta(f"k{n}", "y" * 500)
        print("SPILLED", flush=True)
        time.sleep(60)
"""


def test_a_writer_killed_mid_write_leaves_the_last_commit(cli, tmp_path: Path) -> None:
    """A reader first after the kill reads the last commit (issue 30.3: readers play a hot
    journal back too, and this release's writer never spills into the file before COMMIT)."""
    db = _made(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(DIES_MID_COMMIT), str(db)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "SPILLED"
    finally:
        child.kill()
        child.wait(timeout=30)
    assert cli("results", db, "--json").code == 0
    Store.open_writer(db).close()
    reader = Store.open_reader(db)
    try:
        assert reader.meta("k1") is None
    finally:
        reader.close()
