"""Build a release into dist/: `python packaging/build.py` (any Python 3.11+; no make).

- reviewtui-VERSION-linux-x86_64.tar.gz: a PyInstaller one-folder build, its own Python inside
  (PyInstaller: maintained, builds from the installed wheel in minutes; Nuitka compiles to C for
  an hour on two cores and buys no speed that matters to a terminal program).
- reviewtui-VERSION-windows-x64.zip: the wheels of reviewtui and of every dependency for CPython
  3.11, 3.12 and 3.13 on Windows x64, install.bat, reviewtui.bat and 说明.txt.
- reviewtui-VERSION-linux-aarch64.tar.gz: the same wheel kit for ARM Linux, with install.sh.

Options: `--only linux|windows|aarch64` (repeatable) builds some of them; `--leave-out X` builds
the Linux folder without module or data file X, to prove the release tests then fail.
Everything is fetched through pip from the configured index while building; the artifacts then
install and run with no network. The build tools are pinned in pyproject's `build` extra and in
constraints.txt. A kit is checked to be complete for every Python it names before it is packed
(packaging/kit_check.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import kit_check  # noqa: E402  (beside this file)
import manifest  # noqa: E402

BUILD = ROOT / "build" / "release"
DIST = ROOT / "dist"
PYTHONS = ("3.11", "3.12", "3.13")
# Windows-only dependencies pip cannot see from Linux (markers): click's colorama.
WINDOWS_EXTRA = ("colorama==0.4.6",)
AARCH64_PLATFORMS = ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64")


def version() -> str:
    text = (ROOT / "reviewtui" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    assert found, "reviewtui/__init__.py has no __version__"
    return found.group(1)


def run(*args: str | Path, **kwargs: object) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)  # type: ignore[call-overload]


def wheel() -> Path:
    """reviewtui's own wheel (with schema.sql and the sample meeting inside)."""
    out = BUILD / "wheel"
    shutil.rmtree(out, ignore_errors=True)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", out, ROOT)
    (found,) = out.glob("reviewtui-*.whl")
    return found


def build_venv(own: Path) -> Path:
    """A fresh environment with the wheel and the pinned build tools."""
    venv = BUILD / "venv"
    shutil.rmtree(venv, ignore_errors=True)
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    pins = ROOT / "constraints.txt"
    run(python, "-m", "pip", "install", "-q", "-c", pins, f"{own}[build]")
    return python


def pyinstaller_args(own_dist: Path, work: Path, leave_out: tuple[str, ...] = ()) -> list[str]:
    """The PyInstaller command line: every module and data file the manifest names (but those
    in `leave_out`, to prove that the release tests catch a missing one)."""
    args = ["--onedir", "--noconfirm", "--clean", "--name", "reviewtui", "--console"]
    args += ["--additional-hooks-dir", str(hooks(work))]
    args += ["--distpath", str(own_dist), "--workpath", str(work), "--specpath", str(work)]
    for module in manifest.own_modules():
        if module not in leave_out:
            args += ["--hidden-import", module]
    for package in manifest.SUBMODULES_OF:
        args += ["--collect-submodules", package]
    for package in manifest.DATA_OF:
        args += ["--collect-data", package]
    for source, folder in manifest.own_data():
        if f"{folder}/{Path(source).name}" not in leave_out:
            args += ["--add-data", f"{source}{os.pathsep}{folder}"]
    # Test and development tools the environment may hold are not part of the program.
    for module in ("pytest", "hypothesis", "playwright", "mypy", "ruff", "tkinter"):
        args += ["--exclude-module", module]
    return [*args, str(HERE / "launcher.py")]


def hooks(work: Path) -> Path:
    """PyInstaller hooks for the packages whose folders must exist (manifest.SOURCE_KEPT)."""
    folder = work / "hooks"
    folder.mkdir(parents=True, exist_ok=True)
    for package in manifest.SOURCE_KEPT:
        (folder / f"hook-{package}.py").write_text(
            "from PyInstaller.utils.hooks import collect_data_files\n"
            f"datas = collect_data_files({package!r})\n"
            'module_collection_mode = "pyz+py"\n',
            "utf-8",
        )
    return folder


