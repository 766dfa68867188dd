"""A ballot file knows its meeting (issue 30.8): `ballots export` names it on its first line;
`import` refuses another meeting's file unless `--other-meeting`; the meeting's own copy (the
second laptop's) and a plain SPEC CSV import as always."""

from __future__ import annotations

import shutil
from pathlib import Path

from reviewtui.assessment.file_identity import MARK

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"
ONE = "ballot,group,unit,item,value\nB001,党代表,雁翅镇党委,总体评价,好\n"


def _meeting(cli, folder: Path, date: str = "2017-02-24") -> Path:
    folder.mkdir()
    session = folder / "m.toml"
    text = SMALL.read_text(encoding="utf-8").replace('date = "2017-02-24"', f'date = "{date}"')
    session.write_text(text, encoding="utf-8")
    plain = folder / "plain.csv"
    plain.write_text(ONE, encoding="utf-8")
    assert cli("ballots", "import", session, plain).code == 0  # a plain SPEC CSV: as always
    return session


def test_another_meetings_file_is_refused_unless_meant(cli, tmp_path: Path) -> None:
    ours = _meeting(cli, tmp_path / "a")
    theirs = _meeting(cli, tmp_path / "b", "2016-02-24")  # last year's, the same units
    exported = tmp_path / "theirs.csv"
    assert cli("ballots", "export", theirs, "-o", exported).code == 0
    first = exported.read_text(encoding="utf-8-sig").splitlines()[0]
    assert first.startswith(MARK + ",") and "测试用述职评议考核会" in first
    # Their ballot B001 is the same as ours: the import would skip it silently as a duplicate.
    refused = cli("ballots", "import", ours, exported, "--lang", "en")
    assert refused.code == 2, refused.output
    assert "another meeting" in refused.stderr and "--other-meeting" in refused.stderr
    done = cli("ballots", "import", ours, exported, "--other-meeting", "--lang", "en")
    assert done.code == 0, done.output


def test_the_meetings_own_copy_imports(cli, tmp_path: Path) -> None:
    ours = _meeting(cli, tmp_path / "a")
    copy = tmp_path / "copy.db"
    shutil.copyfile(ours.with_suffix(".db"), copy)  # the second laptop's copy
    laptop = _meeting(cli, tmp_path / "b")  # or its own database, from the same session file
    for source in (copy, laptop):
        exported = tmp_path / "round.csv"
        assert cli("ballots", "export", source, "-o", exported).code == 0
        done = cli("ballots", "import", ours, exported, "--lang", "en")
        assert done.code == 0, done.output
