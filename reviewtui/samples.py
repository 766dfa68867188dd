"""The sample meeting bundled with reviewtui (the one `reviewtui demo` runs)."""

from __future__ import annotations

import shutil
import tempfile
from importlib import resources
from pathlib import Path

SAMPLE = "mentougou-2017.toml"


def sample_session() -> Path:
    """The bundled session file: inside the installed package, or in the source tree."""
    packaged = resources.files("reviewtui").joinpath("data", SAMPLE)
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "sessions" / SAMPLE


def fresh_copy() -> Path:
    """The sample session copied into a new temporary folder, where its database will live."""
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-demo-"))
    target = folder / SAMPLE
    shutil.copyfile(sample_session(), target)
    return target
