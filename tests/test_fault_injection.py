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
    # Each kill waits for the child's first acknowledgement: on a busy machine a kill at a fixed
    # time could come before anything was written, and the test would prove nothing.
    result = _fault_inject().run(kills=6, seed=7, quiet=True, after_first_ack=True)
    assert result["acknowledged"] >= 6  # every round did work before being killed
    assert result["failed_rounds"] == 0
