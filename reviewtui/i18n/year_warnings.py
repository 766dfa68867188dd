"""Strings of 跨年度提醒 (the plan's rules across years): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "warnings.action.remind": ("提醒", "reminder"),
    "warnings.action.talk": ("约谈", "talk"),
    "warnings.reason.level": (
        "连续 {n} 次测评等次为“{level}”或以下（{detail}）",
        "rated '{level}' or lower in {n} meetings running ({detail})",
    ),
    "warnings.reason.bottom": (
        "连续 {n} 次测评位列{scope}后 {bottom} 名（{detail}）",
        "among the last {bottom} of {scope} in {n} meetings running ({detail})",
    ),
    "warnings.reason.rectify": (
        "上一年度（{year}）整改清单中尚有 {count} 项未完成：{lines}",
        "{count} line(s) of last year's ({year}) rectification list still open: {lines}",
    ),
    "warnings.more_lines": ("等（另 {n} 项见整改清单）", " and {n} more (see the list)"),
    "warnings.scope.all": ("全部单位", "all units"),
    "warnings.scope.category": ("“{category}”类别", "category '{category}'"),
    "warnings.rank_in": ("{year} 第 {rank} 名", "{year} rank {rank}"),
    "warnings.line": ("【{action}】{unit}：{reason}。", "[{action}] {unit}: {reason}."),
    "warnings.title": ("跨年度提醒（{count} 条）", "Warnings across years ({count})"),
    "notice.warnings_intro": (
        "提醒和约谈（草稿）：根据考核办法中跨年度提醒的规定，拟对以下单位提醒或约谈。",
        "Reminders and talks (draft): under the rules across years, the following units are to"
        " be reminded or talked to.",
    ),
    "notice.warnings_reason": ("{unit}{reason}", "{unit}: {reason}"),
    "notice.warnings_sep": ("；", "; "),
    "notice.warnings_talk": (
        "拟约谈{units}主要负责同志：{reasons}。",
        "A talk with the heads of {units} is proposed: {reasons}.",
    ),
    "notice.warnings_remind": (
        "拟书面提醒{units}：{reasons}。",
        "A written reminder to {units} is proposed: {reasons}.",
    ),
}
