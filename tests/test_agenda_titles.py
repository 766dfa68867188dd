"""A default agenda title (测评 / Assessment) is decided in one place, `plan.titles`."""

from __future__ import annotations

from reviewtui import i18n
from reviewtui.plan import titles


def test_a_default_title_reads_in_the_current_language_whichever_it_was_stored_in() -> None:
    i18n.set_lang("zh")
    zh = titles.default_title("assessment")
    i18n.set_lang("en")
    en = titles.default_title("assessment")
    assert zh != en
    for stored in (zh, en):
        assert titles.is_default("assessment", stored)
        assert titles.shown("assessment", stored) == en
    i18n.set_lang("zh")
    assert titles.shown("assessment", en) == zh


def test_a_title_from_the_session_file_stays_as_written() -> None:
    assert not titles.is_default("assessment", "民主测评（第一轮）")
    assert titles.shown("assessment", "民主测评（第一轮）") == "民主测评（第一轮）"
    assert not titles.is_default("speech", None)


def test_a_units_title_is_its_name_even_when_it_reads_like_a_default() -> None:
    i18n.set_lang("en")
    assert not titles.is_default("unit", titles.default_title("assessment"))
