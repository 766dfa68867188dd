"""Strings of attendance, the settings screen and the amendments offered by `run`."""

STRINGS: dict[str, tuple[str, str]] = {
    "attendance.issued": ("发放份数", "forms issued"),
    "attendance.expected": ("应到", "expected"),
    "attendance.present": ("实到", "present"),
    "attendance.absent": ("请假", "absent"),
    "attendance.unknown_group": (
        "没有测评人类别“{group}”",
        "there is no rater group '{group}'",
    ),
    "attendance.negative": (
        "“{group}”的{field}不能是负数",
        "{group}: {field} cannot be negative",
    ),
    "attendance.too_many": (
        "“{group}”实到 {present} 人、请假 {absent} 人，合计超过应到 {expected} 人",
        "{group}: {present} present and {absent} absent are more than the {expected} expected",
    ),
    "attendance.summary": (
        "应到 {expected} · 实到 {present} · 请假 {absent}",
        "expected {expected} · present {present} · absent {absent}",
    ),
    "attendance.unknown": ("—", "—"),
    "agenda.key.settings": ("设置", "Settings"),
    "settings.title": ("设置：发放份数与出席情况", "Settings: forms issued and attendance"),
    "settings.hint": (
        "空白表示未知。ctrl+s 保存，escape 返回。保存后可在议程页按 ctrl+z 撤销。",
        "Leave blank if not known. ctrl+s saves, escape goes back; ctrl+z on the agenda undoes.",
    ),
    "settings.bad_number": (
        "“{group}”的{field}应是不小于 0 的整数，而不是“{text}”",
        "{group}: {field} must be a whole number of 0 or more, not '{text}'",
    ),
    "settings.saved": ("已保存设置（ctrl+z 可撤销）", "Settings saved (ctrl+z undoes)"),
    "settings.unchanged": ("没有修改", "Nothing changed"),
    "settings.refused": (
        "以下修改不能进行，未作任何改动：",
        "These changes cannot be made; nothing was changed:",
    ),
    "settings.discard": (
        "已输入的修改尚未保存。按 enter 放弃修改并返回，escape 继续编辑。",
        "What you typed is not saved. enter discards it and goes back; escape keeps editing.",
    ),
    "offer.title": ("会议文件已修改", "The session file has changed"),
    "offer.intro": (
        "会议文件 {toml} 与数据库 {db} 中的会议安排不同，以下修改可以应用到已开始的会议：",
        "The session file {toml} differs from the plan in {db}; these changes can be applied "
        "to the started meeting:",
    ),
    "offer.how": (
        "按 enter 应用这些修改（议程页 ctrl+z 可撤销）/ escape 不修改并退出",
        "enter applies these changes (ctrl+z on the agenda undoes) / escape quits changing nothing",
    ),
    "offer.applied": (
        "已应用会议文件的修改（{count} 项）",
        "Applied the session file's changes ({count})",
    ),
    "offer.key.apply": ("应用修改", "Apply"),
    "offer.key.quit": ("不修改并退出", "Quit"),
}
