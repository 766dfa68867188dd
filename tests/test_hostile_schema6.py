"""Hostile tests of schema 6 (a segment's kind references `segment_kinds`): the upgrade of a
0.3.0 file under a full or read-only disk, after a killed upgrade, with a reference the sqlite3
shell left dangling; a file a later release wrote (a kind this release does not declare) read
and recorded in. Each failed before its fix."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.errors import UserError
from reviewtui.export import md
from reviewtui.meeting.models import Segment
from reviewtui.minutes import read_minutes
from reviewtui.minutes.time_stats import time_stats
from reviewtui.store import SCHEMA_VERSION, Store, backup_path, open_session
from reviewtui.store.lock import WriterLock
from reviewtui.tui.widgets.records import head_width, record_text
from tests.test_upgrade_v5 import copy_fixture, records

# A kind a later release declared (not this one's), as that release would have written it.
LATER = "follow_up"


@pytest.fixture
def v5(tmp_path: Path) -> Path:
    return copy_fixture("small", tmp_path)


def _shell(db: Path, *statements: str) -> None:
    """Edit the file as the sqlite3 shell does: foreign keys off (its default)."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


# -- the upgrade ---------------------------------------------------------------------------------


def test_a_reference_left_dangling_by_the_sqlite3_shell_does_not_stop_the_upgrade(
    v5: Path,
) -> None:
    """A question deleted with the sqlite3 shell leaves its answer and its rectification line
    pointing at nothing; 0.3.0 records on in that file. The upgrade kept refusing it ('internal
    error: MigrationFailed'), so this release could never record in it again."""
    _shell(v5, "DELETE FROM segments WHERE id = 2")
    edited = v5.read_bytes()
    rows = records(v5)
    store = Store.open_writer(v5)
    try:
        assert store.version == SCHEMA_VERSION
    finally:
        store.close()
    assert records(v5) == rows  # every row as it was, the dangling ones too
    assert backup_path(v5, 5).read_bytes() == edited


def test_a_full_disk_while_the_copy_is_made_says_so_and_changes_nothing(
    v5: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    """The copy kept before the upgrade fills the disk: it said 'reviewtui internal error:
    OSError: [Errno 28] No space left on device' (exit status 1)."""
    original = v5.read_bytes()

    def full(source: Path, target: Path) -> None:
        Path(target).write_bytes(b"half a copy")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfile", full)
    result = cli("ballots", "import", v5, v5.with_suffix(".csv"))
    assert result.code == 2
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert str(v5) in result.stderr and os.strerror(errno.ENOSPC) in result.stderr
    assert v5.read_bytes() == original
    assert sorted(p.name for p in v5.parent.iterdir()) == ["small-v5.db", "small-v5.toml"]
    monkeypatch.undo()
    Store.open_writer(v5).close()  # space freed: the upgrade goes through
    assert backup_path(v5, 5).read_bytes() == original


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_read_only_disk_says_so(v5: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    """A meeting on a read-only disk (a write-protected USB stick) opened by `run`: 'reviewtui
    internal error: OSError: [Errno 30] Read-only file system' (the lock's descriptor)."""
    i18n.set_lang(lang)
    original = v5.read_bytes()

    def read_only(self: WriterLock) -> bool:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self.path))

    monkeypatch.setattr(WriterLock, "acquire", read_only)
    with pytest.raises(UserError) as caught:
        open_session(v5, write=True)
    message = "\n".join(caught.value.lines)
    assert str(v5) in message and os.strerror(errno.EROFS) in message
    assert ("results" in message) and ("export" in message)  # what still works
    assert v5.read_bytes() == original


def test_the_copy_is_as_private_as_the_meeting(v5: Path) -> None:
    """A meeting is owner-only from its first byte (0600: it holds the ballots); the copy kept
    before the upgrade was 0644, readable by every user of the machine."""
    v5.chmod(0o600)
    before = os.umask(0o022)
    try:
        Store.open_writer(v5).close()
    finally:
        os.umask(before)
    assert stat.S_IMODE(backup_path(v5, 5).stat().st_mode) == 0o600


