"""The catalogs: every key has both languages, and both say the same placeholders."""

from __future__ import annotations

import string
from pathlib import Path

from reviewtui.i18n import CATALOG


def _placeholders(text: str) -> set[str]:
    """Each field as written: its name, format spec and conversion (`{n:d}`, `{name!r}`)."""
    return {
        name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
        for _, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    }


def test_both_languages_have_every_key_and_the_same_placeholders() -> None:
    wrong: list[str] = []
    for key, texts in CATALOG.items():
        assert len(texts) == 2, key
        zh, en = texts
        assert isinstance(zh, str) and isinstance(en, str), key
        if not zh.strip() or not en.strip():
            wrong.append(f"{key}: empty")
        elif _placeholders(zh) != _placeholders(en):
            wrong.append(f"{key}: {sorted(_placeholders(zh))} != {sorted(_placeholders(en))}")
    assert not wrong, "\n".join(wrong)


PACKAGE = Path(__file__).resolve().parent.parent / "reviewtui"


def _source() -> str:
    """Every module that may name a catalog key (the catalogs themselves left out)."""
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(PACKAGE.rglob("*.py"))
        if "i18n" not in path.relative_to(PACKAGE).parts or path.name == "__init__.py"
    )


def _used(key: str, source: str) -> bool:
    """Named whole (`"key.undo"`, `'key.undo'` inside an f-string), or built at run
    time from a prefix of it (`f"kind.{name}"`, `f"book.toml_{table}"`) or with a suffix
    (`f"{key}_over"`)."""
    if f'"{key}"' in source or f"'{key}'" in source:
        return True
    for i in range(1, len(key)):
        if key[i - 1] in "._" and f'f"{key[:i]}{{' in source:
            return True
        if key[i] == "_" and f'"{key[:i]}"' in source and f'}}{key[i:]}"' in source:
            return True
    return False


def test_the_placeholder_check_can_fail() -> None:
    assert _placeholders("{a}，{b:.1f}") == {"a", "b:.1f"}
    assert _placeholders("{n}个") != _placeholders("{count} items")
    assert _placeholders("{n:d}") != _placeholders("{n}")
    assert _placeholders("{name!r}") != _placeholders("{name}")


def test_every_key_is_namespaced() -> None:
    """A dotted key: the unused-key check below finds a key by its quoted name, and a bare word
    ("yes", "error") is quoted all over the code for other reasons."""
    bare = sorted(key for key in CATALOG if "." not in key.strip("."))
    assert not bare, f"catalog keys without a part (name them part.word): {bare}"


def test_every_key_is_used() -> None:
    source = _source()
    unused = sorted(key for key in CATALOG if not _used(key, source))
    assert not unused, f"catalog keys no code uses: {unused}"


def test_the_unused_key_check_can_fail() -> None:
    source = "\n".join(
        [
            'x = t("key.undo")',
            "v = f\"{t('a.c')}\"",
            'y = t(f"kind.{name}")',
            'z = t(f"{key}_over")',
            'w = "a.b"',
        ]
    )
    assert _used("key.undo", source)
    assert _used("a.c", source)
    assert _used("kind.report", source)
    assert _used("a.b_over", source)
    assert not _used("live.key.redo", source)
    assert not _used("plan.never", source)
