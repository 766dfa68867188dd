"""One version everywhere (SPEC 11): `--version` both ways, the package metadata, the
database's creator and last writer, and the properties of every docx and xlsx written."""

from __future__ import annotations

import re
import shutil
import sqlite3
import tomllib
import zipfile
from pathlib import Path

import pytest

from reviewtui import __version__
from reviewtui.meeting import Meeting
from reviewtui.store import open_session

ROOT = Path(__file__).resolve().parent.parent
RELEASE = f"reviewtui {__version__}"


def meta(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    finally:
        conn.close()


def test_the_version_has_one_place() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in config["project"] and "version" in config["project"]["dynamic"]
    assert config["tool"]["hatch"]["version"]["path"] == "reviewtui/__init__.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    assert f"## {__version__}" in (ROOT / "CHANGELOG.md").read_text("utf-8")


@pytest.mark.parametrize("args", [["--version"], ["--version", "check", "x.toml"]])
def test_version_fast_path_and_typer(cli, args: list[str]) -> None:
    """`--version` alone skips Typer; with more words Typer prints the same line."""
    result = cli(*args)
    assert result.code == 0, result.output
    assert result.stdout.strip() == RELEASE


def test_a_new_database_records_its_release(small_session: Path) -> None:
    store = open_session(small_session, write=True)
    store.close()
    found = meta(small_session.with_suffix(".db"))
    assert found["created_by"] == found["written_by"] == RELEASE


def test_an_older_database_records_the_writer_at_its_first_command(tmp_path: Path) -> None:
    """Opening writes no record; the first command records this release as the last writer
    (creator unknown), journaled like every meta write; undoing that command does not leave
    an older release as the last writer."""
    fixtures = ROOT / "tests" / "fixtures" / "v3"
    for suffix in (".db", ".toml"):
        shutil.copyfile(fixtures / f"small-v3{suffix}", tmp_path / f"small-v3{suffix}")
    db = tmp_path / "small-v3.db"
    store = open_session(tmp_path / "small-v3.toml", write=True)
    try:
        assert "written_by" not in meta(db) and "created_by" not in meta(db)
        meeting = Meeting(store)
        meeting.toggle_pause()
        assert meta(db)["written_by"] == RELEASE
        assert meta(db)["created_by"] == "unknown"
        journaled = store.rows("SELECT row_key FROM journal WHERE tbl = 'meta'")
        assert sum("_by" in row["row_key"] for row in journaled) == 2
        meeting.undo()
        assert meta(db)["written_by"] == RELEASE
    finally:
        store.close()


def test_readers_do_not_record_themselves(cli, small_session: Path) -> None:
    assert cli("results", small_session, "--json").code == 0
    db = small_session.with_suffix(".db")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = 'reviewtui 0.0.1' WHERE key = 'written_by'")
    conn.commit()
    conn.close()
    assert (
        cli(
            "export", small_session, "--format", "json", "-o", small_session.with_name("m.json")
        ).code
        == 0
    )
    assert meta(db)["written_by"] == "reviewtui 0.0.1"


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "rectify", "feedback", "notice"])
def test_every_document_carries_the_release(cli, small_session: Path, fmt: str) -> None:
    assert cli("results", small_session, "--json").code == 0
    out = small_session.with_name(f"out-{fmt}")
    result = cli("export", small_session, "--format", fmt, "-o", out)
    assert result.code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode("utf-8")
        app = archive.read("docProps/app.xml").decode("utf-8")
    assert f"<cp:version>{__version__}</cp:version>" in core
    assert not [n for n in names if n.startswith("customXml/")]
    if "word/document.xml" in names:
        assert "<Application>reviewtui</Application>" in app
        assert "<AppVersion>00.0300</AppVersion>" in app or __version__ != "0.3.0"
    else:  # openpyxl writes its own app.xml; the creator is reviewtui unless an organizer
        assert "openpyxl" not in core


@pytest.mark.parametrize("kind", ["forms", "agenda", "script", "signin"])
def test_printed_documents_carry_the_release(cli, small_session: Path, kind: str) -> None:
    out = small_session.with_name(f"{kind}.docx")
    result = cli("print", small_session, kind, "-o", out)
    assert result.code == 0, result.output
    with zipfile.ZipFile(out) as archive:
        assert __version__ in archive.read("docProps/core.xml").decode("utf-8")
        assert not [n for n in archive.namelist() if n.startswith("customXml/")]


def test_the_template_workbook_carries_the_release(cli, tmp_path: Path) -> None:
    out = tmp_path / "book.xlsx"
    assert cli("template", out).code == 0
    with zipfile.ZipFile(out) as archive:
        assert (
            f"<cp:version>{__version__}</cp:version>" in archive.read("docProps/core.xml").decode()
        )
