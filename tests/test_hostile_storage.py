"""Hostile storage: a full disk, a read-only file, a file removed or replaced under the writer.

Each gives a clear message saying what to do, loses nothing acknowledged, and recording goes on
once the cause is gone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.meeting import Meeting
from reviewtui.store import StorageError, Store, open_session

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"


@pytest.fixture
def meeting(tmp_path: Path):
    session = tmp_path / "small.toml"
    shutil.copyfile(SMALL, session)
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.next_item()
    meeting.start_report()
    yield meeting
    store.close()


def _segments(path: Path) -> int:
    reader = Store.open_reader(path)
    try:
        return len(reader.rows("SELECT id FROM segments"))
    finally:
        reader.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_disk_full_says_what_to_do_and_recovers(meeting: Meeting, lang: str) -> None:
    i18n.set_lang(lang)
    conn = meeting.store.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
    with pytest.raises(StorageError) as caught:
        for n in range(200):
            meeting.start_question("党代表 张建国", "很长的问题" * 200 + str(n))
    message = "\n".join(caught.value.lines)
    assert ("磁盘已满" if lang == "zh" else "disk is full") in message
    before = _segments(meeting.store.path)
    assert before >= 1  # the report and every acknowledged question are still there
    conn.execute("PRAGMA max_page_count = 1073741823")  # space freed
    meeting.start_question("党代表 张建国", "之后的问题")
    assert _segments(meeting.store.path) == before + 1


def test_read_only_database_says_what_to_do(meeting: Meeting) -> None:
    meeting.store.conn.execute("PRAGMA query_only = ON")  # as a file made read-only would act
    with pytest.raises(StorageError) as caught:
        meeting.start_comment(text="点评")
    assert "read-only" in "\n".join(caught.value.lines)
    meeting.store.conn.execute("PRAGMA query_only = OFF")
    meeting.start_comment(text="点评")
    assert [s.kind for s in meeting.segments(1)] == ["report", "comment"]


def test_removed_file_is_written_back(meeting: Meeting) -> None:
    path = meeting.store.path
    os.remove(path)
    meeting.start_question("党代表 张建国", "删除文件之后")
    assert path.exists()
    assert meeting.store.notices  # the screen tells the secretary what happened
    assert _segments(path) == 2
    # The writer holds the lock on the restored file.
    from reviewtui.errors import UserError

    with pytest.raises(UserError):
        Store.open_writer(path)


def test_replaced_file_is_left_alone(meeting: Meeting, tmp_path: Path) -> None:
    path = meeting.store.path
    os.remove(path)
    path.write_bytes(b"someone else's file")
    meeting.start_question("党代表 张建国", "替换文件之后")
    assert path.read_bytes() == b"someone else's file"
    recovered = meeting.store.path
    assert recovered != path and recovered.exists()
    assert _segments(recovered) == 2
