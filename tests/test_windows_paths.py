"""What differs on Windows, tested on Linux by simulating the platform where the code branches:
the msvcrt lock, no SIGHUP, consoles that are not UTF-8 (GBK), drive letters and backslashes,
and the file names Windows forbids. None of this has run on a real Windows machine (README)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import types
from pathlib import Path

import pytest

from reviewtui import portable
from reviewtui.store import lock as lock_module
from reviewtui.store.lock import WriterLock

ROOT = Path(__file__).resolve().parent.parent


class FakeMsvcrt(types.ModuleType):
    """msvcrt.locking as Windows does it: a byte range locked per file, mandatory, refused to
    any other descriptor (LK_NBLCK raises OSError at once)."""

    LK_UNLCK, LK_LOCK, LK_NBLCK = 0, 1, 2

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int], int] = {}  # (inode, offset) -> fd
        self.calls: list[tuple[int, int, int]] = []

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        key = (os.fstat(fd).st_ino, offset)
        self.calls.append((mode, offset, nbytes))
        if mode == self.LK_NBLCK:
            if key in self.held and self.held[key] != fd:
                raise OSError(36, "Resource deadlock avoided")
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if self.held.get(key) != fd:
                raise OSError(13, "Permission denied")
            del self.held[key]


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> FakeMsvcrt:
    fake = FakeMsvcrt()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def test_the_writer_lock_uses_msvcrt_on_one_byte_far_from_sqlites(
    windows: FakeMsvcrt, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    db.write_bytes(b"")
    first, second = WriterLock(db), WriterLock(db)
    assert first.acquire()
    assert not second.acquire(), "a second writer is refused while the first holds the lock"
    first.release()
    assert second.acquire(), "released: the next writer gets it"
    second.release()
    offsets = {offset for _, offset, _ in windows.calls}
    assert offsets == {lock_module._WINDOWS_LOCK_OFFSET}
    assert lock_module._WINDOWS_LOCK_OFFSET > 2**30 + 512  # past SQLite's lock bytes at 1 GiB
    assert {n for *_, n in windows.calls} == {1}
    assert windows.LK_UNLCK in {mode for mode, *_ in windows.calls}


def test_without_sighup_only_the_signals_the_system_has_are_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert signal.SIGHUP in portable.shutdown_signals()
    monkeypatch.delattr(signal, "SIGHUP")  # as on Windows
    assert portable.shutdown_signals() == (signal.SIGTERM,)


def test_the_app_takes_its_signals_from_the_portable_list() -> None:
    """Nothing but `portable` names SIGHUP (an AttributeError at start-up on Windows): the way
    out (`run`, `projector`, `collect`) takes the portable list."""
    for path in (ROOT / "reviewtui").rglob("*.py"):
        if path.name != "portable.py":
            assert "signal.SIGHUP" not in path.read_text("utf-8"), path
    assert "portable.shutdown_signals()" in (ROOT / "reviewtui" / "way_out.py").read_text("utf-8")


@pytest.mark.parametrize(
    "name",
    ["CON", "con.toml", "aux.docx", "NUL.md", "Com1.csv", "lpt9.xlsx", "a:b.md", "x?.csv",
     'say"hi".md', "a|b.md", "ends.", "ends "],
)  # fmt: skip
def test_names_windows_forbids(name: str) -> None:
    assert portable.name_problem(name) is not None


@pytest.mark.parametrize(
    "name", ["会议记录.docx", "console.md", "auxiliary.docx", "com10.csv", "a.b.c.md", "con_1.md"]
)
def test_names_windows_allows(name: str) -> None:
    assert portable.name_problem(name) is None


def test_drive_letters_and_backslashes_split_the_windows_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = "C:\\Users\\秘书\\会议\\aux.docx"
    assert portable.file_name(path) == path  # on Linux: one file name, with ':' and '\'
    monkeypatch.setattr(sys, "platform", "win32")
    assert portable.file_name(path) == "aux.docx"
    assert portable.file_name("D:\\会议\\记录.docx") == "记录.docx"
    assert portable.file_name("D:记录.docx") == "记录.docx"  # a drive's current folder


@pytest.mark.parametrize("name", ["CON", "aux.docx", "a:b.docx"])
def test_export_refuses_a_forbidden_name_with_exit_2(
    cli, small_session: Path, tmp_path: Path, name: str
) -> None:
    assert cli("results", small_session, "--json").code == 0  # the database exists
    db = small_session.with_suffix(".db")
    before = db.read_bytes()
    out = tmp_path / name
    result = cli("export", small_session, "--format", "docx", "-o", out)
    assert result.code == 2, result.output
    assert "Windows" in result.stderr and str(out) in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()
    assert db.read_bytes() == before


def test_a_windows_path_given_on_linux_is_refused_and_shown_as_typed(
    cli, small_session: Path
) -> None:
    assert cli("results", small_session, "--json").code == 0  # the database exists
    typed = "C:\\会议\\记录.docx"
    result = cli("export", small_session, "--format", "docx", "-o", typed)
    assert result.code == 2, result.output
    assert typed in result.stderr  # backslashes as typed, not doubled or escaped
    assert "Windows" in result.stderr


def test_a_windows_path_is_refused_by_name_on_windows(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from reviewtui.errors import UserError
    from reviewtui.output import check_target

    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(UserError, match=r"C:\\会议\\AUX\.docx: cannot be written \(Windows"):
        check_target(Path("C:\\会议\\AUX.docx"))
    check_target(tmp_path / "记录.docx")  # an allowed name passes


def _check_on_console(encoding: str, session: Path, lang: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONUTF8", None)
    return subprocess.run(
        [sys.executable, "-m", "reviewtui", "check", str(session), "--lang", lang],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(("encoding", "lang"), [("gbk", "zh"), ("cp437", "en")])
def test_check_on_a_console_that_is_not_utf8(encoding: str, lang: str, small_session: Path) -> None:
    """A Chinese Windows console is GBK (code page 936), an English one cp437: what `check`
    prints must not fail on a character they lack (a name with 𠮷, an emoji, a ✓)."""
    text = small_session.read_text("utf-8")
    small_session.write_text(text.replace("雁翅镇党委", "𠮷野镇党委😀", 1), "utf-8")
    bad = small_session.with_name("bad.toml")
    bad.write_text(text.replace("雁翅镇党委", "𠮷野镇党委😀", 1) + "\n[nonsense]\nx = 1\n", "utf-8")
    good = _check_on_console(encoding, small_session, lang)
    assert good.returncode == 0, good.stderr.decode(encoding, "replace")
    wrong = _check_on_console(encoding, bad, lang)
    assert wrong.returncode == 2, wrong.stderr.decode(encoding, "replace")
    for output in (good.stdout, good.stderr, wrong.stdout, wrong.stderr):
        shown = output.decode(encoding)  # what the console shows: its own encoding, no error
        assert "UnicodeEncodeError" not in shown and "internal error" not in shown
    assert wrong.stderr.strip(), "the mistake is reported"
