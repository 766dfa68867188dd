"""The release artifacts work offline (SPEC 11). Marked `release`: not in the default run (the
build takes minutes); `.ci/release` builds dist/ and runs them (`pytest -m release`).

- The Linux build, unpacked into an empty folder, runs every command with a bare environment
  (`env -i`) and, where the system allows it, without any network (`unshare -n`): --version,
  check, template and new, results --json, every export format, every print kind, collect
  answering one form on loopback, and the TUI's first screen in tmux with a report started and
  a clean end.
- The Windows and ARM wheel kits resolve completely offline, for CPython 3.11, 3.12 and 3.13.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui import __version__
from reviewtui.export import FORMATS
from reviewtui.prepare.documents import KINDS

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
NAME = f"reviewtui-{__version__}"
PYTHONS = ("3.11", "3.12", "3.13")

pytestmark = pytest.mark.release

sys.path.insert(0, str(ROOT / "packaging"))
import kit_check  # noqa: E402


def artifact(suffix: str) -> Path:
    path = DIST / f"{NAME}-{suffix}"
    if not path.is_file():
        pytest.fail(f"{path} is missing: build it first (python packaging/build.py)")
    return path


def _no_network_allowed() -> bool:
    try:
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


NO_NETWORK = _no_network_allowed()


class Frozen:
    """The unpacked build and a folder to work in, with nothing from this environment."""

    def __init__(self, folder: Path) -> None:
        self.exe = folder / "reviewtui" / "reviewtui"
        self.work = folder / "work"
        self.home = folder / "home"
        self.work.mkdir()
        self.home.mkdir()

    def env(self, lang: str = "C.UTF-8") -> list[str]:
        return ["env", "-i", f"HOME={self.home}", f"LANG={lang}", "TERM=xterm-256color"]

    def run(
        self, *args: str | Path, offline: bool = True, lang: str = "C.UTF-8"
    ) -> subprocess.CompletedProcess[str]:
        command = [*self.env(lang), str(self.exe), *map(str, args)]
        if offline and NO_NETWORK:
            command = ["unshare", "-n", *command]
        return subprocess.run(
            command, cwd=self.work, capture_output=True, text=True, timeout=600, check=False
        )


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Frozen:
    folder = tmp_path_factory.mktemp("empty")
    with tarfile.open(artifact("linux-x86_64.tar.gz")) as tar:
        tar.extractall(folder, filter="tar")
    assert sorted(p.name for p in folder.iterdir()) == ["reviewtui"]
    made = Frozen(folder)
    shutil.copyfile(ROOT / "sessions" / "mentougou-2017.toml", made.work / "m.toml")
    shutil.copyfile(ROOT / "sessions" / "mentougou-2017.xlsx", made.work / "book.xlsx")
    shutil.copyfile(ROOT / "sessions" / "small.toml", made.work / "small.toml")
    return made


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    return result


def test_version(frozen: Frozen) -> None:
    assert ok(frozen.run("--version")).stdout.strip() == f"reviewtui {__version__}"


def test_check_template_and_new(frozen: Frozen) -> None:
    ok(frozen.run("check", "m.toml"))
    ok(frozen.run("check", "m.toml", "--lang", "zh", lang="zh_CN.UTF-8"))
    ok(frozen.run("template", "empty.xlsx"))
    assert zipfile.is_zipfile(frozen.work / "empty.xlsx")
    ok(frozen.run("new", "book.xlsx", "-o", "from-book.toml"))
    ok(frozen.run("check", "from-book.toml"))


def test_results_every_export_and_every_print(frozen: Frozen) -> None:
    data = json.loads(ok(frozen.run("results", "m.toml", "--json")).stdout)
    assert "units" in data
    for name, spec in FORMATS.items():
        out = frozen.work / f"out-{name}.{spec.ext}"
        ok(frozen.run("export", "m.toml", "--format", name, "-o", out))
        assert out.stat().st_size > 0, name
        if spec.ext in ("docx", "xlsx"):
            with zipfile.ZipFile(out) as archive:
                props = archive.read("docProps/core.xml").decode("utf-8")
            assert __version__ in props, f"{name}: the release is not in its properties"
    for kind in KINDS:  # the small meeting: the sample's 102 forms take minutes on a busy CI
        out = frozen.work / f"print-{kind}.docx"
        ok(frozen.run("print", "small.toml", kind, "-o", out))
        assert zipfile.is_zipfile(out), kind
    ok(frozen.run("demo", "--help"))
    conn = sqlite3.connect(frozen.work / "m.db")
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()
    assert meta["created_by"] == f"reviewtui {__version__}"


def test_collect_answers_one_form_on_loopback(frozen: Frozen) -> None:
    """The server runs with `env -i` on 127.0.0.1 (not in a network namespace: the client is
    this test); the tokens are issued by the package under test, as `print forms --qr` does."""
    import httpx2

    from reviewtui.store import open_session
    from tests.phones_server_proc import free_port

    folder = frozen.work / "phones"
    folder.mkdir()
    session = folder / "m.toml"
    session.write_text((ROOT / "sessions" / "small.toml").read_text("utf-8"), "utf-8")
    from reviewtui.phones import tokens

    store = open_session(session, write=True)
    try:
        made = tokens.issue(store)
    finally:
        store.close()
    port = free_port()
    proc = subprocess.Popen(
        [*frozen.env(), str(frozen.exe), "collect", str(session), "--bind", "127.0.0.1",
         "--port", str(port)],
        cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.communicate()
            try:
                if httpx2.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                    break
            except httpx2.HTTPError:
                assert time.monotonic() < deadline, "collect did not start"
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/f/{made[0].token}"
        assert httpx2.get(url, timeout=10).status_code == 200
        reply = httpx2.post(url, data={"c0_0": "1", "c1_0": "2", "c2_0": "3"}, timeout=10)
        assert reply.status_code == 200, reply.text
    finally:
        proc.send_signal(signal.SIGINT)  # ctrl+c, as the screen says (SIGTERM: wt-i20's)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, out + err
    assert "Collection closed" in out
    conn = sqlite3.connect(folder / "m.db")
    try:
        rows = conn.execute("SELECT code, source FROM ballots").fetchall()
    finally:
        conn.close()
    assert (made[0].serial, "phone") in rows or [r[0] for r in rows] == [made[0].serial]


@pytest.fixture
def tmux_session() -> Iterator[str]:
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the first screen of the build")
    name = f"release-{os.getpid()}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)


def screen(name: str) -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True, check=False
    ).stdout


def wait_for(name: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        shown = screen(name)
        if text in shown:
            return shown
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never showed:\n{screen(name)}")


def test_the_first_screen_in_tmux_a_report_and_a_clean_end(
    frozen: Frozen, tmux_session: str
) -> None:
    rc = frozen.work / "tui.rc"
    inner = " ".join([*frozen.env(), str(frozen.exe), "run", "small.toml"])
    if NO_NETWORK:
        inner = f"unshare -n {inner}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", tmux_session, "-x", "120", "-y", "40",
         "-c", str(frozen.work), f"{inner}; echo $? > {rc}; sleep 30"],
        check=True,
    )  # fmt: skip
    wait_for(tmux_session, "雁翅镇党委")  # the agenda: the first unit
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "Enter"], check=True)
    time.sleep(1.5)
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "r"], check=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        conn = sqlite3.connect(frozen.work / "small.db")
        try:
            reports = conn.execute("SELECT count(*) FROM segments WHERE kind = 'report'")
            if reports.fetchone()[0]:
                break
        finally:
            conn.close()
        time.sleep(0.3)
    else:
        raise AssertionError(f"no report was started:\n{screen(tmux_session)}")
    subprocess.run(["tmux", "send-keys", "-t", tmux_session, "C-q"], check=True)
    deadline = time.monotonic() + 60
    while not rc.exists() and time.monotonic() < deadline:
        time.sleep(0.3)
    assert rc.exists(), screen(tmux_session)
    assert rc.read_text().strip() == "0", screen(tmux_session)


@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize(
    ("suffix", "system", "platforms"),
    [
        ("windows-x64.zip", "windows", ("win_amd64",)),
        ("linux-aarch64.tar.gz", "aarch64", kit_check.SYSTEMS["aarch64"][0]),
    ],
)
def test_the_wheel_kits_resolve_offline(
    tmp_path: Path, suffix: str, system: str, platforms: tuple[str, ...], python: str
) -> None:
    path = artifact(suffix)
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            archive.extractall(tmp_path)
    else:
        with tarfile.open(path) as tar:
            tar.extractall(tmp_path, filter="tar")
    (kit,) = tmp_path.iterdir()
    wheels = kit / "wheels"
    expected = {"windows": {"install.bat", "reviewtui.bat", "说明.txt"}, "aarch64": {"install.sh"}}
    assert expected[system] <= {p.name for p in kit.iterdir()}
    assert kit_check.missing(wheels, system, python) == []
    platform_args = [arg for p in platforms for arg in ("--platform", p)]
    resolved = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
         "--no-index", "--find-links", str(wheels), "--only-binary=:all:", *platform_args,
         "--python-version", python, "--implementation", "cp", "--target", str(tmp_path / "t"),
         "--report", str(tmp_path / "report.json"), "reviewtui"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert resolved.returncode == 0, resolved.stdout + resolved.stderr
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    names = {item["metadata"]["name"].lower() for item in report["install"]}
    assert {"reviewtui", "textual", "lxml", "uvicorn"} <= names


def test_the_windows_batch_files_are_ascii_with_crlf(tmp_path: Path) -> None:
    with zipfile.ZipFile(artifact("windows-x64.zip")) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".bat"):
                data.decode("ascii")
                assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
                assert b"--no-index" in data or name.endswith("reviewtui.bat")
            if name.endswith("说明.txt"):
                assert data.startswith(b"\xef\xbb\xbf")
                assert "python.org" in data.decode("utf-8-sig")
