"""Every user-facing string, in Chinese and English, and the choice between them.

`t("key", name=...)` formats the string of the current language. The language is Chinese when
asked for (`--lang zh`) or, with no choice made, when LC_ALL/LANG starts with "zh"; otherwise
English. Catalog sections are grouped by the part of the product that speaks them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("zh", "en")
_lang = "en"

# key: (Chinese, English)
CATALOG: dict[str, tuple[str, str]] = {
    # --- common ------------------------------------------------------------------------------
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "error": ("错误", "Error"),
    "warning": ("警告", "Warning"),
    "lang.bad": ("不支持的语言“{lang}”:只能是 zh 或 en", "unsupported language '{lang}': use zh or en"),
    "file.missing": ("{path}:文件不存在", "{path}: no such file"),
    "file.unreadable": ("{path}:无法读取({reason})", "{path}: cannot be read ({reason})"),
    "file.not_utf8": (
        "{path}:文件不是 UTF-8 编码(第 {line} 行附近),请另存为 UTF-8 后再试",
        "{path}: the file is not UTF-8 (near line {line}); save it as UTF-8 and try again",
    ),
    "file.empty": ("{path}:文件是空的", "{path}: the file is empty"),
    "file.bad_suffix": (
        "{path}:需要 .toml 会议文件或 .db 会议数据库",
        "{path}: expected a .toml session file or a .db meeting database",
    ),
    # --- session file validation -------------------------------------------------------------
    "plan.where": ("{path}:{line}:{key}:", "{path}:{line}: {key}: "),
    "plan.where_noline": ("{path}:{key}:", "{path}: {key}: "),
    "plan.toml_syntax": ("TOML 语法错误:{detail}", "TOML syntax error: {detail}"),
    "plan.required": ("缺少必填项", "is required but missing"),
    "plan.unknown_key": ("未知的键“{key}”(是否拼写错误?)", "unknown key '{key}' (a typo?)"),
    "plan.unknown_key_hint": (
        "未知的键“{key}”,是否应为“{hint}”?",
        "unknown key '{key}'; did you mean '{hint}'?",
    ),
    "plan.type.str": ("应为文本,实际是 {got}", "must be text, not {got}"),
    "plan.type.number": ("应为数字,实际是 {got}", "must be a number, not {got}"),
    "plan.type.int": ("应为整数,实际是 {got}", "must be a whole number, not {got}"),
    "plan.type.bool": ("应为 true 或 false,实际是 {got}", "must be true or false, not {got}"),
    "plan.type.table": ("应为表(键值组),实际是 {got}", "must be a table, not {got}"),
    "plan.type.list": ("应为数组,实际是 {got}", "must be an array, not {got}"),
    "plan.type.list_of_tables": (
        "应为表的数组([[...]]),实际是 {got}",
        "must be an array of tables ([[...]]), not {got}",
    ),
    "plan.empty_text": ("不能为空", "must not be empty"),
    "plan.bad_date": (
        "“{value}”不是有效日期(应为 YYYY-MM-DD)",
        "'{value}' is not a valid date (expected YYYY-MM-DD)",
    ),
    "plan.bad_time": ("“{value}”不是有效时间(应为 HH:MM)", "'{value}' is not a valid time (expected HH:MM)"),
    "plan.bad_duration": (
        "“{value}”不是有效时长(应为 “m:ss”、“h:mm:ss” 或整秒数)",
        "'{value}' is not a valid duration (expected \"m:ss\", \"h:mm:ss\" or whole seconds)",
    ),
    "plan.nonpositive_duration": ("时长必须大于 0", "the duration must be greater than zero"),
    "plan.range": ("{value} 超出范围,应在 {low} 到 {high} 之间", "{value} is out of range: must be {low} to {high}"),
    "plan.positive": ("{value} 必须大于 0", "{value} must be greater than 0"),
    "plan.nonnegative": ("{value} 不能为负数", "{value} must not be negative"),
    "plan.choice": ("“{value}”无效,应为 {choices} 之一", "'{value}' is invalid: must be one of {choices}"),
    "plan.duplicate": ("名称“{name}”重复(已在 {first} 使用)", "the name '{name}' is used twice (first at {first})"),
    "plan.unknown_leader": (
        "“{name}”不是 [[leaders]] 中的区领导",
        "'{name}' is not one of the [[leaders]]",
    ),
    "plan.unknown_group": ("“{name}”不是 [[groups]] 中的测评人类别", "'{name}' is not one of the [[groups]]"),
    "plan.unknown_speaker": (
        "讲话人“{name}”不在 [[leaders]] 中,也不是主持人",
        "speaker '{name}' is neither one of the [[leaders]] nor the chair",
    ),
    "plan.unknown_grade": ("“{name}”不是测评等次 scale 中的等次", "'{name}' is not a grade of the scale"),
    "plan.no_units": ("至少需要一个述职单位 [[units]]", "at least one unit ([[units]]) is required"),
    "plan.scale_empty": ("测评等次 scale 不能为空", "the scale must have at least one grade"),
    "plan.scale_none_counted": ("至少要有一个计分的等次", "at least one grade must be counted"),
    "plan.scale_order": (
        "等次必须从好到差排列(分值递减):“{name}”的 {points} 分高于前一等次",
        "grades must go best first (points falling): '{name}' has {points}, more than the grade before",
    ),
    "plan.grade_points_missing": (
        "计分的等次必须有 points",
        "a counted grade needs points",
    ),
    "plan.items_empty": ("测评项目 items 不能为空", "the form must have at least one item"),
    "plan.max_positive": ("max 必须大于 0,实际是 {value}", "max must be greater than 0, not {value}"),
    "plan.levels_empty": ("考核等次 levels 不能为空", "levels must not be empty"),
    "plan.levels_order": (
        "考核等次必须从好到差排列(min 递减):“{name}”的 min {value} 不小于前一等次",
        "levels must go best first (min falling): '{name}' has min {value}, not below the level before",
    ),
    "plan.trim_too_big": ("trim 不能为负数", "trim must not be negative"),
    "plan.weights_zero": ("各类别的权重之和必须大于 0", "the group weights must add up to more than 0"),
    "plan.agenda_reports_twice": (
        "议程中 kind = \"reports\" 只能出现一次",
        "kind = \"reports\" may appear only once in the agenda",
    ),
    "plan.agenda_assessment_twice": (
        "议程中 kind = \"assessment\" 只能出现一次",
        "kind = \"assessment\" may appear only once in the agenda",
    ),
    "plan.agenda_title_needed": ("{kind} 议程项需要 title", "a {kind} item needs a title"),
    "plan.agenda_no_reports": (
        "议程中必须有一项 kind = \"reports\"(代表全部述职单位)",
        "the agenda needs one kind = \"reports\" item (it stands for the units)",
    ),
    "plan.scale_too_long": ("等次最多 9 个(录入时用数字键 1–9)", "at most 9 grades (keys 1–9 pick them)"),
    "plan.type_name.string": ("文本", "text"),
    "plan.type_name.integer": ("整数", "an integer"),
    "plan.type_name.float": ("小数", "a decimal number"),
    "plan.type_name.boolean": ("布尔值", "a boolean"),
    "plan.type_name.table": ("表", "a table"),
    "plan.type_name.array": ("数组", "an array"),
    "plan.type_name.datetime": ("日期时间", "a date-time"),
    "plan.type_name.date": ("日期", "a date"),
    "plan.type_name.time": ("时间", "a time"),
    "plan.errors_found": ("{path}:发现 {count} 处错误", "{path}: {count} error(s) found"),
    # --- check summary -----------------------------------------------------------------------
    "check.ok": ("{path}:会议文件有效", "{path}: the session file is valid"),
    "check.title": ("会议", "Meeting"),
    "check.date": ("日期", "Date"),
    "check.venue": ("地点", "Venue"),
    "check.chair": ("主持", "Chair"),
    "check.onsite": ("现场述职单位", "On-site units"),
    "check.written": ("书面述职单位", "Written units"),
    "check.leaders": ("区领导", "Leaders"),
    "check.groups": ("测评人类别", "Rater groups"),
    "check.representatives": ("与会代表", "Representatives"),
    "check.agenda": ("议程", "Agenda"),
    "check.items": ("项", "items"),
    "check.planned": ("计划时长", "Planned duration"),
    "check.start": ("计划开始", "Planned start"),
    "check.end": ("计划结束", "Planned end"),
    "check.form": ("测评表", "Form"),
    "check.weight": ("权重", "weight"),
    "check.issued": ("发放", "issued"),
    "check.none": ("无", "none"),
    # --- database ----------------------------------------------------------------------------
    "db.locked": (
        "{db}:会议正在另一个窗口记录中(进程 {pid},{host},{since} 开始)。"
        "同一会议只能有一个记录窗口;只读查看请用 projector、results 或 export。",
        "{db}: the meeting is being recorded by another process (pid {pid} on {host}, since "
        "{since}). Only one recorder may hold a meeting; use projector, results or export to "
        "read it.",
    ),
    "db.not_reviewtui": (
        "{db}:不是 reviewtui 会议数据库",
        "{db}: not a reviewtui meeting database",
    ),
    "db.too_new": (
        "{db}:数据库版本 {found} 比本程序支持的 {supported} 新,请升级 reviewtui",
        "{db}: database version {found} is newer than this reviewtui supports ({supported}); "
        "upgrade reviewtui",
    ),
    "db.missing": (
        "{db}:会议数据库不存在。请先用 .toml 会议文件创建它(例如 reviewtui run 会议.toml)",
        "{db}: no such meeting database. Create it from the .toml session file first "
        "(e.g. reviewtui run meeting.toml)",
    ),
    "db.corrupt": ("{db}:数据库无法读取({reason})", "{db}: the database cannot be read ({reason})"),
    "db.plan_changed": (
        "{toml} 在创建数据库 {db} 之后被修改过,以下内容不同:",
        "{toml} has changed since the database {db} was created from it; these differ:",
    ),
    "db.plan_changed_how": (
        "已记录的数据没有改动。可以:(1)用数据库中保存的原计划继续:把 {db} 作为参数;"
        "(2)恢复会议文件的原内容;(3)用 --db 新路径.db 按新文件另建一个数据库。",
        "Nothing recorded was touched. To go on: (1) keep the plan saved in the database by "
        "passing {db} instead; (2) restore the session file; or (3) start a new database from "
        "the changed file with --db NEW.db.",
    ),
    "db.diff_changed": ("  {key}:{old} → {new}", "  {key}: {old} → {new}"),
    "db.diff_added": ("  {key}:新增 {new}", "  {key}: added {new}"),
    "db.diff_removed": ("  {key}:删除 {old}", "  {key}: removed {old}"),
    "db.diff_more": ("  ……另有 {count} 处不同", "  … and {count} more differences"),
    "db.write_failed": (
        "写入数据库失败:{reason}。刚才的操作没有保存;已保存的记录不受影响。",
        "Could not write to the database: {reason}. The last action was not saved; everything "
        "recorded before it is safe.",
    ),
    "db.advice_full": (
        "磁盘已满:请删除不需要的文件腾出空间,然后重做刚才的操作。",
        "The disk is full: free some space, then repeat the last action.",
    ),
    "db.advice_readonly": (
        "数据库文件变成了只读:请恢复它的写权限(例如 chmod u+w),然后重做刚才的操作。",
        "The database file became read-only: make it writable again (e.g. chmod u+w), then "
        "repeat the last action.",
    ),
    "db.advice_io": (
        "请检查磁盘或 U 盘是否还连接着,然后重做刚才的操作。",
        "Check that the disk or USB stick is still there, then repeat the last action.",
    ),
    "db.restored": (
        "会议数据库文件被删除或替换,已把全部记录写回 {db},继续记录。",
        "The meeting database file was removed or replaced; every record was written back to "
        "{db}, and recording goes on there.",
    ),
    # --- command line ------------------------------------------------------------------------
    "cli.help": (
        "reviewtui:述职评议考核会的现场记录、计时、测评统计与导出。",
        "reviewtui: run a review-and-assessment meeting, time it, tally its ballots, export it.",
    ),
    "cli.run.help": ("现场记录会议(终端界面)", "Run the live meeting (terminal UI)"),
    "cli.demo.help": (
        "用内置示例会议在临时数据库中演示",
        "Run the bundled sample meeting in a fresh temporary database",
    ),
    "cli.check.help": ("检查会议文件并显示摘要", "Validate a session file and print a summary"),
    "cli.projector.help": ("投影屏幕:只读跟随现场计时", "The second-screen view: read-only, follows the live meeting"),
    "cli.ballots.help": ("测评表录入与导入", "Ballot entry and import"),
    "cli.ballots_import.help": (
        "从 CSV 或 XLSX 导入测评表(全部成功或全部不导入)",
        "Add ballots from CSV or XLSX (all or nothing)",
    ),
    "cli.results.help": ("显示测评结果排名(或 --json)", "Show the ranking (or --json)"),
    "cli.export.help": ("导出会议记录和测评结果", "Export the minutes and the results"),
    "cli.opt.session": ("会议文件 .toml 或会议数据库 .db", "session file (.toml) or its database (.db)"),
    "cli.opt.db": ("数据库路径(默认与 .toml 同名)", "database path (default: the .toml's name with .db)"),
    "cli.opt.lang": ("界面语言 zh 或 en", "language: zh or en"),
    "cli.opt.entry": ("双录入的第几遍(1 或 2)", "double-entry round (1 or 2)"),
    "cli.opt.json": ("输出 JSON", "print JSON"),
    "cli.opt.format": ("格式:md、docx、xlsx、json 或 csv", "format: md, docx, xlsx, json or csv"),
    "cli.opt.output": ("输出文件(- 表示标准输出)", "output file (- for standard output)"),
    "cli.not_yet": (
        "“{command}”尚未提供,将在后续版本中加入。",
        "'{command}' is not available yet; it comes in a later version.",
    ),
    "cli.bug": (
        "reviewtui 内部错误:{reason}。已保存的记录不受影响。请把这条信息告诉维护人员。",
        "reviewtui internal error: {reason}. Everything recorded is safe. Please report this message.",
    ),
    "cli.demo_db": ("示例会议数据库:{db}", "Sample meeting database: {db}"),
    "cli.bad_format": ("不支持的格式“{fmt}”:只能是 {choices}", "unsupported format '{fmt}': use {choices}"),
    # --- agenda and live screens (issue 3) ---------------------------------------------------
    "agenda.kind.speech": ("讲话", "Speech"),
    "agenda.kind.reports": ("现场述职", "Reports"),
    "agenda.kind.assessment": ("填写测评表", "Assessment"),
    "agenda.kind.break": ("休息", "Break"),
    # --- assessment (issue 4) ----------------------------------------------------------------
    # --- exports (issue 5) -------------------------------------------------------------------
    # --- projector (issue 6) -----------------------------------------------------------------
}


def detect_lang(env: Mapping[str, str] | None = None) -> str:
    """Chinese when LC_ALL (or, unset, LANG) starts with "zh"; otherwise English."""
    env = os.environ if env is None else env
    locale = env.get("LC_ALL") or env.get("LANG") or ""
    return "zh" if locale.lower().startswith("zh") else "en"


def set_lang(lang: str | None) -> str:
    """Set the language (`None` detects it from the environment) and return it."""
    global _lang
    chosen = detect_lang() if lang is None else lang
    if chosen not in LANGS:
        raise ValueError(lang)
    _lang = chosen
    return _lang


def get_lang() -> str:
    return _lang


def t(key: str, /, **values: object) -> str:
    """The string `key` in the current language, formatted with `values`."""
    zh, en = CATALOG[key]
    text = zh if _lang == "zh" else en
    return text.format(**values) if values else text
