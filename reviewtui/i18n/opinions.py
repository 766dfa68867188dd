"""Strings of the opinions written on the forms (意见建议): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "opinion.too_long": (
        "{unit}：意见建议太长（{count} 个字符，最多 {limit} 个）",
        "{unit}: the opinion is too long ({count} characters; at most {limit})",
    ),
    "opinion.off": (
        "本次会议的测评表没有意见建议栏（assessment.opinions = false），不能录入意见建议",
        "this meeting's form has no opinion lines (assessment.opinions = false): "
        "opinions cannot be entered",
    ),
    "opinion.column_off": (
        "文件有 opinion 列，但本次会议的测评表没有意见建议栏（在会议文件 [assessment] 中设 "
        "opinions = true）",
        "the file has an opinion column, but this meeting's form has no opinion lines "
        "(set opinions = true under [assessment] in the session file)",
    ),
    "opinion.two": (
        "测评表 {code} 对“{unit}”有两条不同的意见建议（另一条在第 {other} 行）",
        "ballot {code} has two different opinions on '{unit}' (the other on line {other})",
    ),
    "opinion.title": ("意见建议", "Opinions"),
    "opinion.col.text": ("意见", "Opinion"),
    "opinion.placeholder": ("意见建议（Enter 返回评分）", "opinion (enter: back to grades)"),
    "opinion.key.edit": ("写意见", "Opinion"),
}
