"""Finding a person by part of the name or by pinyin (reviewtui.names)."""

from __future__ import annotations

import pytest

from reviewtui import names

PEOPLE = [
    "党代表 张建国",
    "党代表 李秀英",
    "基层党组织书记 刘桂兰",
    "区委书记",
    "区长",
    "区委常委、组织部部长",
    "Mr Smith",
]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("zjg", "党代表 张建国"),  # pinyin initials
        ("ZJG", "党代表 张建国"),
        ("zhangjg", "党代表 张建国"),  # full syllables and initials mixed
        ("zhangjianguo", "党代表 张建国"),  # full pinyin
        ("zhjg", "党代表 张建国"),  # any beginning of each syllable
        ("zhang jian", "党代表 张建国"),  # spaces ignored
        ("lxy", "党代表 李秀英"),
        ("lgl", "基层党组织书记 刘桂兰"),
        ("张建", "党代表 张建国"),  # part of the name
        ("李", "党代表 李秀英"),
        ("qz", "区长"),
        ("qwcw", "区委常委、组织部部长"),  # punctuation between characters is skipped
        ("zzbbz", "区委常委、组织部部长"),  # 长: zhang as well as chang
        ("smith", "Mr Smith"),
    ],
)
def test_finds(query, first):
    assert names.search(query, PEOPLE)[0] == first


@pytest.mark.parametrize("query", ["xyz", "zjx", "张国建", "qq"])
def test_finds_nothing(query):
    assert names.search(query, PEOPLE) == []


def test_blank_offers_everyone_in_order():
    assert names.search("", PEOPLE) == PEOPLE
    assert names.search("  ", PEOPLE, limit=2) == PEOPLE[:2]


def test_best_match_first():
    # "区委书记" is found exactly; "区委常委、组织部部长" only by its beginning
    assert names.search("区委书记", PEOPLE) == ["区委书记"]
    assert names.search("区委", PEOPLE) == ["区委书记", "区委常委、组织部部长"]
    # initials at the start of a word rank above initials inside a word
    assert names.search("ddb", PEOPLE)[:2] == ["党代表 张建国", "党代表 李秀英"]


def test_rank_levels():
    assert names.rank("区长", "区长") == names.EXACT
    assert names.rank("区", "区长") == names.PREFIX
    assert names.rank("长", "区长") == names.SUBSTRING
    assert names.rank("zjg", "党代表 张建国") == names.PINYIN_WORD
    assert names.rank("jg", "党代表 张建国") == names.PINYIN
    assert names.rank("", "区长") is None
    assert not names.matches("x", "区长")


def test_duplicates_are_offered_once():
    assert names.search("区长", ["区长", "区长"]) == ["区长"]
