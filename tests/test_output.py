"""Output paths (SPEC section 4): `-o` never replaces the meeting's own files, a link, a device, a
FIFO or a folder; temporary files are exclusive; modes are kept; OS errors read as messages."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from test_minutes import build

from reviewtui import clock, output
from reviewtui.assessment import ballots
from reviewtui.errors import UserError
from reviewtui.store import Store


@pytest.fixture
def meeting_db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    return build(small_session, fake_clock)


def export(cli, db: Path, target: Path | str, fmt: str = "md"):
    return cli("export", db, "--format", fmt, "-o", target)


def test_never_onto_the_meetings_own_files(cli, meeting_db: Path, small_session: Path) -> None:
    before = meeting_db.read_bytes()
    toml = small_session.read_bytes()
    for target in (meeting_db, small_session):
        for fmt in ("json", "xlsx"):
            result = export(cli, meeting_db, target, fmt)
            assert result.code == 2, result.output
            assert "Traceback" not in result.output
            assert "meeting's own file" in result.stderr
    # through the session file too, and onto SQLite's files beside the database
    wal = meeting_db.with_name(meeting_db.name + "-wal")
    wal.write_bytes(b"")
    for target in (meeting_db, wal, meeting_db.with_name(meeting_db.name + "-shm")):
        assert export(cli, small_session, target).code == 2
    assert wal.read_bytes() == b""
    # a hard link to the database and a path spelt another way are the same file
    link = meeting_db.with_name("other-name.db")
    os.link(meeting_db, link)
    assert export(cli, meeting_db, link).code == 2
    assert export(cli, meeting_db, meeting_db.parent / "." / meeting_db.name).code == 2
    assert meeting_db.read_bytes() == before and small_session.read_bytes() == toml
    wal.unlink()  # planted above as a target; a reader refuses any -wal beside the database
    assert Store.open_reader(meeting_db).close() is None  # still a meeting database


def test_never_through_a_symbolic_link(cli, meeting_db: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    result = export(cli, meeting_db, link)
    assert result.code == 2 and "symbolic link" in result.stderr
    assert link.is_symlink() and os.readlink(link) == str(victim)
    assert victim.read_text(encoding="utf-8") == "keep me"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert export(cli, meeting_db, dangling).code == 2
    assert dangling.is_symlink() and not (tmp_path / "nowhere.md").exists()


def test_never_onto_what_is_not_a_regular_file(cli, meeting_db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = export(cli, meeting_db, fifo)  # must not block on the FIFO either
    assert result.code == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    null = Path(os.devnull)
    before = os.lstat(null)
    for target in (null, Path("/dev/full")):
        if target.exists():
            result = export(cli, meeting_db, target)
            assert result.code == 2, result.output
            assert "not a regular file" in result.stderr
    after = os.lstat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(UserError, match="folder"):
        output.write_file("x", folder)
    assert folder.is_dir() and not list(folder.iterdir())


def test_an_existing_files_mode_is_kept(cli, meeting_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "secret.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    assert export(cli, meeting_db, target).code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_folder_and_too_long_names(cli, meeting_db: Path, tmp_path: Path) -> None:
    result = export(cli, meeting_db, tmp_path / "missing" / "x.md")
    assert result.code == 2 and "does not exist" in result.stderr
    longest = tmp_path / ("长" * 80 + ".md")  # 243 bytes: legal, and no temporary suffix added
    assert export(cli, meeting_db, longest).code == 0 and longest.is_file()
    too_long = tmp_path / ("x" * 300 + ".md")
    result = export(cli, meeting_db, too_long)
    assert result.code == 2, result.output
    assert "too long" in result.stderr and "Traceback" not in result.output


def test_disk_full_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(output.os, "write", full)
    with pytest.raises(UserError, match="disk is full"):
        output.write_file("new", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_temporary_files_are_exclusive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    names = iter(["planted", "fresh"])
    monkeypatch.setattr(output.secrets, "token_hex", lambda n: next(names))
    planted = tmp_path / ".reviewtui-planted.tmp"
    planted.symlink_to(victim)
    output.write_file("data", tmp_path / "out.md")
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == "data"
    assert victim.read_text(encoding="utf-8") == "keep me" and planted.is_symlink()


def test_ballot_csv_goes_through_the_safe_writer(meeting_db: Path, tmp_path: Path) -> None:
    store = Store.open_writer(meeting_db)
    try:
        before = meeting_db.read_bytes()
        with pytest.raises(UserError):
            ballots.export_csv(store, meeting_db)
        assert meeting_db.read_bytes() == before
        link = tmp_path / "link.csv"
        link.symlink_to(tmp_path / "elsewhere.csv")
        with pytest.raises(UserError):
            ballots.export_csv(store, link)
        assert ballots.export_csv(store, tmp_path / "ok.csv") == 5
    finally:
        store.close()


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "reviewtui", *args],
        capture_output=kwargs.pop("capture", True),  # type: ignore[arg-type]
        text=True,
        env=env,
        timeout=60,
        **kwargs,  # type: ignore[arg-type]
    )


def test_stdout_closed_pipe_is_exit_0(meeting_db: Path) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written, as after `| head`
    try:
        for args in (
            ["export", str(meeting_db), "--format", "md", "-o", "-"],
            ["results", str(meeting_db), "--json"],
        ):
            done = subprocess.run(
                [sys.executable, "-m", "reviewtui", *args],
                stdout=write,
                stderr=subprocess.PIPE,
                text=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    finally:
        os.close(write)


def test_stdout_closed_or_full_is_exit_2(meeting_db: Path) -> None:
    args = [sys.executable, "-m", "reviewtui", "export", str(meeting_db), "--format", "md"]
    closed = subprocess.run(
        [*args, "-o", "-"],
        stdout=None,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(1),
    )
    assert closed.returncode == 2, closed.stderr
    assert "standard output is closed" in closed.stderr
    if Path("/dev/full").exists():
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                [*args, "-o", "-"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert done.returncode == 2, done.stderr
        assert "disk is full" in done.stderr


def test_a_copied_db_keeps_its_session_file_and_backups(
    cli, meeting_db: Path, tmp_path: Path
) -> None:
    """A .db copied with its session file (the recorded source is on another laptop) and the
    upgrade backup beside it: `export COPY.db -o COPY.toml` or `-o COPY.db.v1.bak` is refused."""
    folder = tmp_path / "copy"
    folder.mkdir()
    db = folder / "m.db"
    db.write_bytes(meeting_db.read_bytes())
    for name in ("m.toml", "m.db.v1.bak"):
        (folder / name).write_text("keep", encoding="utf-8")
        result = export(cli, db, folder / name, "json")
        assert result.code == 2, result.output
        assert "meeting's own file" in result.stderr
        assert (folder / name).read_text("utf-8") == "keep"


def test_print_never_onto_the_meetings_own_files(
    cli, meeting_db: Path, small_session: Path, tmp_path: Path
) -> None:
    """`print SESSION forms -o m.db` wrote the form over the meeting database (exit 0)."""
    before, toml = meeting_db.read_bytes(), small_session.read_bytes()
    link = tmp_path / "link.docx"
    link.symlink_to(tmp_path / "elsewhere.docx")
    for session in (small_session, meeting_db):
        for target in (meeting_db, small_session, link, Path("/dev/null")):
            result = cli("print", session, "forms", "-o", target)
            assert result.code == 2, (session, target, result.output)
            assert "Traceback" not in result.output
    assert meeting_db.read_bytes() == before and small_session.read_bytes() == toml
    assert not (tmp_path / "elsewhere.docx").exists()
    done = cli("print", small_session, "forms", "-o", tmp_path / "forms.docx")
    assert done.code == 0, done.output
    assert (tmp_path / "forms.docx").read_bytes()[:2] == b"PK"


def test_print_into_a_folder_writes_the_default_name(
    cli, meeting_db: Path, small_session: Path, tmp_path: Path
) -> None:
    """`-o FOLDER` (issue 28, SPEC 4): the document goes inside under its default name, as
    `export` does; `print` said "is a folder; give a file name"."""
    folder = tmp_path / "out"
    folder.mkdir()
    for kind in ("agenda", "forms"):
        done = cli("print", small_session, kind, "-o", folder)
        assert done.code == 0, done.output
        written = folder / f"{small_session.stem}-{kind}.docx"
        assert written.read_bytes()[:2] == b"PK" and str(written) in done.output
