"""Fault injection through the real TUI (issue 7): `reviewtui run` in tmux, driven by keys as a
secretary would (r, q + asker + question, a, c + gist, space, e, n), killed with SIGKILL at
random moments and started again each time.

Before each kill the screen is read (`tmux capture-pane`); after it, the database must pass
`PRAGMA integrity_check` and hold every record the record panel had shown (its start, its kind,
who spoke and what was said), and the app must come back on the live screen if a segment was
running. The counts are printed (`pytest -s`) and kept in the assertion messages.

Skipped where tmux is not installed. The seed of the random moments is printed; set
REVIEWTUI_KILL_SEED to replay one run. The whole test takes some 20–40 s.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewtui.meeting import Meeting, Segment
from reviewtui.store import Store
from reviewtui.tui.widgets.records import who_of
from reviewtui.tui.widgets.text import phase_name

from .test_live_crash import WAIT, Tmux, kill_and_wait

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5
BUDGET = 40.0  # seconds: no new round starts after this, so the test stays under a minute

# What tells the screens apart (English: the app runs with --lang en).
AGENDA = "Reporter/speaker"  # the agenda's column header
DIALOG = "tab next field"
LIVE = "─ Record ─"
KINDS = ("Report", "Question", "Answer", "Comment", "Speech", "Break", "Assessment")

# `14:35:02  Question  党代表 张建国  0:55` (the who column is padded; two spaces end it)
RECORD = re.compile(
    r"│ (?P<time>\d\d:\d\d:\d\d)  (?P<kind>" + "|".join(KINDS) + r") +(?P<who>\S.*?)(?=  |│|$)"
)
TEXT = re.compile(r"^│     (?P<text>\S.*?)\s*(?:│|$)")  # the line under a record: what was said
DURATION = re.compile(r"^-?\d+:\d\d$")
SCROLLBAR = re.compile(r"\s*[\u2580-\u259f]+$")  # a scrollbar thumb drawn at the panel's edge


@dataclass(frozen=True)
class Shown:
    """One record as the record panel showed it."""

    time: str
    kind: str
    who: str
    text: str | None


TOAST_EDGE = "▌"


def shown_records(screen: str) -> list[Shown]:
    found: list[Shown] = []
    # A notification ("Nothing is being timed") is drawn over the right of the panel, from its
    # left edge "▌" on: what is under it is not shown, so is not read.
    lines = [line.split(TOAST_EDGE, 1)[0] for line in screen.splitlines()]
    for index, line in enumerate(lines):
        match = RECORD.search(line)
        if match is None:
            continue
        text = None
        if index + 1 < len(lines) and (under := TEXT.match(lines[index + 1])):
            text = SCROLLBAR.sub("", under["text"])
        who = match["who"]
        if (who.startswith("[") and who.endswith("]")) or DURATION.match(who):
            who = ""  # no speaker: the column shows the [running] mark or the duration
        found.append(Shown(match["time"], match["kind"], who, text))
    return found


def matches(record: Shown, segment: Segment, meeting: Meeting) -> bool:
    item = meeting.item(segment.item_id)
    if segment.started_at.strftime("%H:%M:%S") != record.time:
        return False
    if phase_name(segment.kind, item) != record.kind:
        return False
    asker = None
    if segment.question_id is not None:
        asker = meeting.segment(segment.question_id).speaker
    who = who_of(segment, item, asker)
    if record.who and not who.startswith(record.who.removesuffix("…")):
        return False
    return record.text is None or segment.text.startswith(record.text.removesuffix("…"))


class Driver:
    """Keys as a secretary types them, with small pauses so that the app keeps up."""

    def __init__(self, tmux: Tmux, rng: random.Random) -> None:
        self.tmux = tmux
        self.rng = rng
        self.typed = 0

    def pause(self) -> None:
        time.sleep(self.rng.uniform(0.2, 0.45))

    def on_live_screen(self) -> str:
        """Whatever is on screen, get to the live screen with no dialog open."""
        deadline = time.monotonic() + WAIT
        while True:
            shown = self.tmux.screen()
            if DIALOG in shown:
                self.tmux.keys("Escape")  # closes the dialog, keeping what is recorded
            elif LIVE in shown:
                return shown
            elif AGENDA in shown:
                self.tmux.keys("Enter")
            if time.monotonic() > deadline:
                raise AssertionError(f"never reached the live screen:\n{shown}")
            time.sleep(0.4)

    def dialog(self, key: str, asker: str | None, text: str, *, finish: bool = True) -> None:
        self.tmux.keys(key)
        self.tmux.wait_for(DIALOG)
        if asker is not None:  # a question: the cursor is in the asker field
            self.tmux.keys(asker, literal=True)
            time.sleep(0.3)
            self.tmux.keys("Tab")
            time.sleep(0.2)
        self.tmux.keys(text, literal=True)
        if finish:
            time.sleep(0.3)
            self.tmux.keys("Enter")
            self.pause()

    def step(self, last: bool) -> str:
        """One random command; the last one of a round may leave a dialog open mid-typing."""
        self.typed += 1
        choice = self.rng.choices(
            ["r", "q", "a", "c", "Space", "e", "n"], weights=[3, 4, 3, 2, 2, 2, 1]
        )[0]
        if choice == "q":
            asker = self.rng.choice(["zjg", "lxy", "区委书记"])
            self.dialog("q", asker, f"why {self.typed}", finish=not last or self.rng.random() < 0.5)
        elif choice == "c":
            self.dialog("c", None, f"gist {self.typed}", finish=not last or self.rng.random() < 0.5)
        else:
            self.tmux.keys(choice)
            self.pause()
            if choice == "n":  # past the last item `n` returns to the agenda: open one again
                self.on_live_screen()
        return choice


def check_database(db: Path, shown: list[Shown], screen: str) -> tuple[int, str | None]:
    """integrity_check, every shown record stored. (records verified, the live item's title
    when a segment runs or a dialog was open: the app must reopen it)."""
    store = Store.open_reader(db)
    try:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        meeting = Meeting(store)
        segments = meeting.segments()
        for record in shown:
            assert any(matches(record, s, meeting) for s in segments), (
                f"shown before the kill but not in the database: {record}\n{screen}"
            )
        busy = meeting.running() is not None or meeting.open_dialog() is not None
        item = meeting.current_item()
        return len(shown), item.title if busy and item is not None else None
    finally:
        store.close()


class KillTmux(Tmux):
    """test_live_crash's tmux, which also removes the socket files of its own servers."""

    def __init__(self, tmp_path: Path) -> None:
        super().__init__(tmp_path)
        self.sockets: list[str] = []

    def start(self, toml: Path) -> None:
        super().start(toml)
        self.sockets.append(self.socket)

    def close(self) -> None:
        super().close()
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        for name in self.sockets:
            (folder / name).unlink(missing_ok=True)


