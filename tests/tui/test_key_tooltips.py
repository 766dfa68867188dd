"""Every key in a key bar has a tooltip, in both languages, shown when the mouse rests on it;
screens style themselves in .tcss, and only reusable widgets carry DEFAULT_CSS (issue 23)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

import reviewtui.tui
from reviewtui import i18n
from reviewtui import segment_kinds as kinds
from reviewtui.i18n import CATALOG
from reviewtui.tui.keys import localized
from reviewtui.tui.live import kind_bindings
from reviewtui.tui.widgets.keybar import KeyBar

from ._live_support import make_app, start


def _classes() -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for info in pkgutil.walk_packages(reviewtui.tui.__path__, "reviewtui.tui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, DOMNode) and obj.__module__ == info.name:
                found.append(obj)
    return found


def _shown_bindings() -> list[tuple[str, Binding]]:
    return [
        (cls.__name__, binding)
        for cls in _classes()
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.show
    ]


def test_every_shown_key_has_a_tooltip_in_both_languages(lang: str) -> None:
    shown = _shown_bindings()
    assert len(shown) > 50  # the screens were found
    missing = [f"{owner}: {b.key} ({b.id})" for owner, b in shown if not localized(b).tooltip]
    assert not missing, "keys without a tooltip:\n" + "\n".join(missing)
    for owner, binding in shown:
        tip = localized(binding).tooltip
        assert tip not in CATALOG, f"{owner}.{binding.id}: the catalog key itself is shown"


def test_every_segment_key_has_a_tooltip_naming_its_kind(lang: str) -> None:
    bindings = kind_bindings()
    assert len(bindings) == len([k for k in kinds.keyed() if k.key])
    for binding in bindings:
        kind = kinds.KINDS[binding.id.removeprefix("live.")]  # type: ignore[union-attr]
        assert i18n.t(kind.label) in localized(binding).tooltip


def test_tooltips_are_said_in_the_chosen_language() -> None:
    binding = Binding("s", "results", "agenda.key.results", id="agenda.results")
    try:
        i18n.set_lang("zh")
        zh = localized(binding).tooltip
        i18n.set_lang("en")
        en = localized(binding).tooltip
    finally:
        i18n.set_lang("en")
    assert (zh, en) == CATALOG["tip.results"]  # by its action: one entry for every screen


def test_a_binding_without_id_or_tip_has_none() -> None:
    assert localized(Binding("f9", "nothing", "Nothing")).tooltip == ""


def test_a_bindings_own_tip_comes_before_its_actions() -> None:
    own = Binding("escape", "back", "key.back", id="settings.back")
    shared = Binding("escape", "back", "key.back", id="stats.back")
    assert localized(own).tooltip == i18n.t("tip.settings.back")
    assert localized(shared).tooltip == i18n.t("tip.back") != localized(own).tooltip
    assert localized(Binding("?", "app.help", "help.key.help")).tooltip == i18n.t("tip.help")


async def test_resting_the_mouse_on_a_key_shows_its_tooltip(small_store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=(100, 20)) as pilot:
        await start(pilot)
        bar = app.screen.query_one(KeyBar)
        placed, _palette = bar.place(bar.size.width)
        results = next(p for p in placed if p.key.key == "s")
        await pilot.hover(KeyBar, offset=(results.x + 1, results.row))
        await pilot.pause()
        assert bar.tooltip == i18n.t("tip.results")
        help_key = next(p for p in placed if p.key.display == "?")
        await pilot.hover(KeyBar, offset=(help_key.x, help_key.row))
        await pilot.pause()
        assert bar.tooltip == i18n.t("tip.help")
        last = placed[-1]
        gap = last.x + len(last.key.label) + 1  # past the last key: no key, no tooltip
        await pilot.hover(KeyBar, offset=(gap, last.row))
        await pilot.pause()
        assert bar.tooltip is None


def test_screens_style_in_tcss_and_only_widgets_carry_default_css() -> None:
    screens = [
        cls.__name__
        for cls in _classes()
        if issubclass(cls, Screen) and cls.__dict__.get("DEFAULT_CSS", "").strip()
    ]
    assert not screens, f"screens with DEFAULT_CSS (put it in a .tcss file): {screens}"
