"""`ballots scan` (SPEC 10): forms read from a copier's or a phone's pages, saved, held, skipped.

The fixtures are two pages bench/bench_scan.py made from the printed forms of the sample
meeting (marks of every style, damaged like a scan): C001 is clear, D001 has two marks between
boxes (held)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment.scan import review
from reviewtui.assessment.scan.command import scan
from reviewtui.errors import UserError
from reviewtui.store import Store, open_session

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "scan"
CLEAR = FIXTURES / "clear-C001.jpg"
HELD = FIXTURES / "held-D001.jpg"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    i18n.set_lang("zh")
    session = tmp_path / "m.toml"
    shutil.copy(ROOT / "sessions" / "mentougou-2017.toml", session)
    opened = open_session(session, write=True)
    yield opened
    opened.close()


def _pages(store: Store) -> list[tuple[str, int, str]]:
    return store.conn.execute("SELECT file, page, outcome FROM scan_pages ORDER BY id").fetchall()


def test_clear_form_saved_held_form_queued(store: Store, tmp_path: Path) -> None:
    lines = scan(store, [str(CLEAR), str(HELD)], entry=1, entered_by="甲", show_progress=False)
    saved = ballots.find(store, "C001", 1)
    assert saved is not None and saved.source == "scan" and saved.group == "基层党组织书记"
    assert saved.marks[("军庄镇党委", "总体评价")] == "较好"
    assert saved.marks[("东辛房街道工委", "总体评价")] == "好"
    assert ballots.find(store, "D001", 1) is None
    queue = review.held(store)
    assert [h.serial for h in queue] == ["D001"]
    # Two ticks on the line between two boxes: never guessed.
    assert {d["unit"] for d in queue[0].doubts} == {"区农委", "大台街道工委"}
    assert {d["why"] for d in queue[0].doubts} <= {"between", "faint"}
    assert queue[0].values[("雁翅镇党委", "总体评价")] == "一般"  # read so far
    png = review.picture(store, queue[0].id)
    picture = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert picture is not None and picture.shape[0] > 100  # the header and two rows
    assert [o for _, _, o in _pages(store)] == ["saved", "held"]
    assert any("D001" in line for line in lines)
    # The stored page: its name, number and hash only.
    row = store.conn.execute("SELECT * FROM scan_pages WHERE serial = 'C001'").fetchone()
    assert row[1] == "clear-C001.jpg" and row[2] == 1 and len(row[3]) == 64


def test_same_page_twice_adds_nothing(store: Store) -> None:
    scan(store, [str(CLEAR)], entry=1, entered_by="甲", show_progress=False)
    before = store.conn.execute("SELECT count(*) FROM journal").fetchone()
    lines = scan(store, [str(CLEAR)], entry=1, entered_by="甲", show_progress=False)
    assert store.conn.execute("SELECT count(*) FROM ballots").fetchone() == (1,)
    assert store.conn.execute("SELECT count(*) FROM scan_pages").fetchone() == (1,)
    assert before[0] + 0 <= store.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    assert "重复 1 张" in lines[0]


def test_form_entered_with_other_marks_is_a_listed_conflict(store: Store) -> None:
    ballots.save(
        store, code="C001", group="基层党组织书记", marks={("雁翅镇党委", "总体评价"): "差"}
    )
    lines = scan(store, [str(CLEAR)], entry=1, entered_by="甲", show_progress=False)
    assert ballots.find(store, "C001", 1).marks == {("雁翅镇党委", "总体评价"): "差"}  # kept
    assert any("C001" in line and "军庄镇党委" in line for line in lines)
    assert [o for _, _, o in _pages(store)] == ["conflict"]


def test_foreign_page_named_and_skipped(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "letter.png"
    image = np.full((1400, 1000), 255, np.uint8)
    cv2.putText(image, "not a form", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 3, 0, 5)
    cv2.imwrite(str(page), image)
    lines = scan(store, [str(page), str(CLEAR)], entry=1, entered_by="甲", show_progress=False)
    assert any(line.startswith("letter.png 第 1 页") for line in lines)
    assert [o for _, _, o in _pages(store)] == ["foreign", "saved"]


def test_bad_files_exit_before_anything_is_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    for bad in (tmp_path / "missing.pdf", tmp_path / "x.txt"):
        with pytest.raises(UserError):
            scan(store, [str(CLEAR), str(bad)], entry=1, entered_by="甲", show_progress=False)
    assert store.conn.execute("SELECT count(*) FROM scan_pages").fetchone() == (0,)


def test_a_broken_picture_gets_our_message_only(tmp_path: Path) -> None:
    """OpenCV logs to the process's own stderr when it cannot decode a file: the secretary sees
    our one line naming the file, exit 2, and nothing of OpenCV's."""
    session = tmp_path / "m.toml"
    shutil.copy(ROOT / "sessions" / "mentougou-2017.toml", session)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    done = subprocess.run(
        [sys.executable, "-m", "reviewtui", "ballots", "scan", str(session), str(broken)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": ""},
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"{broken}: the file cannot be read"]


def test_undo_takes_the_whole_scan_back_and_no_picture_stays(store: Store) -> None:
    scan(store, [str(CLEAR), str(HELD)], entry=1, entered_by="甲", show_progress=False)
    undone = ballots.undo_last(store)
    assert undone is not None and undone.action == "scan"
    for table in ("ballots", "marks", "scan_pages", "scan_reviews"):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    store.conn.execute("PRAGMA wal_checkpoint")
    assert b"\x89PNG" not in Path(store.path).read_bytes()


def test_held_form_saved_after_review_leaves_no_picture(store: Store) -> None:
    scan(store, [str(HELD)], entry=1, entered_by="甲", show_progress=False)
    (item,) = review.held(store)
    assert b"\x89PNG" in Path(store.path).read_bytes()
    marks = dict(item.values)
    marks[("区农委", "总体评价")] = "好"
    marks[("大台街道工委", "总体评价")] = "较好"
    saved = review.save(store, item, marks, entered_by="甲")
    assert saved.source == "scan" and saved.marks[("区农委", "总体评价")] == "好"
    assert review.held(store) == []
    assert store.conn.execute("SELECT outcome FROM scan_pages").fetchone() == ("saved",)
    assert b"\x89PNG" not in Path(store.path).read_bytes()


def test_heavy_libraries_not_imported_at_start_up() -> None:
    probe = (
        "import sys, reviewtui.cli.fast, reviewtui.cli.app, reviewtui.cli.commands;"
        "import reviewtui.assessment.ballots;"
        "print(sorted(m for m in ('numpy', 'cv2', 'pypdfium2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.replace("'", '"')) == []


def test_held_form_dropped_leaves_no_picture(store: Store) -> None:
    scan(store, [str(HELD)], entry=1, entered_by="甲", show_progress=False)
    (item,) = review.held(store)
    assert b"\x89PNG" in Path(store.path).read_bytes()
    review.drop(store, item)
    assert review.held(store) == [] and ballots.find(store, "D001", 1) is None
    assert store.conn.execute("SELECT outcome FROM scan_pages").fetchone() == ("dropped",)
    store.conn.execute("PRAGMA wal_checkpoint")
    assert b"\x89PNG" not in Path(store.path).read_bytes()
    wal = Path(str(store.path) + "-wal")
    assert not wal.exists() or b"\x89PNG" not in wal.read_bytes()
