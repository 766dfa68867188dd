"""Chinese texts punctuate with full-width marks (GB/T 15834): ，；？！（）： next to Chinese.

ASCII stays where it is not prose punctuation: times and durations ("14:30", "m:ss"), file
locations ("{path}:{line}:{key}:"), addresses ("{address}:{port}"), TOML and command lines.
Those have no Chinese character beside the mark, so the check passes them by itself; the few
texts that must keep an ASCII mark beside Chinese are listed below with their reason.
"""

from __future__ import annotations

import re

from reviewtui.i18n import CATALOG

# Chinese ideographs, CJK and full-width punctuation, Chinese quotes, ellipsis and dash.
_CHINESE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’…—"
# An ASCII , ; ? ! ( ) or : with a Chinese character beside it (spaces between allowed).
_ASCII_BESIDE_CHINESE = re.compile(
    rf"[{_CHINESE}] *[,;?!():]|[,;?!():] *[{_CHINESE}]",
)

# key -> why its Chinese text keeps an ASCII mark beside a Chinese character.
ALLOWED: dict[str, str] = {
    "book.instructions": "述职限时写成 分:秒 names the cell's format, typed as 5:00",
    "book.toml_head": '"分:秒" and "时:分:秒" name the duration format, typed as "5:00"',
}

_PAIRS = {"(": ")", "（": "）"}


def ascii_beside_chinese(text: str) -> list[str]:
    """Each ASCII mark in `text` that punctuates Chinese, with its surroundings."""
    return [text[max(m.start() - 4, 0) : m.end() + 4] for m in _ASCII_BESIDE_CHINESE.finditer(text)]


def unpaired(text: str) -> bool:
    """Whether a bracket is left open or closed by the other width's bracket."""
    open_: list[str] = []
    for char in text:
        if char in _PAIRS:
            open_.append(_PAIRS[char])
        elif char in _PAIRS.values() and (not open_ or open_.pop() != char):
            return True
    return bool(open_)


def test_chinese_texts_use_full_width_punctuation() -> None:
    wrong = [
        f"{key}: {found}"
        for key, (zh, _en) in CATALOG.items()
        if key not in ALLOWED and (found := ascii_beside_chinese(zh))
    ]
    assert not wrong, "ASCII punctuation in Chinese text:\n" + "\n".join(wrong)


def test_the_allowed_keys_exist_and_still_need_it() -> None:
    stale = [
        key for key in ALLOWED if key not in CATALOG or not ascii_beside_chinese(CATALOG[key][0])
    ]
    assert not stale, f"allow-list entries no longer needed: {stale}"


def test_brackets_in_chinese_texts_are_paired() -> None:
    wrong = [key for key, (zh, _en) in CATALOG.items() if unpaired(zh)]
    assert not wrong, f"unpaired or mixed-width brackets: {wrong}"


def test_the_punctuation_checks_can_fail() -> None:
    assert len(ascii_beside_chinese("{path}:文件不存在")) == 1
    assert ascii_beside_chinese("未知的键“{key}”(是否拼写错误?)")
    assert ascii_beside_chinese("开始: 14:30")
    assert ascii_beside_chinese("已保存;已撤销") and ascii_beside_chinese("好, 差")
    # ASCII that is not prose punctuation passes.
    for fine in (
        "{path}:{line}:{key}:",
        "{address}:{port} 上提供",
        "开始：14:30",
        "-m:ss 与",
        "1-9",
    ):
        assert not ascii_beside_chinese(fine), fine
    assert unpaired("（第 {n} 列)") and unpaired("(第 {n} 列") and unpaired("第 {n} 列）")
    assert not unpaired("（如 A001）(x)")
