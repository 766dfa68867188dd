"""A scripted meeting killed with SIGKILL at random moments loses nothing it acknowledged.

The full run (50 kills) is `python bench/fault_inject.py`; CI runs a few rounds of the same code.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _fault_inject():
    spec = importlib.util.spec_from_file_location(
        "fault_inject", ROOT / "bench" / "fault_inject.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sigkill_loses_nothing_acknowledged() -> None:
    result = _fault_inject().run(kills=6, seed=7, quiet=True)
    assert result["acknowledged"] > 0  # the script did work before being killed
    assert result["failed_rounds"] == 0
