"""Find a person by what the secretary types: part of the name, or its pinyin.

`search("zjg", names)` offers "党代表 张建国": a query matches a name when it is part of the name,
or when it spells consecutive characters of the name in pinyin, each character by its full
syllable or by any beginning of it ("zjg", "zhangjg", "zhangjianguo", "zhjg"). Characters with
several readings (长: chang, zhang) match by any of them. No Textual here: the core and the TUI
both use it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from functools import lru_cache

# Lower rank = better match; names of equal rank keep their given order.
EXACT, PREFIX, SUBSTRING, PINYIN_WORD, PINYIN = range(5)


@lru_cache(maxsize=4096)
def _readings(name: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """One entry per letter or character of `name`: its readings, and whether a word starts there.

    Spaces and punctuation are dropped (they separate words); Latin letters and digits read as
    themselves.
    """
    tokens: list[tuple[tuple[str, ...], bool]] = []
    word_start = True
    for char in name:
        if char.isspace() or not char.isalnum():
            word_start = True
            continue
        if char.isascii():
            readings: tuple[str, ...] = (char.lower(),)
        else:
            found = _pinyin(char)
            readings = tuple(dict.fromkeys(r.lower() for r in found[0] if r.isalpha()))
            if not readings or readings == (char.lower(),):
                readings = (char.lower(),)
        tokens.append((readings, word_start))
        word_start = False
    return tuple(tokens)


def _pinyin(char: str) -> list[list[str]]:
    """Every reading of one character. pypinyin is imported on first use, without its phrase
    dictionary (~130 ms at start-up, and only single characters are read here)."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, pinyin

    return pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")


def _spells_from(tokens: Sequence[tuple[tuple[str, ...], bool]], start: int, query: str) -> bool:
    """Whether `query` spells tokens[start:...] in pinyin (each token by a prefix of a reading)."""
    seen: set[tuple[int, int]] = set()

    def walk(index: int, pos: int) -> bool:
        if pos == len(query):
            return True
        if index == len(tokens) or (index, pos) in seen:
            return False
        seen.add((index, pos))
        rest = query[pos:]
        for reading in tokens[index][0]:
            longest = 0
            while (
                longest < len(reading) and longest < len(rest) and reading[longest] == rest[longest]
            ):
                longest += 1
            # Longest first: "zhang" before "zh" before "z".
            for size in range(longest, 0, -1):
                if walk(index + 1, pos + size):
                    return True
        return False

    return walk(start, 0)


def _normalize(query: str) -> str:
    return "".join(query.split()).lower()


def rank(query: str, name: str) -> int | None:
    """How well `query` finds `name` (lower is better), or None when it does not."""
    typed = query.strip().lower()
    if not typed:
        return None
    lowered = name.lower()
    if lowered == typed:
        return EXACT
    if lowered.startswith(typed):
        return PREFIX
    if typed in lowered or _normalize(typed) in _normalize(lowered):
        return SUBSTRING
    spelled = _normalize(typed)
    if not (spelled.isascii() and spelled.isalnum()):
        return None
    tokens = _readings(name)
    best: int | None = None
    for start, (_, word_start) in enumerate(tokens):
        if _spells_from(tokens, start, spelled):
            if word_start:
                return PINYIN_WORD
            best = PINYIN
    return best


def matches(query: str, name: str) -> bool:
    return rank(query, name) is not None


def search(query: str, names: Iterable[str], limit: int | None = None) -> list[str]:
    """The names `query` finds, best first; every name (in order) when `query` is blank."""
    unique = list(dict.fromkeys(names))
    if not query.strip():
        return unique[:limit] if limit is not None else unique
    ranked = [(r, i, n) for i, n in enumerate(unique) if (r := rank(query, n)) is not None]
    ranked.sort()
    found = [n for _, _, n in ranked]
    return found[:limit] if limit is not None else found