@pytest.fixture
def tmux(tmp_path):
    session = KillTmux(tmp_path)
    yield session
    session.close()


@pytest.mark.skipif(
    not os.environ.get("REVIEWTUI_TUI_KILLS"),
    reason="slow and timing-dependent (tmux, real kills); run with REVIEWTUI_TUI_KILLS=1",
)
def test_sigkill_at_random_moments_through_the_tui(tmux, tmp_path):
    seed = int(os.environ.get("REVIEWTUI_KILL_SEED", random.randrange(2**32)))
    print(f"REVIEWTUI_KILL_SEED={seed}")
    rng = random.Random(seed)
    toml = tmp_path / "small.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", toml)
    db = toml.with_suffix(".db")
    driver = Driver(tmux, rng)
    started = time.monotonic()
    kills = verified = resumed = 0
    distinct: set[Shown] = set()
    tmux.start(toml)
    for _ in range(KILLS):
        if time.monotonic() - started > BUDGET:
            break
        driver.on_live_screen()
        steps = rng.randint(2, 6)
        for number in range(steps):
            driver.step(last=number == steps - 1)
        time.sleep(rng.uniform(0.0, 0.6))  # the moment: maybe mid-write, maybe mid-typing
        screen = tmux.screen()
        kill_and_wait(tmux.app_pid())
        kills += 1
        records = shown_records(screen)
        assert records or "Nothing recorded yet" in screen, screen
        count, live_item = check_database(db, records, screen)
        verified += count
        distinct.update(records)
        tmux.close()
        tmux.start(toml)
        if live_item is not None:  # straight back to the live screen, the segment running
            shown = tmux.wait_for(LIVE, live_item)
            assert AGENDA not in shown, shown
            resumed += 1
        else:
            tmux.wait_for(AGENDA)
    summary = (
        f"seed {seed}: {kills} kills, {verified} shown records verified in the database "
        f"({len(distinct)} distinct), {resumed} restarts straight back to the live screen"
    )
    print(summary)
    assert kills >= 2, summary
    assert verified >= kills, summary
