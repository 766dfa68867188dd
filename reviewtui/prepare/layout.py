"""The session workbook's sheets and columns (SPEC section 2), declared once.

Other programs fill this workbook, so the Chinese sheet names and headers are fixed; the English
template uses the session file's key names. Both are read, whatever the template's language.
"""

from __future__ import annotations

from typing import NamedTuple


class Column(NamedTuple):
    key: str  # the session file's key
    zh: str  # the fixed Chinese header
    kind: str = "text"  # text | duration | number | integer | time | date | choice
    width: int = 16  # column width in the template, in characters
    choices: str = ""  # for kind "choice": the name of a CHOICES entry


class Sheet(NamedTuple):
    key: str  # the session file's table (and the English sheet name)
    zh: str  # the fixed Chinese sheet name
    columns: tuple[Column, ...]
    # A key/value sheet (会议) lists one row per key instead of one record per row.
    rows: tuple[Column, ...] = ()


# choice name -> ((stored value, Chinese word), ...); both words are read.
CHOICES: dict[str, tuple[tuple[str, str], ...]] = {
    "mode": (("onsite", "现场"), ("written", "书面")),
    "agenda": (("speech", "讲话"), ("reports", "述职"), ("assessment", "测评"), ("break", "休息")),
    "warning_rule": (("level", "等次"), ("bottom", "末位"), ("rectify", "整改未完成")),
    "warning_action": (("remind", "提醒"), ("talk", "约谈")),
}

MEETING = Sheet(
    "meeting",
    "会议",
    (Column("key", "项目", width=14), Column("value", "内容", width=70)),
    rows=(
        Column("title", "会议名称"),
        Column("date", "日期", "date"),
        Column("start", "开始时间", "time"),
        Column("venue", "地点"),
        Column("chair", "主持人"),
        Column("organizer", "主办单位"),
        Column("recorder", "记录人"),
        Column("headline", "专栏标题"),  # the banner of the column layout (专栏)
        # The blend of the final score (SPEC 6): `[assessment] onsite_weight`, given as either
        # share ("70%", 70 or 0.7); both given must add up to 100 %.
        Column("onsite_share", "现场测评占比", "share"),
        Column("daily_share", "日常考核占比", "share"),
    ),
)
BLEND = ("onsite_share", "daily_share")  # 会议 rows that go to [assessment], not [meeting]
UNITS = Sheet(
    "units",
    "单位",
    (
        Column("name", "单位名称", width=24),
        Column("reporter", "述职人", width=20),
        Column("mode", "述职方式", "choice", 10, "mode"),
        Column("commenter", "点评领导", width=20),
        Column("topic", "述职题目", width=36),
        Column("report", "述职限时", "duration", 10),
        Column("daily", "日常考核得分", "number", 12),
        Column("aliases", "曾用名", "names", 24),  # names in the meeting before, 、-separated
        Column("category", "类别", width=12),  # 分类排名
    ),
)
LEADERS = Sheet("leaders", "领导", (Column("name", "姓名或职务", width=28),))
GROUPS = Sheet(
    "groups",
    "测评人类别",
    (
        Column("name", "类别", width=20),
        Column("weight", "权重", "number", 8),
        Column("issued", "发放份数", "integer", 10),
        Column("expected", "应到人数", "integer", 10),
        Column("code", "编号前缀", width=10),
    ),
)
REPRESENTATIVES = Sheet(
    "representatives",
    "提问人",
    (Column("name", "姓名", width=28), Column("group", "类别", width=20)),
)
AGENDA = Sheet(
    "agenda",
    "议程",
    (
        Column("kind", "类型", "choice", 10, "agenda"),
        Column("title", "标题", width=36),
        Column("speaker", "讲话人", width=20),
        Column("duration", "时长", "duration", 10),
    ),
)
ITEMS = Sheet(
    "items",
    "测评",
    (
        Column("name", "测评项目", width=24),
        Column("max", "满分", "number", 8),
        Column("weight", "权重", "number", 8),
    ),
)

# 跨年度提醒 (issue 25): `[[assessment.warnings]]`, one rule a row; optional, and a workbook
# made before it (without this sheet) reads as before.
WARNINGS = Sheet(
    "warnings",
    "跨年度提醒",
    (
        Column("rule", "规则", "choice", 12, "warning_rule"),
        Column("level", "等次", width=10),
        Column("bottom", "末位名数", "integer", 10),
        Column("category", "类别", width=12),
        Column("years", "连续届数", "integer", 10),
        Column("action", "处理", "choice", 10, "warning_action"),
    ),
)

SHEETS: tuple[Sheet, ...] = (
    MEETING, UNITS, LEADERS, GROUPS, REPRESENTATIVES, AGENDA, ITEMS, WARNINGS,
)  # fmt: skip
# Sheets whose rows go to `[assessment]` (items, warnings), not to a top-level table.
IN_ASSESSMENT = ("items", "warnings")
INSTRUCTIONS_ZH = "说明"
INSTRUCTIONS_EN = "instructions"


def sheet_title(sheet: Sheet, lang: str) -> str:
    return sheet.zh if lang == "zh" else sheet.key


def header(column: Column, lang: str) -> str:
    return column.zh if lang == "zh" else column.key


def choice_words(name: str, lang: str) -> list[str]:
    return [zh if lang == "zh" else value for value, zh in CHOICES[name]]


def choice_value(name: str, word: str) -> str | None:
    """The stored value of a choice written in either language; None if it is none of them."""
    word = word.strip().lower()
    for value, zh in CHOICES[name]:
        if word in (value, zh):
            return value
    return None