def linux_x86_64(python: Path, name: str, leave_out: tuple[str, ...] = ()) -> Path:
    frozen = BUILD / "pyinstaller"
    shutil.rmtree(frozen, ignore_errors=True)
    run(python, "-m", "PyInstaller", "-y", "--log-level", "WARN",
        *pyinstaller_args(frozen / "dist", frozen / "work", leave_out))  # fmt: skip
    folder = frozen / "dist" / "reviewtui"
    readme = (HERE / "linux" / "README-offline.txt").read_text("utf-8")
    (folder / "说明.txt").write_text(readme.replace("@VERSION@", version()), "utf-8")
    target = DIST / f"{name}-linux-x86_64.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname="reviewtui")
    return target


def download(python: Path, own: Path, into: Path, platforms: tuple[str, ...],
             extra: tuple[str, ...] = ()) -> None:  # fmt: skip
    into.mkdir(parents=True, exist_ok=True)
    shutil.copy(own, into)
    for version in PYTHONS:
        platform_args = [arg for p in platforms for arg in ("--platform", p)]
        run(python, "-m", "pip", "download", "-q", "--only-binary=:all:", *platform_args,
            "--python-version", version, "--implementation", "cp",
            "-c", ROOT / "constraints.txt", "-d", into, own, *extra)  # fmt: skip


def windows_x64(python: Path, own: Path, name: str) -> Path:
    folder = BUILD / f"{name}-windows-x64"
    shutil.rmtree(folder, ignore_errors=True)
    download(python, own, folder / "wheels", ("win_amd64",), WINDOWS_EXTRA)
    kit_check.assert_complete(folder / "wheels", "windows", PYTHONS)
    for item in (HERE / "windows").iterdir():
        data = item.read_text("utf-8").replace("@VERSION@", version())
        if item.suffix == ".bat":  # cmd.exe reads CRLF; the batch files stay ASCII
            data = data.replace("\r\n", "\n").replace("\n", "\r\n")
            (folder / item.name).write_bytes(data.encode("ascii"))
        else:  # Notepad opens UTF-8 with a BOM as UTF-8 on every Windows 10/11
            (folder / item.name).write_bytes(b"\xef\xbb\xbf" + data.replace("\n", "\r\n").encode())
    target = DIST / f"{name}-windows-x64.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return target


def linux_aarch64(python: Path, own: Path, name: str) -> Path:
    folder = BUILD / f"{name}-linux-aarch64"
    shutil.rmtree(folder, ignore_errors=True)
    download(python, own, folder / "wheels", AARCH64_PLATFORMS)
    kit_check.assert_complete(folder / "wheels", "aarch64", PYTHONS)
    for item in (HERE / "linux").iterdir():
        if item.name == "README-offline.txt":
            continue
        target_file = folder / item.name
        target_file.write_text(item.read_text("utf-8").replace("@VERSION@", version()), "utf-8")
        target_file.chmod(0o755 if item.suffix == ".sh" else 0o644)
    target = DIST / f"{name}-linux-aarch64.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", action="append", choices=("linux", "windows", "aarch64"))
    parser.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="MODULE|FILE",
        help="build without this module (reviewtui.export.docx) or data file "
        "(reviewtui/schema.sql): proves the release tests fail then; never for a release",
    )
    args = parser.parse_args(argv)
    which = set(args.only or ("linux", "windows", "aarch64"))
    name = f"reviewtui-{version()}"
    DIST.mkdir(exist_ok=True)
    BUILD.mkdir(parents=True, exist_ok=True)
    own = wheel()
    python = build_venv(own)
    made = []
    if "linux" in which:
        made.append(linux_x86_64(python, name, tuple(args.leave_out)))
    if "windows" in which:
        made.append(windows_x64(python, own, name))
    if "aarch64" in which:
        made.append(linux_aarch64(python, own, name))
    for path in made:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