def test_half_a_copy_left_by_a_killed_upgrade_is_removed(v5: Path) -> None:
    """A writer killed while it copied the file left `.NAME.db.v5.bak.PID.tmp` (as big as the
    meeting) in the folder for good: the next open made its own copy beside it."""
    stale = v5.with_name(f".{v5.name}.v5.bak.4242.tmp")
    stale.write_bytes(b"half a copy")
    original = v5.read_bytes()
    Store.open_writer(v5).close()
    assert not stale.exists()
    assert backup_path(v5, 5).read_bytes() == original


# -- a file a later release wrote ------------------------------------------------------------------


@pytest.fixture
def later(v5: Path) -> Iterator[Path]:
    """The v5 meeting upgraded, then recorded in by a later release that declared a kind: one
    follow-up of 60 s (planned 30) with text, on the first unit."""
    Store.open_writer(v5).close()
    _shell(
        v5,
        f"INSERT INTO segment_kinds (name) VALUES ('{LATER}')",
        "INSERT INTO segments (item_id, kind, speaker, text, planned, started_at, ended_at) "
        f"VALUES (1, '{LATER}', '区委书记', '追问的要点', 30, "
        "'2017-02-24T14:40:00.000+08:00', '2017-02-24T14:41:00.000+08:00')",
    )
    yield v5


def test_time_statistics_count_a_kind_this_release_does_not_declare(later: Path) -> None:
    """The follow-up's minute (30 s over its plan) was missing from every table of the time
    statistics and from the count of over-runs, while the agenda counted it in the item's time."""
    store = Store.open_reader(later)
    try:
        stats = time_stats(read_minutes(store))
    finally:
        store.close()
    kinds = {k.name: k for k in stats.kinds}
    assert kinds[LATER].count == 1 and kinds[LATER].overtime == 1
    phases = {p.phase: p for p in stats.items[0].phases}
    assert phases[LATER].spoken == 60.0


def test_the_minutes_give_the_text_of_a_kind_this_release_does_not_declare(later: Path) -> None:
    """Under its stored name; its text was nowhere in the minutes (md, docx)."""
    store = Store.open_reader(later)
    try:
        text = md.render(read_minutes(store))
    finally:
        store.close()
    assert f"{LATER}: 追问的要点" in text.replace("\\_", "_")


def test_this_release_records_in_a_later_releases_file(later: Path) -> None:
    """Opened for writing: nothing of the later release's is removed, and recording goes on."""
    from reviewtui.meeting import Meeting

    store = open_session(later, write=True)
    try:
        assert LATER in {r["name"] for r in store.rows("SELECT name FROM segment_kinds")}
        meeting = Meeting(store)
        meeting.open_item(1)
        meeting.start_report()
        kinds = [r["kind"] for r in store.rows("SELECT kind FROM segments ORDER BY id")]
        assert kinds.count(LATER) == 1 and kinds[-1] == "report"
    finally:
        store.close()


def test_a_record_of_a_longer_kind_keeps_its_name_apart_from_the_speaker() -> None:
    """The live screen's record read 'follow_up区委书记' (the kind column is as wide as the
    longest declared name)."""
    at = datetime(2017, 2, 24, 14, 40, tzinfo=timezone(timedelta(hours=8)))
    ended = at + timedelta(minutes=1)
    segment = Segment(1, 1, LATER, "区委书记", "", None, 30.0, at, ended, None, 0)
    line = record_text(segment, None, None, at + timedelta(minutes=2)).plain
    assert line.startswith(f"14:40:00  {LATER}  区委书记")
    assert head_width() >= len("14:40:00  ")


@pytest.mark.parametrize("fmt", ["rectify", "feedback", "notice"])
def test_a_rectification_line_of_a_later_kind_is_exported(later: Path, cli, fmt: str) -> None:
    """Schema 6 lets a line's source be any kind: a later release's line (source 'follow_up',
    one following its record, one with its own text) made `export rectify`, `feedback` and
    `notice` fail with 'internal error: KeyError: rectify.source.follow_up'."""
    segment = records(later)["segments"][-1][0]
    _shell(
        later,
        "INSERT INTO problems (unit, pos, source, segment_id, problem) "
        f"VALUES ('雁翅镇党委', 9, '{LATER}', {segment}, NULL), "
        f"('雁翅镇党委', 10, '{LATER}', {segment}, '追问引出的问题')",
    )
    result = cli("export", later, "--format", fmt, "-o", later.parent)
    assert result.code == 0, result.output


