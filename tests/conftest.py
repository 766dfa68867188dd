"""Shared fixtures for reviewtui's tests.

Every test runs hermetically: the language is English and LC_ALL/LANG are unset unless the test
sets them, the real clock is restored afterwards, and REVIEWTUI_DEBUG is off.

Fixtures:

- `fake_clock`: a `reviewtui.clock.FakeClock` installed as the clock, standing at
  `FAKE_START` (2017-02-24 14:30:00+08:00); `fake_clock.advance(seconds)` moves it.
- `lang`: parametrized over "zh" and "en"; sets `i18n.set_lang` for the test (a test that asks
  for it runs once per language). The autouse fixture restores "en" afterwards.
- `small_session`, `sample_session`: a fresh copy of `sessions/small.toml` /
  `sessions/mentougou-2017.toml` in `tmp_path` (its database will be created beside it).
- `small_store`: a writer `Store` created from `small_session`, closed after the test.
- `cli`: `cli("check", path, env={"LANG": "zh_CN.UTF-8"})` runs `reviewtui.cli.fast.main` in this
  process and returns a `CliResult` (`code`, `stdout`, `stderr`, `output`).

Paths: `ROOT`, `SESSIONS`, `BAD` (the broken session files) are module constants, also given as
the fixtures `root_dir`, `sessions_dir` and `bad_dir`.

Temporary files (`tmp_path`, `tempfile`, and the processes tests start) go to a RAM file system
where Linux has one (/dev/shm), unless TMPDIR is set: every commit of a meeting database syncs
to disk (FULL), and on a shared disk those syncs were a third of the suite's time. The code under
test is the same; only the disk under the test's own files is faster. A test that races a
disk's sync (kills a process while its journal is hot) takes `disk_tmp_path` instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from reviewtui import clock, i18n

if TYPE_CHECKING:
    from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
SESSIONS = ROOT / "sessions"
BAD = ROOT / "tests" / "fixtures" / "bad"

FAKE_START = datetime(2017, 2, 24, 14, 30, 0, tzinfo=timezone(timedelta(hours=8)))


# Where temporary files went before: for the tests that race a real disk's sync (`disk_tmp_path`).
# Kept in the environment for xdist's workers, which inherit TMPDIR already in RAM.
DISK_TEMP = Path(os.environ.setdefault("REVIEWTUI_TESTS_DISK_TMP", tempfile.gettempdir()))


def _temporary_files_in_ram() -> None:
    shm = Path("/dev/shm")
    if os.environ.get("TMPDIR") or not sys.platform.startswith("linux") or not shm.is_dir():
        return
    folder = shm / f"reviewtui-tests-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return
    if os.access(folder, os.W_OK):
        os.environ["TMPDIR"] = str(folder)  # inherited by xdist's workers and subprocesses
        tempfile.tempdir = None  # computed again from TMPDIR


_temporary_files_in_ram()


def _quicker_pilot_settling() -> None:
    """Textual's pilot waits after each key (twice) and at each `pause()` until the process looks
    idle: it sleeps 20 ms windows until one passes with under 1 ms of CPU. Waiting, not working,
    was half the time of the screen tests (a key pressed cost 40 ms of sleep). Windows of 5 ms
    keep the same test (a window with under 1/20 of it in CPU), four times as often; the events
    `press` waits for (every message queued before it handled) are unchanged."""
    import textual._wait as settle

    settle.SLEEP_GRANULARITY = 0.005
    settle.SLEEP_IDLE = settle.SLEEP_GRANULARITY / 20.0


_quicker_pilot_settling()

# Environment variables that would make a test depend on the machine it runs on.
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "REVIEWTUI_DEBUG")


@pytest.fixture(autouse=True)
def _hermetic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English, no locale from the environment, the real clock restored after the test."""
    for name in _LOCALE_VARS:
        monkeypatch.delenv(name, raising=False)
    i18n.set_lang("en")
    yield
    i18n.set_lang("en")
    clock.set_source(None)


@pytest.fixture
def root_dir() -> Path:
    return ROOT


@pytest.fixture
def sessions_dir() -> Path:
    return SESSIONS


@pytest.fixture
def bad_dir() -> Path:
    return BAD


@pytest.fixture
def fake_clock() -> Iterator[clock.FakeClock]:
    """The clock stands still at FAKE_START until the test calls `advance(seconds)`."""
    fake = clock.FakeClock(FAKE_START)
    clock.set_source(fake)
    yield fake
    clock.set_source(None)


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    """Run the test once in Chinese and once in English; the value is the language."""
    return i18n.set_lang(request.param)


def _copy(name: str, folder: Path) -> Path:
    target = folder / name
    shutil.copyfile(SESSIONS / name, target)
    return target


@pytest.fixture
def small_session(tmp_path: Path) -> Path:
    """A copy of sessions/small.toml (3 units, 2 leaders, 2 groups) in tmp_path."""
    return _copy("small.toml", tmp_path)


@pytest.fixture
def sample_session(tmp_path: Path) -> Path:
    """A copy of sessions/mentougou-2017.toml (the seed's meeting) in tmp_path."""
    return _copy("mentougou-2017.toml", tmp_path)


@pytest.fixture
def small_store(small_session: Path) -> Iterator[Store]:
    """The writer Store of a new database (small_session with .db), closed after the test."""
    from reviewtui.store import open_session

    store = open_session(small_session, write=True)
    try:
        yield store
    finally:
        store.close()


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


@pytest.fixture
def cli():
    """Run `reviewtui ARGS...` in this process, through `main` (its exit codes and messages)."""
    from reviewtui.cli.fast import main

    def run(*args: str | Path, env: Mapping[str, str | None] | None = None) -> CliResult:
        previous = i18n.get_lang()
        runner = CliRunner()
        with runner.isolation(env=env) as (stdout, stderr, _):
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = _exit_code(exc)
            sys.stdout.flush()
            sys.stderr.flush()
            result = CliResult(
                code,
                stdout.getvalue().decode("utf-8", "replace"),
                stderr.getvalue().decode("utf-8", "replace"),
            )
        i18n.set_lang(previous)  # whatever language the command chose
        return result

    return run


@pytest.fixture
def disk_tmp_path() -> Iterator[Path]:
    """A fresh folder on the disk temporary files used before they moved to RAM: for a test
    that needs a commit to take a disk's time (a RAM file system syncs at once)."""
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-disk-", dir=DISK_TEMP))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
