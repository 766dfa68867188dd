"""Issue 30, points 5-7: long titles cut in document properties only; `--force` never
overwrites a meeting database or a session file in use; exit 2 (a clear message, no traceback)
for a billion-laughs workbook, an output name too long, a long session file name, a database
holding only its `meta` table."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import docx
import pytest

from reviewtui.store.migrations import APPLICATION_ID
from tests import billion_laughs

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"


def _session(tmp_path: Path, title: str = "", organizer: str = "") -> Path:
    text = SMALL.read_text(encoding="utf-8")
    if title:
        text = text.replace('title = "测试用述职评议考核会"', f'title = "{title}"')
    if organizer:
        text = text.replace("[meeting]\n", f'[meeting]\norganizer = "{organizer}"\n', 1)
    path = tmp_path / "m.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [245, 256, 300])
def test_a_long_title_is_cut_in_the_properties_never_the_command(
    cli, tmp_path: Path, size: int
) -> None:
    title = ("述职评议" * 100)[:size]
    organizer = ("中共某某区委组织部" * 40)[:290]
    session = _session(tmp_path, title, organizer)
    assert cli("check", session).code == 0
    assert cli("results", session).code == 0  # the database made
    done = cli("print", session, "agenda", "-o", tmp_path / "agenda.docx")
    assert done.code == 0, done.output
    made = cli("export", session, "--format", "docx", "-o", tmp_path / "minutes.docx")
    assert made.code == 0, made.output
    for name in ("agenda.docx", "minutes.docx"):
        props = docx.Document(str(tmp_path / name)).core_properties
        assert len(props.title) <= 255 and props.title.startswith(title[:200])
        assert len(props.author) <= 255


def _meeting_with_ballot(cli, tmp_path: Path) -> Path:
    session = _session(tmp_path)
    csv = tmp_path / "b.csv"
    csv.write_text(
        "ballot,group,unit,item,value\nB001,党代表,雁翅镇党委,总体评价,好\n", encoding="utf-8"
    )
    assert cli("ballots", "import", session, csv).code == 0
    return tmp_path / "m.db"


def test_force_never_overwrites_a_meeting(cli, tmp_path: Path) -> None:
    db = _meeting_with_ballot(cli, tmp_path)
    before = db.read_bytes()
    book = tmp_path / "wb.xlsx"
    assert cli("template", book).code == 0
    for args in (("template", db, "--force"), ("new", book, "-o", db, "--force")):
        refused = cli(*args, "--lang", "en")
        assert refused.code == 2, refused.output
        assert "database" in refused.stderr
    session = tmp_path / "m.toml"
    text = session.read_bytes()
    refused = cli("new", book, "-o", session, "--force", "--lang", "en")
    assert refused.code == 2 and "in use" in refused.stderr, refused.output
    assert db.read_bytes() == before and session.read_bytes() == text
    assert cli("results", db).code == 0


def test_a_billion_laughs_workbook_exits_2(cli, tmp_path: Path) -> None:
    session = _session(tmp_path)
    book = billion_laughs.write(tmp_path / "lol.xlsx")
    assert book.stat().st_size < 8000
    done = cli("ballots", "import", session, book, "--lang", "en")
    assert done.code == 2, done.output
    assert "cannot read the Excel file" in done.stderr


def test_an_output_name_too_long_exits_2(cli, tmp_path: Path) -> None:
    session = _session(tmp_path)
    long = "x" * 260
    book = tmp_path / "wb.xlsx"
    assert cli("template", book).code == 0
    for args in (
        ("print", session, "agenda", "-o", tmp_path / f"{long}.docx"),
        ("template", tmp_path / f"{long}.xlsx"),
        ("new", book, "-o", tmp_path / f"{long}.toml"),
    ):
        done = cli(*args, "--lang", "en")
        assert done.code == 2, (args[0], done.output)
        assert "too long" in done.stderr


def test_a_long_legal_session_file_name_works(cli, tmp_path: Path) -> None:
    session = tmp_path / ("s" * 234 + ".toml")  # 239 bytes: the folder takes it
    shutil.copyfile(SMALL, session)
    done = cli("results", session)
    assert done.code == 0, done.output
    assert (tmp_path / ("s" * 234 + ".db")).exists()


def test_a_database_holding_only_meta_exits_2(cli, tmp_path: Path) -> None:
    db = tmp_path / "meta.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    for command in ("results", "export"):
        done = cli(command, db, "--lang", "en")
        assert done.code == 2, done.output
        assert "not a complete meeting database" in done.stderr


def test_the_projector_says_the_session_file_changed(cli, tmp_path: Path) -> None:
    session = _session(tmp_path)
    assert cli("results", session).code == 0  # the database made from it
    session.write_text(
        session.read_text(encoding="utf-8").replace("issued = 5", "issued = 6"), encoding="utf-8"
    )
    done = cli("projector", session, "--lang", "en")
    assert done.code == 2, done.output
    assert "has changed since the database" in done.stderr and "issued" in done.stderr
