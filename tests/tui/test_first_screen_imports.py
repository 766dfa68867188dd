"""`run`'s first screen loads only what it shows (issue 23, item 7): no assessment, export or
minutes code, no other screen, no command but `run`, no document library, no hashing for a
journal not yet written. Each of these was once loaded before the agenda was drawn."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reviewtui.store import open_session

NOT_BEFORE_THE_FIRST_SCREEN = (
    "reviewtui.assessment",
    "reviewtui.export",
    "reviewtui.minutes",
    "reviewtui.tui.live",
    "reviewtui.tui.results",
    "reviewtui.tui.ballot_view",
    "reviewtui.cli.app",
    "reviewtui.cli.commands.assessment",
    "reviewtui.cli.commands.documents",
    "openpyxl",
    "docx",
    "typer",
    "secrets",
)

PROBE = """
import asyncio, json, sys
import reviewtui.cli.fast, reviewtui.cli.commands.meeting
from reviewtui.store import open_session
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.app import ReviewApp

async def main():
    store = open_session(sys.argv[1], write=True)
    app = ReviewApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen), app.screen
        print(json.dumps(sorted(sys.modules)))
    store.close()

asyncio.run(main())
"""


def test_the_first_screen_loads_only_what_it_shows(small_session: Path) -> None:
    open_session(small_session, write=True).close()  # made before, as a meeting's database is
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(small_session.with_suffix(".db"))],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "reviewtui.tui.agenda" in loaded  # the probe saw the first screen
    early = sorted(
        name
        for name in loaded
        if any(name == bad or name.startswith(bad + ".") for bad in NOT_BEFORE_THE_FIRST_SCREEN)
    )
    assert not early, f"loaded before the first screen: {early}"
