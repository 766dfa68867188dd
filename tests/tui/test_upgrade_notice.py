"""The notice that a file was upgraded (said by the store at open, before `run` knows the
meeting's language) is shown in the meeting's language: a Chinese meeting opened in a terminal
without a Chinese locale showed it in English among Chinese screens (so did 0.3.0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.store import backup_path, open_session
from reviewtui.store.language import speak
from tests.test_upgrade_v5 import copy_fixture

from ._live_support import SIZE, make_app, notifications


@pytest.mark.parametrize("terminal", ["en", "zh"])
async def test_the_upgrade_notice_is_in_the_meetings_language(
    tmp_path: Path, terminal: str
) -> None:
    db = copy_fixture("small", tmp_path)
    i18n.set_lang(terminal, asked=False)  # the terminal's locale, not --lang
    store = open_session(db, write=True)
    try:
        speak(store)  # as `run` does: the meeting is Chinese
        assert i18n.get_lang() == "zh"
        app = make_app(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            told = [n for n in notifications(app) if str(backup_path(db, 5)) in n]
            assert told and "升级" in told[0], notifications(app)
    finally:
        store.close()
