"""The core knows nothing of Textual: importing it (and the CLI) never loads `textual`."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

CORE = [
    "reviewtui.plan",
    "reviewtui.store",
    "reviewtui.clock",
    "reviewtui.i18n",
    "reviewtui.cli",
    "reviewtui.cli.app",
    "reviewtui.cli.fast",
    "reviewtui.cli.commands",
    "reviewtui.errors",
    "reviewtui.samples",
]
LATER = [  # modules of later issues: checked once they exist
    "reviewtui.meeting",
    "reviewtui.assessment",
    "reviewtui.minutes",
    "reviewtui.export",
]

PROBE = """
    import importlib, importlib.util, json, sys
    imported, missing = [], []
    for name in json.loads(sys.argv[1]):
        if importlib.util.find_spec(name) is None:
            missing.append(name)
            continue
        module = importlib.import_module(name)
        imported.append(name)
        if name == "reviewtui.export" and hasattr(module, "__path__"):
            import pkgutil
            for sub in pkgutil.iter_modules(module.__path__, name + "."):
                importlib.import_module(sub.name)
                imported.append(sub.name)
    print(json.dumps({
        "imported": imported,
        "missing": missing,
        "textual": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
    }))
"""


def probe(modules: list[str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PROBE), json.dumps(modules)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_core_does_not_import_textual() -> None:
    result = probe(CORE + LATER)
    assert set(CORE) <= set(result["imported"]), result
    assert not set(CORE) & set(result["missing"])
    assert result["textual"] == [], f"textual imported by the core: {result}"


def test_the_probe_sees_textual() -> None:
    """The check above can fail: importing Textual is seen."""
    result = probe(["textual.app"])
    assert "textual" in result["textual"]


def test_check_runs_without_textual() -> None:
    """`reviewtui check` (and `--help`) start fast: the TUI is imported only by run/demo."""
    code = """
        import sys
        from pathlib import Path
        from reviewtui.cli.fast import main
        for argv in (["--help"], ["check", sys.argv[1]]):
            try:
                main(argv)
            except SystemExit as exc:
                assert exc.code == 0, (argv, exc.code)
        print("TEXTUAL" if "textual" in sys.modules else "CLEAN", file=sys.stderr)
    """
    session = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), str(session)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("CLEAN"), done.stderr
