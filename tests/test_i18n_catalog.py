"""The catalogs: every key has both languages, and both say the same placeholders."""

from __future__ import annotations

import string

from reviewtui.i18n import CATALOG


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_every_key_and_the_same_placeholders() -> None:
    wrong: list[str] = []
    for key, texts in CATALOG.items():
        assert len(texts) == 2, key
        zh, en = texts
        if not zh.strip() or not en.strip():
            wrong.append(f"{key}: empty")
        elif _placeholders(zh) != _placeholders(en):
            wrong.append(f"{key}: {sorted(_placeholders(zh))} != {sorted(_placeholders(en))}")
    assert not wrong, "\n".join(wrong)
