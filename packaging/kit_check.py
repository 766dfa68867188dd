"""Is a wheel kit complete? Every distribution reviewtui needs, transitively, with a wheel that
installs on the kit's system for each Python version, judged by the wheels' own metadata and
file names, with the target system's markers (pip run on Linux cannot evaluate Windows ones:
click needs colorama only on Windows)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from email.parser import HeaderParser
from pathlib import Path

try:
    from packaging import tags
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename
except ImportError:  # a bare Python running build.py: pip carries its own copy
    from pip._vendor.packaging import tags  # type: ignore[no-redef]
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[no-redef]
    from pip._vendor.packaging.utils import (  # type: ignore[no-redef]
        canonicalize_name,
        parse_wheel_filename,
    )

SYSTEMS = {
    "windows": (
        ("win_amd64",),
        {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
         "platform_machine": "AMD64"},
    ),
    "aarch64": (
        ("manylinux_2_28_aarch64", "manylinux_2_17_aarch64", "manylinux2014_aarch64"),
        {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix",
         "platform_machine": "aarch64"},
    ),
}  # fmt: skip


def _metadata(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        headers = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    return headers.get_all("Requires-Dist") or []


def missing(kit: Path, system: str, python: str, root: str = "reviewtui") -> list[str]:
    """What a fresh `pip install --no-index --find-links KIT reviewtui` would not find on
    `system` with CPython `python` ("3.12"): a distribution with no wheel, or none that fits."""
    platforms, markers = SYSTEMS[system]
    major, minor = (int(part) for part in python.split("."))
    fits = {
        *tags.cpython_tags(python_version=(major, minor), platforms=list(platforms)),
        *tags.compatible_tags(python_version=(major, minor), interpreter=f"cp{major}{minor}",
                              platforms=list(platforms)),
    }  # fmt: skip
    wheels: dict[str, list[Path]] = {}
    for wheel in kit.glob("*.whl"):
        name, _, _, wheel_tags = parse_wheel_filename(wheel.name)
        if fits & set(wheel_tags):
            wheels.setdefault(canonicalize_name(name), []).append(wheel)
    env = {**markers, "python_version": python, "python_full_version": f"{python}.0",
           "implementation_name": "cpython", "platform_python_implementation": "CPython",
           "extra": ""}  # fmt: skip
    problems: list[str] = []
    seen: set[str] = set()
    todo: list[Requirement] = [Requirement(root)]
    while todo:
        req = todo.pop()
        key = canonicalize_name(req.name)
        if key in seen:
            continue
        seen.add(key)
        found = wheels.get(key)
        if not found:
            problems.append(f"{req.name} (for {system}, Python {python})")
            continue
        for line in _metadata(found[0]):
            dep = Requirement(line)
            if dep.marker is None or dep.marker.evaluate(env):
                todo.append(dep)
    return problems


def assert_complete(kit: Path, system: str, pythons: Iterable[str]) -> None:
    problems = [p for python in pythons for p in missing(kit, system, python)]
    if problems:
        raise SystemExit(f"{kit}: no fitting wheel for " + ", ".join(problems))