def test_the_rectification_list_reads_a_later_kinds_line(later: Path) -> None:
    """Under the kind's stored name, with its record's text and speaker (the text was empty)."""
    from reviewtui.export.rectify import said_by, source_label
    from reviewtui.rectify import read_lines

    segment = records(later)["segments"][-1][0]
    _shell(
        later,
        "INSERT INTO problems (unit, pos, source, segment_id, problem) "
        f"VALUES ('雁翅镇党委', 9, '{LATER}', {segment}, NULL)",
    )
    store = Store.open_reader(later)
    try:
        line = next(x for x in read_lines(store) if x.source == LATER)
    finally:
        store.close()
    assert (line.problem, line.speaker) == ("追问的要点", "区委书记")
    assert source_label(line) == f"{LATER} (区委书记)"
    assert said_by(line) == f"{LATER} (区委书记)"


@pytest.mark.parametrize("emptied", [False, True])
def test_a_segment_whose_kind_the_file_does_not_list_can_be_deleted_and_put_back(
    v5: Path, emptied: bool
) -> None:
    """A segment another program wrote with foreign keys off (its kind not in `segment_kinds`),
    or a `segment_kinds` emptied by hand: undoing the deletion of such a segment failed with
    'sqlite3.IntegrityError: FOREIGN KEY constraint failed' (a traceback; ctrl+z on the live
    screen). The writer now lists every kind its segments have."""
    from reviewtui.meeting import Meeting

    Store.open_writer(v5).close()
    _shell(
        v5,
        "INSERT INTO segments (item_id, kind, speaker, text, planned, started_at, ended_at) "
        "VALUES (1, 'bogus', '某人', '别的程序写的', 30, "
        "'2017-02-24T14:40:00.000+08:00', '2017-02-24T14:41:00.000+08:00')",
        *(["DELETE FROM segment_kinds"] if emptied else []),
    )
    store = open_session(v5, write=True)
    try:
        meeting = Meeting(store)
        kinds_before = [s.kind for s in meeting.segments(1)]
        bogus = next(s for s in meeting.segments(1) if s.kind == "bogus")
        meeting.delete_segment(bogus.id)
        assert meeting.undo() is not None
        assert [s.kind for s in meeting.segments(1)] == kinds_before
        assert not store.rows("PRAGMA foreign_key_check")
    finally:
        store.close()


def test_an_upgrade_stopped_between_steps_leaves_the_file_at_its_own_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release-1 file goes through five steps; stopped after the fourth (ctrl+c, a kill, a
    power cut between two commits) it was left at version 5, a file no release made, and the
    next open kept that as `NAME.db.v5.bak` and named it as 'the file as it was'."""
    from reviewtui.store import migrations
    from tests.test_upgrade import copy_fixture as copy_v1

    db = copy_v1("small", tmp_path)
    original = db.read_bytes()

    def stopped(conn: sqlite3.Connection) -> None:
        raise KeyboardInterrupt

    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION, stopped)
    with pytest.raises(KeyboardInterrupt):
        Store.open_writer(db)
    monkeypatch.undo()
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    store = Store.open_writer(db)
    try:
        assert store.backup == backup_path(db, 1)
        assert str(backup_path(db, 1)) in store.notices[0]
    finally:
        store.close()
    assert backup_path(db, 1).read_bytes() == original
    assert not backup_path(db, 5).exists()


def test_two_rows_for_one_record_have_keys_of_their_own(v5: Path) -> None:
    from reviewtui.rectify import read_lines

    _shell(
        v5,
        "INSERT INTO problems (unit, pos, source, segment_id, problem) "
        "VALUES ('雁翅镇党委', 9, 'question', 2, '另写的一条')",
    )
    store = Store.open_reader(v5)
    try:
        keys = [line.key for line in read_lines(store)]
    finally:
        store.close()
    assert len(keys) == len(set(keys)), keys
    from reviewtui.rectify import Rectification

    writer = Store.open_writer(v5)
    try:
        second = next(line for line in read_lines(writer) if line.problem == "另写的一条")
        assert second.key.startswith("p") and second.segment_id == 2
        first = next(line for line in read_lines(writer) if line.key == "s2")
        Rectification(writer).edit(second.key, owner="另一位责任人")
        owners = {line.key: line.owner for line in read_lines(writer) if line.segment_id == 2}
        assert owners == {"s2": first.owner, second.key: "另一位责任人"}  # that row alone
    finally:
        writer.close()
