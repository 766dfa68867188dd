"""What the self-contained Linux build must hold beyond what PyInstaller finds by itself.

PyInstaller follows `import` statements. It cannot see a module imported by its name in a
string (the export formats of `reviewtui.export.FORMATS`, uvicorn's loops and protocols,
Textual's lazily loaded widgets) nor a file read at run time (schema.sql, the sample meeting,
the screens' .tcss, python-docx's template). This module lists them, computed from the source
tree where it can be, so that a new export format or style sheet is taken in without an edit;
tests/test_packaging_manifest.py checks the lists against what the code loads, without building.

Plain Python: importable without PyInstaller (the test and `build.py` both read it).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reviewtui"

# Third-party packages whose submodules are loaded by name at run time: all of them are taken.
# uvicorn: `uvicorn.loops.auto`, `uvicorn.protocols.http.h11_impl`, `uvicorn.lifespan.on`...
# textual: `textual.widgets` loads each widget on first use (module __getattr__).
# rich: `rich._unicode_data` loads the table of the Unicode version by name.
SUBMODULES_OF = ("uvicorn", "textual", "rich", "pypinyin")

# Third-party packages with data files read at run time (templates, style sheets, tables).
DATA_OF = ("docx", "openpyxl", "textual", "rich", "pypinyin", "segno")

# Third-party packages that find their data through their own folders (python-docx opens
# `docx/parts/../templates/default-footer.xml`): their source folders must exist in the build,
# so their modules are collected as files beside the archive too (PyInstaller's "pyz+py").
SOURCE_KEPT = ("docx",)

# Files outside the package that the wheel puts inside it (pyproject's force-include), as
# (source in the repository, folder inside the bundle).
FORCED = (
    ("schema.sql", "reviewtui"),
    ("sessions/mentougou-2017.toml", "reviewtui/data"),
)


def own_modules() -> list[str]:
    """Every module of reviewtui, as a dotted name: any of them may be loaded by name."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def own_data() -> list[tuple[str, str]]:
    """Every file of the package that is not Python source, and the forced ones, as
    (source path, folder inside the bundle) for PyInstaller's --add-data."""
    found = [
        (str(path), str(path.parent.relative_to(ROOT)))
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    ]
    found += [(str(ROOT / source), folder) for source, folder in FORCED]
    return found


def bundled_names() -> tuple[set[str], set[str]]:
    """(modules, data files as paths inside the bundle) that the build takes of reviewtui."""
    modules = set(own_modules())
    data = {f"{folder}/{Path(source).name}" for source, folder in own_data()}
    return modules, data
