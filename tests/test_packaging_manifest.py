"""The self-contained build takes every module loaded by name and every file read at run time,
checked without building (the build itself: tests/test_release_build.py, on CI's schedule).

PyInstaller follows import statements only; packaging/manifest.py lists the rest. These tests
find, in the source, what is loaded by a string (export formats, `import_module`, style sheets,
packaged resources) and fail when the manifest would leave one out.
"""

from __future__ import annotations

import ast
import importlib
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))

import manifest  # noqa: E402

SOURCE = ROOT / "reviewtui"


def trees() -> Iterator[tuple[Path, ast.AST]]:
    for path in sorted(SOURCE.rglob("*.py")):
        yield path, ast.parse(path.read_text("utf-8"), str(path))


def strings(node: ast.AST) -> list[str]:
    found = (n for n in ast.walk(node) if isinstance(n, ast.Constant))
    return [n.value for n in found if isinstance(n.value, str)]


def test_every_export_format_module_is_bundled() -> None:
    from reviewtui.export import FORMATS

    modules, _ = manifest.bundled_names()
    for name, spec in FORMATS.items():
        assert spec.module in modules, f"export format {name}: {spec.module} is not bundled"


def test_every_module_imported_by_a_string_is_bundled() -> None:
    """`import_module("reviewtui.x")` and any "reviewtui.x.y" string naming a module."""
    modules, _ = manifest.bundled_names()
    named: set[str] = set()
    for _path, tree in trees():
        for text in strings(tree):
            if text.startswith("reviewtui.") and " " not in text and text.count(".") >= 1:
                candidate = text.split(":")[0]
                if (SOURCE.parent / (candidate.replace(".", "/") + ".py")).is_file() or (
                    SOURCE.parent / candidate.replace(".", "/") / "__init__.py"
                ).is_file():
                    named.add(candidate)
    assert "reviewtui.export.docx" in named  # the scan sees the registry's strings
    assert named <= modules, sorted(named - modules)


def test_every_style_sheet_is_bundled() -> None:
    """Each screen's CSS_PATH, read from beside its module."""
    _, data = manifest.bundled_names()
    sheets: set[str] = set()
    for path, tree in trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(isinstance(t, ast.Name) and t.id == "CSS_PATH" for t in targets):
                    folder = path.parent.relative_to(ROOT).as_posix()
                    sheets |= {f"{folder}/{name}" for name in strings(node.value)}
    assert "reviewtui/tui/app.tcss" in sheets
    assert sheets <= data, sorted(sheets - data)


def test_every_packaged_resource_is_bundled() -> None:
    """`resources.files("reviewtui").joinpath(...)`: schema.sql, data/mentougou-2017.toml."""
    _, data = manifest.bundled_names()
    wanted: set[str] = set()
    for _path, tree in trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "joinpath"
            ):
                parts = [a.value for a in node.args if isinstance(a, ast.Constant)]
                names = [a.id for a in node.args if isinstance(a, ast.Name)]
                for name in names:  # a module constant such as SAMPLE
                    parts.append(_constant(tree, name))
                wanted.add("reviewtui/" + "/".join(parts))
    assert {"reviewtui/schema.sql", "reviewtui/data/mentougou-2017.toml"} <= wanted
    assert wanted <= data, sorted(wanted - data)


def _constant(tree: ast.AST, name: str) -> str:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            assert isinstance(node.value, ast.Constant)
            return str(node.value.value)
    raise AssertionError(f"{name} is not a module constant")


def test_every_file_of_the_package_is_bundled() -> None:
    """A data file added to the package later (a new .tcss, a catalog file) is taken too."""
    _, data = manifest.bundled_names()
    files = {
        path.relative_to(ROOT).as_posix()
        for path in SOURCE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }
    assert files <= data, sorted(files - data)


def test_the_bundle_and_the_wheel_force_include_the_same_files() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    forced = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    in_wheel = {(source, str(Path(target).parent)) for source, target in forced.items()}
    assert in_wheel == set(manifest.FORCED)


def test_uvicorn_loads_its_parts_by_name_and_they_are_collected() -> None:
    config = importlib.import_module("uvicorn.config")
    tables = ("LOOP_FACTORIES", "LOOP_SETUPS", "HTTP_PROTOCOLS", "WS_PROTOCOLS", "LIFESPAN")
    named = [v for t in tables for v in getattr(config, t, {}).values() if isinstance(v, str)]
    assert any(".protocols.http." in value for value in named)
    for value in named:
        assert value.split(".")[0] in manifest.SUBMODULES_OF, value


def test_third_party_data_read_at_run_time_is_collected() -> None:
    """python-docx opens its template, Textual its default CSS: both packages' data go in."""
    import docx

    template = Path(docx.__file__).parent / "templates" / "default.docx"
    assert template.is_file()
    # python-docx reaches its templates through its parts folder ("parts/../templates"): the
    # folder must exist in the build, which only keeping its source files there gives.
    parts = Path(docx.__file__).parent / "parts"
    uses_dotdot = any(
        "'..'" in f.read_text("utf-8") or '".."' in f.read_text("utf-8") for f in parts.glob("*.py")
    )
    assert not uses_dotdot or "docx" in manifest.SOURCE_KEPT
    assert {"docx", "openpyxl", "textual"} <= set(manifest.DATA_OF)
    assert "textual" in manifest.SUBMODULES_OF  # textual.widgets loads widgets on first use


def test_the_launcher_starts_what_the_reviewtui_command_starts() -> None:
    """The frozen program's launcher imports the console script's own entry point, which exists:
    a module moved or renamed breaks the build, not only the wheel."""
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    module, _, function = scripts["reviewtui"].partition(":")
    tree = ast.parse((ROOT / "packaging" / "launcher.py").read_text("utf-8"))
    imported = [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    ]
    assert imported == [(module, function)]
    assert callable(getattr(importlib.import_module(module), function))
