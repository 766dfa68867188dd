"""A meeting without categories (nor anything else new) gives the outputs it gave before issue 25,
byte for byte: compared with the reference generated from the code before that change
(`tests/reference_outputs.py`, tests/fixtures/reference/)."""

from __future__ import annotations

import json
from pathlib import Path

from reference_outputs import REFERENCE, TEXTS, build_meeting, manifest, outputs


def test_outputs_are_unchanged(tmp_path: Path) -> None:
    found = outputs(build_meeting(tmp_path))
    expected = json.loads((REFERENCE / "manifest.json").read_text(encoding="utf-8"))
    got = manifest(found)
    for name in TEXTS:  # a readable difference first
        stem = name.split(".")[0]
        path = REFERENCE / f"{stem}.{'json' if name.endswith('json') else name}"
        assert found[name].decode() == path.read_bytes().decode(), name
    changed = sorted(n for n in expected.keys() | got.keys() if expected.get(n) != got.get(n))
    assert not changed, changed
