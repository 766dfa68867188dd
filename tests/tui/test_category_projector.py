"""分类排名 on the projector (issue 25): with `rank_by = "category"`, revealing every category
draws each category's heading over its units, ranked within it; `rank_by = "all"` one ranking."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from test_categories import meeting
from textual.widgets import Static

from reviewtui import i18n
from reviewtui.assessment import reveal as rv
from reviewtui.store import Store
from reviewtui.tui.projector import ProjectorApp
from reviewtui.tui.reveal_board import RevealBoard


def _revealed(folder: Path, cli, rank_by: str) -> Path:
    i18n.set_lang("zh")
    db = meeting(folder, cli, rank_by)
    store = Store.open_writer(db)
    try:
        rv.reveal(store, "all", counter="张三", supervisor="李四")
    finally:
        store.close()
    return db


async def _rows_drawn(db: Path) -> list[str]:
    """The board's rows as drawn, one stripped line each, blank lines left out."""
    app = ProjectorApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        app.refresh_view()
        await pilot.pause()
        rows = app.query_one(RevealBoard).query_one("#board-rows", Static).content
        console = Console(file=io.StringIO(), width=116, color_system=None)
        console.print(rows)
    text: str = console.file.getvalue()  # type: ignore[attr-defined]
    return [" ".join(line.replace("█", "").replace("▌", "").split()) for line in
            text.splitlines() if line.strip()]  # fmt: skip


async def test_every_category_drawn_under_its_heading(tmp_path: Path, cli) -> None:
    lines = await _rows_drawn(_revealed(tmp_path, cli, "category"))
    assert lines[1:] == [
        "系统（2 个单位）",
        "1 区教委党委 100.00 好",
        "2 区卫健委党委 68.00 一般",
        "镇街（2 个单位）",
        "1 城子街道工委 92.00 好",
        "2 雁翅镇党委 80.00 较好",
    ]  # lines[0]: the column names


async def test_rank_by_all_draws_one_ranking(tmp_path: Path, cli) -> None:
    lines = await _rows_drawn(_revealed(tmp_path, cli, "all"))
    assert lines[1:] == [
        "1 区教委党委 100.00 好",
        "2 城子街道工委 92.00 好",
        "3 雁翅镇党委 80.00 较好",
        "4 区卫健委党委 68.00 一般",
    ]
