"""Strings of the check summary: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "check.ok": ("{path}：会议文件有效", "{path}: the session file is valid"),
    "check.date": ("日期", "Date"),
    "check.onsite": ("现场述职单位", "On-site units"),
    "check.written": ("书面述职单位", "Written units"),
    "check.leaders": ("区领导", "Leaders"),
    "check.groups": ("测评人类别", "Rater groups"),
    "check.representatives": ("与会代表", "Representatives"),
    "check.agenda": ("议程", "Agenda"),
    "check.items": ("项", "items"),
    "check.planned": ("计划时长", "Planned duration"),
    "check.form": ("测评表", "Form"),
    "check.issued": ("发放", "issued"),
    "check.none": ("无", "none"),
    # The summary's pieces around the plan's own words (full-width marks in Chinese).
    "check.counted": ("{label}（{count}）", "{label} ({count})"),
    "check.group": ("{name}（{weight}）", "{name}({weight})"),
    "check.group_issued": ("{name}（{weight}，{issued}）", "{name}({weight},{issued})"),
    "check.item_max": ("{name}（0–{max}）", "{name} (0–{max})"),
    "check.form_line": ("{items}：{grades}", "{items}: {grades}"),
}
