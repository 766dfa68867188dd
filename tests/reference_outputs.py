"""Today's outputs of one meeting without categories, kept as test data, so that a change that
must not alter them (issue 25: a meeting without categories is unchanged) is held to it.

`python tests/reference_outputs.py` writes them under tests/fixtures/reference/ (run it only at
a change that means to alter them, and say so in the commit): the text formats whole, and a
manifest of the SHA-256 of every output and of every part of a zip document (docx, xlsx),
leaving out docProps/core.xml (its creation time is the moment of writing). The database's own
fingerprint, printed in several outputs, is replaced by `<sha256>`: it depends on where the
meeting was built and on the stored plan, not on what the outputs say.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "fixtures" / "reference"
FORMATS = ("md", "json", "csv", "xlsx", "docx", "notice", "feedback", "rectify")
START = datetime(2017, 2, 24, 14, 30, 0, tzinfo=timezone(timedelta(hours=8)))
AS_OF = START + timedelta(hours=3)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in sorted(z.namelist()) if n != "docProps/core.xml"}


def outputs(db: Path) -> dict[str, bytes]:
    """Each format of the meeting in `db`, in Chinese; zips flattened to their parts."""
    from reviewtui import i18n
    from reviewtui.export import render, to_bytes
    from reviewtui.minutes import read_minutes
    from reviewtui.store import Store

    i18n.set_lang("zh")
    store = Store.open_reader(db)
    try:
        minutes = read_minutes(store, as_of=AS_OF)
    finally:
        store.close()
    out: dict[str, bytes] = {}
    for fmt in FORMATS:
        sha = minutes.sha256.encode()
        data = to_bytes(render(minutes, fmt))
        if data[:2] == b"PK":
            for name, part in parts(data).items():
                out[f"{fmt}/{name}"] = part.replace(sha, b"<sha256>")
        else:
            out[fmt] = data.replace(sha, b"<sha256>")
    out["results.json"] = (
        __import__("json")
        .dumps(minutes.results.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
        .encode()
    )
    return out


def build_meeting(folder: Path) -> Path:
    """The small meeting of test_minutes, built under a fake clock."""
    import shutil

    from reviewtui import clock

    sys.path.insert(0, str(HERE))
    from test_minutes import build

    session = folder / "small.toml"
    shutil.copyfile(HERE.parent / "sessions" / "small.toml", session)
    fake = clock.FakeClock(START)
    clock.set_source(fake)
    try:
        return build(session, fake)
    finally:
        clock.set_source(None)


TEXTS = ("md", "json", "csv", "results.json")


def manifest(found: dict[str, bytes]) -> dict[str, str]:
    import hashlib

    return {name: hashlib.sha256(data).hexdigest() for name, data in sorted(found.items())}


def main() -> None:
    import json
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found = outputs(build_meeting(Path(tmp)))
    REFERENCE.mkdir(parents=True, exist_ok=True)
    for name in TEXTS:
        stem = name.split(".")[0]
        (REFERENCE / f"{stem}.{'json' if name.endswith('json') else name}").write_bytes(found[name])
    text = json.dumps(manifest(found), indent=1, sort_keys=True) + "\n"
    (REFERENCE / "manifest.json").write_text(text, encoding="utf-8")
    print(f"{len(found)} outputs in {REFERENCE / 'manifest.json'}")


if __name__ == "__main__":
    main()
