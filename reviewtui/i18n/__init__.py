"""Every user-facing string, in Chinese and English, and the choice between them.

`t("key", name=...)` formats the string of the current language. The language is Chinese when
asked for (`--lang zh`) or, with no choice made, when LC_ALL/LANG starts with "zh"; otherwise
English. Catalog sections are grouped by the part of the product that speaks them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from reviewtui.i18n import (
    amendments,
    assessment,
    check,
    cli,
    common,
    compare,
    database,
    exports,
    live,
    merge,
    method,
    opinions,
    phones,
    plan,
    prepare,
    projector,
    rectify,
    reveal,
    rules,
    scan,
    settings,
    time_stats,
    tips,
    year_warnings,
)

LANGS = ("zh", "en")
_lang = "en"
_asked = False  # chosen with `--lang`: it wins over the meeting's own language

# key: (Chinese, English), merged from one module per part of the product.
CATALOG: dict[str, tuple[str, str]] = {}
_PARTS = (common, plan, check, database, cli, live, assessment, exports, projector, prepare)
for _part in (
    *_PARTS,
    compare,
    settings,
    rules,
    merge,
    reveal,
    opinions,
    time_stats,
    rectify,
    phones,
    amendments,
    scan,
    year_warnings,
    method,
    tips,
):
    if _twice := CATALOG.keys() & _part.STRINGS.keys():
        raise RuntimeError(f"i18n keys defined twice: {sorted(_twice)}")
    CATALOG.update(_part.STRINGS)


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """Chinese when LC_ALL (or, unset, LANG) starts with "zh"; otherwise English."""
    env = os.environ if env is None else env
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"


def set_lang(lang: str | None, *, asked: bool | None = None) -> str:
    """Set the language (`None` detects it from the environment) and return it. A language
    given is taken as asked for (`--lang`) unless `asked=False` says it is the meeting's."""
    global _lang, _asked
    chosen = detect_lang() if lang is None else lang
    if chosen not in LANGS:
        raise ValueError(lang)
    _lang = chosen
    _asked = lang is not None if asked is None else asked
    return _lang


def asked() -> bool:
    """Whether the language was asked for (`--lang`), not found in the environment."""
    return _asked


def get_lang() -> str:
    return _lang


def t(key: str, /, **values: object) -> str:
    """The string `key` in the current language, formatted with `values`."""
    zh, en = CATALOG[key]
    text = zh if _lang == "zh" else en
    return text.format(**values) if values else text


class Said(str):
    """A message in the language of the moment that can be said again in one chosen later: the
    store tells what it did at open (an upgrade, a journal set aside) before `run` knows the
    meeting's language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, /, **values: object) -> Said:
        said = super().__new__(cls, t(key, **values))
        said.key, said.values = key, values
        return said

    def again(self) -> str:
        """The message in the current language."""
        return t(self.key, **self.values)
