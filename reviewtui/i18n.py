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
    "lang.bad": (
        "不支持的语言“{lang}”:只能是 zh 或 en",
        "unsupported language '{lang}': use zh or en",
    ),
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
    "plan.toml_column": ("(第 {column} 列)", " (column {column})"),
    "plan.toml_at_end": ("(在文件末尾)", " (at the end of the file)"),
    # tomllib's messages, said in the user's language (plan._toml_detail)
    "toml.overwrite": ("不能覆盖已有的值", "Cannot overwrite a value"),
    "toml.backslash": ("字符串中有未转义的“\\”", "Unescaped '\\' in a string"),
    "toml.immutable": ("不能修改已定义的 {key}", "Cannot mutate immutable namespace {key}"),
    "toml.unterminated": ("字符串没有结束引号", "Unterminated string"),
    "toml.unclosed_table": ("行内表缺少“}}”", "Unclosed inline table"),
    "toml.unclosed_array": ("数组缺少“]”", "Unclosed array"),
    "toml.invalid_value": ("值无效(文字要加引号)", "Invalid value"),
    "toml.invalid_statement": ("无法识别的语句", "Invalid statement"),
    "toml.key_start": ("键名的开头字符无效", "Invalid initial character for a key part"),
    "toml.hex": ("十六进制转义无效", "Invalid hex value"),
    "toml.date": ("日期或时间无效", "Invalid date or datetime"),
    "toml.illegal": ("非法字符 {char}", "Illegal character {char}"),
    "toml.invalid_char": ("无效字符 {char}", "Found invalid character {char}"),
    "toml.expected_aot_end": (
        "数组表声明末尾应为“]]”",
        "Expected ']]' at the end of an array declaration",
    ),
    "toml.expected_table_end": (
        "表声明末尾应为“]”",
        "Expected ']' at the end of a table declaration",
    ),
    "toml.expected_equals": ("键后面应为“=”", "Expected '=' after a key in a key/value pair"),
    "toml.expected": ("此处应为 {what}", "Expected {what}"),
    "toml.escape": (
        "转义字符不是有效的 Unicode 字符",
        "Escaped character is not a Unicode scalar value",
    ),
    "toml.duplicate_inline": ("行内表中键 {key} 重复", "Duplicate inline table key {key}"),
    "toml.redefine": ("不能重新定义 {key}", "Cannot redefine namespace {key}"),
    "toml.twice": ("{key} 定义了两次", "Cannot declare {key} twice"),
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
    "plan.bad_time": (
        "“{value}”不是有效时间(应为 HH:MM)",
        "'{value}' is not a valid time (expected HH:MM)",
    ),
    "plan.bad_duration": (
        "“{value}”不是有效时长(应为 “m:ss”、“h:mm:ss” 或整秒数)",
        '\'{value}\' is not a valid duration (expected "m:ss", "h:mm:ss" or whole seconds)',
    ),
    "plan.nonpositive_duration": ("时长必须大于 0", "the duration must be greater than zero"),
    "plan.range": (
        "{value} 超出范围,应在 {low} 到 {high} 之间",
        "{value} is out of range: must be {low} to {high}",
    ),
    "plan.positive": ("{value} 必须大于 0", "{value} must be greater than 0"),
    "plan.nonnegative": ("{value} 不能为负数", "{value} must not be negative"),
    "plan.choice": (
        "“{value}”无效,应为 {choices} 之一",
        "'{value}' is invalid: must be one of {choices}",
    ),
    "plan.duplicate": (
        "名称“{name}”重复(已在 {first} 使用)",
        "the name '{name}' is used twice (first at {first})",
    ),
    "plan.unknown_leader": (
        "“{name}”不是 [[leaders]] 中的区领导",
        "'{name}' is not one of the [[leaders]]",
    ),
    "plan.unknown_group": (
        "“{name}”不是 [[groups]] 中的测评人类别",
        "'{name}' is not one of the [[groups]]",
    ),
    "plan.unknown_speaker": (
        "讲话人“{name}”不在 [[leaders]] 中,也不是主持人",
        "speaker '{name}' is neither one of the [[leaders]] nor the chair",
    ),
    "plan.unknown_grade": (
        "“{name}”不是测评等次 scale 中的等次",
        "'{name}' is not a grade of the scale",
    ),
    "plan.no_units": (
        "至少需要一个述职单位 [[units]]",
        "at least one unit ([[units]]) is required",
    ),
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
    "plan.max_positive": (
        "max 必须大于 0,实际是 {value}",
        "max must be greater than 0, not {value}",
    ),
    "plan.levels_empty": ("考核等次 levels 不能为空", "levels must not be empty"),
    "plan.levels_order": (
        "考核等次必须从好到差排列(min 递减):“{name}”的 min {value} 不小于前一等次",
        "levels must go best first (min falling): '{name}' has min {value}, not below the level before",
    ),
    "plan.trim_too_big": ("trim 不能为负数", "trim must not be negative"),
    "plan.weights_zero": (
        "各类别的权重之和必须大于 0",
        "the group weights must add up to more than 0",
    ),
    "plan.agenda_reports_twice": (
        '议程中 kind = "reports" 只能出现一次',
        'kind = "reports" may appear only once in the agenda',
    ),
    "plan.agenda_assessment_twice": (
        '议程中 kind = "assessment" 只能出现一次',
        'kind = "assessment" may appear only once in the agenda',
    ),
    "plan.agenda_title_needed": ("{kind} 议程项需要 title", "a {kind} item needs a title"),
    "plan.agenda_no_reports": (
        '议程中必须有一项 kind = "reports"(代表全部述职单位)',
        'the agenda needs one kind = "reports" item (it stands for the units)',
    ),
    "plan.scale_too_long": (
        "等次最多 9 个(录入时用数字键 1–9)",
        "at most 9 grades (keys 1–9 pick them)",
    ),
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
    "pending.kept": (
        "刚才输入的文字没有丢:已暂存在内存中,一旦可以写入就自动保存(每秒重试)。",
        "What you typed is not lost: it is kept in memory and saved as soon as the database "
        "can be written again (retried every second).",
    ),
    "pending.saved": (
        "暂存的文字已全部写入数据库。",
        "The text kept in memory has all been written to the database.",
    ),
    "pending.waiting": (
        "仍有 {count} 段文字暂存在内存中,等待写入数据库:请腾出磁盘空间或恢复写权限。",
        "{count} typed text(s) still wait in memory for the database: free some space or make "
        "the file writable.",
    ),
    "pending.dropped": (
        "一段暂存的文字无法写入,已放弃:",
        "A text kept in memory could not be written and was given up:",
    ),
    "pending.quit": (
        "还有 {count} 段文字没能写入数据库,现在退出会丢失它们。请先腾出磁盘空间或恢复写权限;"
        "确要退出,5 秒内再按一次 ctrl+q。",
        "{count} typed text(s) are not yet written to the database and would be lost. Free "
        "some space or make the file writable first; to quit anyway, press ctrl+q again within "
        "5 seconds.",
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
    "cli.projector.help": (
        "投影屏幕:只读跟随现场计时",
        "The second-screen view: read-only, follows the live meeting",
    ),
    "cli.ballots.help": ("测评表录入与导入", "Ballot entry and import"),
    "cli.ballots_import.help": (
        "从 CSV 或 XLSX 导入测评表(全部成功或全部不导入)",
        "Add ballots from CSV or XLSX (all or nothing)",
    ),
    "cli.results.help": ("显示测评结果排名(或 --json)", "Show the ranking (or --json)"),
    "cli.export.help": ("导出会议记录和测评结果", "Export the minutes and the results"),
    "cli.opt.session": (
        "会议文件 .toml 或会议数据库 .db",
        "session file (.toml) or its database (.db)",
    ),
    "cli.opt.db": (
        "数据库路径(默认与 .toml 同名)",
        "database path (default: the .toml's name with .db)",
    ),
    "cli.opt.lang": ("界面语言 zh 或 en", "language: zh or en"),
    "cli.opt.entry": ("双录入的第几遍(1 或 2)", "double-entry round (1 or 2)"),
    "cli.opt.json": ("输出 JSON", "print JSON"),
    "cli.opt.format": ("格式:md、docx、xlsx、json 或 csv", "format: md, docx, xlsx, json or csv"),
    "cli.opt.ballots_file": (
        "测评表文件:CSV(UTF-8)或 XLSX",
        "ballot file: CSV (UTF-8) or XLSX",
    ),
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
    "cli.bad_format": (
        "不支持的格式“{fmt}”:只能是 {choices}",
        "unsupported format '{fmt}': use {choices}",
    ),
    # --- agenda and live screens (issue 3) ---------------------------------------------------
    "agenda.kind.speech": ("讲话", "Speech"),
    "agenda.kind.reports": ("现场述职", "Reports"),
    "agenda.kind.assessment": ("填写测评表", "Assessment"),
    "agenda.kind.break": ("休息", "Break"),
    "agenda.col.pos": ("#", "#"),
    "agenda.col.item": ("议程", "Item"),
    "agenda.col.speaker": ("述职人/讲话人", "Reporter/speaker"),
    "agenda.col.commenter": ("点评", "Commenter"),
    "agenda.col.planned": ("计划", "Plan"),
    "agenda.col.actual": ("实际", "Actual"),
    "agenda.col.status": ("状态", "Status"),
    "agenda.status.pending": ("待开始", "to do"),
    "agenda.status.live": ("● 进行中", "● live"),
    "agenda.status.done": ("✓ 已完成", "✓ done"),
    "agenda.status.written": ("书面述职", "written"),
    "agenda.over_mark": ("↑", "↑"),
    "agenda.summary": (
        "共 {items} 项 · 现场述职 {onsite} 个 · 书面述职 {written} 个 · 计划用时 {planned}",
        "{items} items · {onsite} on-site · {written} written · planned {planned}",
    ),
    "agenda.written_notice": (
        "{unit}为书面述职:不上台、不计时,测评时与其他单位一样打分。",
        "{unit} reports in writing: no timer; it is graded like the others.",
    ),
    "agenda.ended_running": (
        "已结束“{item}”正在计时的{phase}(ctrl+z 可撤销)",
        "Ended the {phase} running on “{item}” (ctrl+z undoes)",
    ),
    "agenda.not_available": (
        "“{what}”尚未提供({reason})",
        "“{what}” is not available yet ({reason})",
    ),
    "agenda.key.select": ("选择", "Select"),
    "agenda.key.open": ("打开", "Open"),
    "agenda.key.ballots": ("测评录入", "Ballots"),
    "agenda.key.results": ("测评结果", "Results"),
    "agenda.key.export": ("导出", "Export"),
    "agenda.schedule.end": ("预计 {time} 结束", "ends ≈{time}"),
    "agenda.schedule.on_time": ("按计划", "on time"),
    "agenda.schedule.behind": ("晚 {minutes} 分钟", "{minutes} min behind"),
    "agenda.schedule.ahead": ("提前 {minutes} 分钟", "{minutes} min ahead"),
    "live.phase.report": ("述职", "Report"),
    "live.phase.question": ("提问", "Question"),
    "live.phase.answer": ("回答", "Answer"),
    "live.phase.comment": ("点评", "Comment"),
    "live.phase.speech": ("讲话", "Speech"),
    "live.phase.break": ("休息", "Break"),
    "live.phase.assessment": ("填写测评表", "Assessment"),
    "live.state.idle": ("未计时", "not timing"),
    "live.state.running": ("计时中", "RUNNING"),
    "live.state.warn": ("即将到时", "TIME NEARLY UP"),
    "live.state.over": ("超时", "OVERTIME"),
    "live.state.paused": ("已暂停", "PAUSED"),
    "live.state.ended": ("已结束", "ended"),
    "live.limit": ("限时 {time}", "limit {time}"),
    "live.used": ("已用 {time}", "used {time}"),
    "live.idle_hint.unit": (
        "按 r 开始述职,q 提问,a 回答,c 点评",
        "r starts the report, q a question, a the answer, c a comment",
    ),
    "live.idle_hint.speech": ("按 r 开始计时", "r starts the timer"),
    "live.item.reporter": ("述职人 {name}", "reporter {name}"),
    "live.item.speaker": ("讲话人 {name}", "speaker {name}"),
    "live.item.commenter": ("点评 {name}", "commenter {name}"),
    "live.item.planned": ("计划 {time}", "planned {time}"),
    "live.records": ("记录", "Record"),
    "live.records_empty": ("尚无记录。按 r 开始。", "Nothing recorded yet. Press r to start."),
    "live.notes": ("笔记", "Notes"),
    "live.notes.saved": ("已保存 {time}", "saved {time}"),
    "live.notes.saving": ("保存中…", "saving…"),
    "live.notes.kept": ("未写入,暂存内存", "not written yet, kept"),
    "live.notes.placeholder": (
        "要点:主要举措、取得成效……\n按m记录·随写随存·esc离开",
        "The gist: measures, results…\n(m to write; saved as you type; esc leaves)",
    ),
    "live.running_mark": ("计时中", "running"),
    "live.paused_mark": ("已暂停", "paused"),
    "live.over_by": ("超时 {time}", "over by {time}"),
    "live.key.report": ("述职", "Report"),
    "live.key.speech": ("讲话", "Speech"),
    "live.key.timer": ("计时", "Timer"),
    "live.key.question": ("提问", "Question"),
    "live.key.answer": ("回答", "Answer"),
    "live.key.comment": ("点评", "Comment"),
    "live.key.pause": ("暂停/继续", "Pause"),
    "live.key.end": ("结束", "End"),
    "live.key.next": ("下一项", "Next"),
    "live.key.back": ("议程", "Agenda"),
    "live.key.notes": ("笔记", "Notes"),
    "live.key.undo": ("撤销", "Undo"),
    "live.key.edit": ("修改", "Edit"),
    "live.key.delete": ("删除", "Delete"),
    "live.key.leave": ("离开笔记", "Leave notes"),
    "live.space": ("空格", "space"),
    "live.nothing_running": ("现在没有在计时", "Nothing is being timed"),
    "live.no_question": ("还没有提问,无法开始回答", "No question yet to answer"),
    "live.agenda_done": ("议程已全部结束", "The agenda is finished"),
    "live.undone": ("已撤销:{what}", "Undone: {what}"),
    "live.nothing_to_undo": ("没有可撤销的操作", "Nothing to undo"),
    "live.deleted": ("已删除记录(ctrl+z 可撤销)", "Record deleted (ctrl+z undoes)"),
    "live.confirm_delete": ("删除这条记录?", "Delete this record?"),
    "live.confirm_delete_question": (
        "删除这条提问及对它的回答?",
        "Delete this question and its answers?",
    ),
    "live.action.open": ("打开议程项", "opening an item"),
    "live.action.report": ("开始述职", "starting the report"),
    "live.action.speech": ("开始讲话", "starting the speech"),
    "live.action.question": ("开始提问", "starting a question"),
    "live.action.answer": ("开始回答", "starting an answer"),
    "live.action.comment": ("开始点评", "starting a comment"),
    "live.action.pause": ("暂停", "pausing"),
    "live.action.resume": ("继续计时", "resuming"),
    "live.action.end": ("结束计时", "ending the timer"),
    "live.action.next": ("进入下一项", "moving to the next item"),
    "live.action.edit": ("修改记录", "the correction"),
    "live.action.delete": ("删除记录", "deleting a record"),
    "dialog.title.question": ("提问", "Question"),
    "dialog.title.comment": ("点评", "Comment"),
    "dialog.title.report": ("述职", "Report"),
    "dialog.title.answer": ("回答", "Answer"),
    "dialog.title.speech": ("讲话", "Speech"),
    "dialog.title.running": ("{title} · 计时中", "{title} · timing"),
    "dialog.title.edit": ("修改记录 · {title}", "Correct the record · {title}"),
    "dialog.who.question": ("提问人", "Asked by"),
    "dialog.who.comment": ("点评领导", "Leader"),
    "dialog.who.report": ("述职人", "Reporter"),
    "dialog.who.answer": ("回答人", "Answered by"),
    "dialog.who.speech": ("讲话人", "Speaker"),
    "dialog.text.question": ("问题", "Question"),
    "dialog.text.comment": ("点评要点", "Gist"),
    "dialog.text.other": ("要点", "Gist"),
    "dialog.who_placeholder": ("姓名,或拼音首字母如 zjg", "name, or pinyin initials such as zjg"),
    "dialog.text_placeholder": ("随打随存", "saved as you type"),
    "dialog.will_record": ("将记为:", "Recorded as: "),
    "dialog.nobody": ("(未填写)", "(nobody yet)"),
    "dialog.free_text": ("(不在名单中,按原文记录)", "(not on the list; kept as typed)"),
    "dialog.hint": (
        "tab 下一栏 · ↑↓ 选名单 · enter 保存 · esc 关闭 · 输入随时保存,计时继续",
        "tab next field · ↑↓ pick · enter save · esc close · typing is saved; the timer runs on",
    ),
    "dialog.key.save": ("保存", "Save"),
    "dialog.key.close": ("关闭", "Close"),
    "dialog.key.next_field": ("下一栏", "Next field"),
    "dialog.key.pick": ("选名单", "Pick a name"),
    "dialog.key.yes": ("确定", "Yes"),
    "dialog.key.no": ("取消", "No"),
    "dialog.confirm_hint": ("enter/y 确定 · esc/n 取消", "enter/y yes · esc/n no"),
    "help.title": ("键盘操作", "Keys"),
    "help.section.screen": ("本屏幕", "This screen"),
    "help.section.dialogs": ("对话框", "Dialogs"),
    "help.section.app": ("任何时候", "Anywhere"),
    "help.focus": (
        "单字母键只在没有文字输入框获得光标时生效;esc 离开笔记等输入框。"
        "对话框中 tab 切换栏目,enter 保存,esc 关闭(已输入的内容随时保存,计时继续,"
        "直到按 e、n 或开始新的环节)。ctrl+z 撤销上一步操作(开始、暂停、结束、修改、删除)。",
        "Single-letter keys act when no text field has the cursor; esc leaves a text field such "
        "as the notes. In a dialog tab moves between fields, enter saves, esc closes (what you "
        "type is saved as you type; the timer runs on until e, n or another segment starts). "
        "ctrl+z undoes the last action (start, pause, end, correction, deletion).",
    ),
    "help.legend": (
        "“↑”:实际用时超过计划。计时器剩余 {warn} 时提醒,超时后显示 -m:ss 与“超时”。",
        "“↑”: took longer than planned. The timer warns at {warn} left and past zero shows "
        "-m:ss and OVERTIME.",
    ),
    "help.key.help": ("帮助", "Help"),
    "help.key.quit": ("退出", "Quit"),
    "help.key.close": ("关闭", "Close"),
    "help.key.tab": ("下一栏", "Next field"),
    "help.key.focus": ("切换焦点", "Move focus"),
    "palette.key": ("命令", "Commands"),
    "palette.placeholder": (
        "输入单位名称或拼音首字母,跳转到议程项……",
        "Type a unit or item name to jump to it…",
    ),
    "palette.jump": ("跳转:{item}", "Go to: {item}"),
    "palette.jump_help": ("在现场屏幕打开 {item}", "Open {item} on the live screen"),
    "palette.written_help": ("书面述职,不计时", "written report, not timed"),
    # --- assessment (issue 4) ----------------------------------------------------------------
    # the form and ballots (core)
    "ballot.bad_grade": (
        "“{value}”不是等次：应为 {grades} 之一，或数字 1–{count}",
        "'{value}' is not a grade: use one of {grades}, or 1–{count}",
    ),
    "ballot.not_number": ("“{value}”不是数字", "'{value}' is not a number"),
    "ballot.out_of_range": (
        "{value} 超出范围：应在 0 到 {max} 之间",
        "{value} is out of range: must be 0 to {max}",
    ),
    "ballot.unknown_unit": (
        "“{value}”不是本次会议的述职单位",
        "'{value}' is not a unit of this meeting",
    ),
    "ballot.unknown_item": (
        "“{value}”不是测评表上的项目",
        "'{value}' is not an item of the form",
    ),
    "ballot.cell_where": ("{unit} / {item}：", "{unit} / {item}: "),
    "ballot.bad_entry": (
        "录入遍次只能是 1 或 2，不能是 {entry}",
        "the entry round must be 1 or 2, not {entry}",
    ),
    "ballot.no_double_entry": (
        "本次会议不做双录入（double_entry = false），只有第 1 遍录入",
        "this meeting does not use double entry (double_entry = false): there is only entry 1",
    ),
    "ballot.code_empty": ("请填写测评表编号", "the ballot id is missing"),
    "ballot.unknown_group": ("“{value}”不是测评人类别", "'{value}' is not a rater group"),
    "ballot.duplicate": (
        "编号 {code} 的测评表在第 {entry} 遍录入中已经录过，不能重复录入；如需修改，"
        "请打开已保存的这张表",
        "ballot {code} is already entered in entry round {entry}; it cannot be entered twice "
        "(open the saved ballot to correct it)",
    ),
    "ballot.gone": (
        "测评表 {code} 已不存在（可能已被删除）",
        "ballot {code} no longer exists (deleted?)",
    ),
    # import
    "import.xls": (
        "{path}：不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV UTF-8",
        "{path}: old .xls files are not supported; save it as .xlsx or CSV UTF-8",
    ),
    "import.not_utf8": (
        "{path}：文件不是 UTF-8 编码（第 {line} 行附近）。在 Excel 中请选“另存为 → CSV "
        "UTF-8（逗号分隔）”",
        "{path}: the file is not UTF-8 (near line {line}); in Excel use Save As → CSV UTF-8",
    ),
    "import.csv_error": (
        "{path}:{line}：CSV 格式错误（{reason}）",
        "{path}:{line}: bad CSV ({reason})",
    ),
    "import.bad_xlsx": (
        "{path}：无法读取 Excel 文件（{reason}）",
        "{path}: cannot read the Excel file ({reason})",
    ),
    "import.at": ("{path}:{line}：", "{path}:{line}: "),
    "import.at_column": ("{path}:{line}：{column} 列：", "{path}:{line}: {column}: "),
    "import.no_group": (
        "缺少测评人类别（应为 {groups} 之一）",
        "the group is missing (one of {groups})",
    ),
    "import.unknown_group": (
        "“{value}”不是测评人类别（应为 {groups} 之一）",
        "'{value}' is not a rater group (one of {groups})",
    ),
    "import.two_groups": (
        "测评表 {code} 在这里属于“{group}”，但在第 {line} 行属于“{first}”：一张表只能属于一个类别",
        "ballot {code} is in group '{group}' here but in '{first}' at line {line}: a ballot "
        "belongs to one group",
    ),
    "import.cell_twice": (
        "{unit} / {item} 在这张测评表中出现了两次",
        "{unit} / {item} appears twice on this ballot",
    ),
    "import.extra_cells": ("这一行的单元格多于表头", "this row has more cells than the header"),
    "import.no_ballot": ("缺少测评表编号", "the ballot id is missing"),
    "import.unknown_unit": (
        "“{value}”不是本次会议的述职单位",
        "'{value}' is not a unit of this meeting",
    ),
    "import.unknown_item": (
        "“{value}”不是测评表上的项目（应为 {items} 之一）",
        "'{value}' is not an item of the form (one of {items})",
    ),
    "import.no_item": (
        "缺少测评项目（测评表有多个项目：{items}）",
        "the item is missing (the form has several: {items})",
    ),
    "import.wide_twice": (
        "测评表 {code} 已在第 {line} 行出现过",
        "ballot {code} was already given at line {line}",
    ),
    "import.taken": (
        "测评表 {code} 在第 {entry} 遍录入中已经录过（本文件第 {lines} 行）",
        "ballot {code} is already entered in entry round {entry} (line {lines} of this file)",
    ),
    "import.taken_many": (
        "测评表 {code} 在第 {entry} 遍录入中已经录过（本文件第 {lines} 行）",
        "ballot {code} is already entered in entry round {entry} (lines {lines} of this file)",
    ),
    "import.empty": ("{path}：文件是空的", "{path}: the file is empty"),
    "import.no_rows": ("{path}：文件中没有测评表", "{path}: the file holds no ballots"),
    "import.wide_needs_one_item": (
        "每个单位一列的宽表格式只适用于只有一个项目的测评表；本测评表有多个项目（{items}），"
        "请用 ballot,group,unit,item,value 格式",
        "the wide form (one column per unit) is only for one-item forms; this form has several "
        "items ({items}): use ballot,group,unit,item,value",
    ),
    "import.unknown_unit_column": (
        "表头“{value}”不是本次会议的述职单位",
        "the column '{value}' is not a unit of this meeting",
    ),
    "import.unit_column_twice": ("单位“{value}”有两列", "the unit '{value}' has two columns"),
    "import.bad_header": (
        "无法识别的表头“{found}”：应为 ballot,group,unit,item,value，或 ballot,group "
        "后接各单位名称",
        "unrecognized header '{found}': expected ballot,group,unit,item,value or ballot,group "
        "followed by unit names",
    ),
    "import.rejected": (
        "{path}：发现 {count} 处错误，整个文件没有导入，数据库未作任何改动",
        "{path}: {count} error(s); nothing was imported and the database is unchanged",
    ),
    "import.done": (
        "已从 {path} 导入 {ballots} 张测评表（{marks} 个评价），第 {entry} 遍录入",
        "Imported {ballots} ballot(s) ({marks} marks) from {path} as entry round {entry}",
    ),
    # results (CLI and screen)
    "results.title": ("测评结果", "Results"),
    "results.col.rank": ("名次", "Rank"),
    "results.col.unit": ("单位", "Unit"),
    "results.col.final": ("最终得分", "Final"),
    "results.col.composite": ("测评得分", "Composite"),
    "results.col.daily": ("日常考核", "Daily"),
    "results.col.level": ("等次", "Level"),
    "results.col.votes": ("票数", "Votes"),
    "results.col.good_rate": ("好评率", "Good rate"),
    "results.col.group": ("测评人类别", "Group"),
    "results.col.weight": ("权重", "Weight"),
    "results.col.score": ("类别得分", "Score"),
    "results.col.trimmed": ("去掉最高/最低", "Trimmed"),
    "results.summary": (
        "录入测评表 {entered} 张：有效 {valid} 张，无效 {invalid} 张",
        "{entered} ballot(s) entered: {valid} valid, {invalid} invalid",
    ),
    "results.group_line": (
        "：发放 {issued}，收回 {returned}，有效 {valid}",
        ": issued {issued}, returned {returned}, valid {valid}",
    ),
    "results.over_issued": ("收回多于发放！", "MORE RETURNED THAN ISSUED"),
    "results.unconfirmed": (
        "两遍录入不一致或只录了一遍、未计入统计的测评表：{codes}",
        "Not counted (the two entries disagree, or only one was made): {codes}",
    ),
    "results.invalid_codes": (
        "无效测评表（没有任何计分的评价）：{codes}",
        "Invalid ballots (nothing scored): {codes}",
    ),
    "results.vetoed_note": (
        "* “{grades}”票数占比达到 {share}，不能评为最高等次，调为第二等次",
        "* '{grades}' marks reached {share}: the unit cannot get the best level and gets the "
        "second",
    ),
    "results.detail": ("{unit}：各类别得分", "{unit}: by rater group"),
    "results.grades": ("等次分布", "Grades"),
    "results.trim_each": ("各 {count} 个", "{count} each end"),
    "results.no_ballots": (
        "还没有录入测评表：在议程页按 b 录入，或用 reviewtui ballots import 导入",
        "No ballots yet: press b on the agenda to enter them, or use reviewtui ballots import",
    ),
    "results.key.back": ("返回", "Back"),
    "results.key.refresh": ("刷新", "Refresh"),
    # the ballot screen
    "ballot.title": ("测评表录入", "Ballot entry"),
    "ballot.round": ("第 {entry} 遍录入", "Entry round {entry}"),
    "ballot.field.code": ("编号", "Ballot"),
    "ballot.field.group": ("类别", "Group"),
    "ballot.field.entered_by": ("录入人", "Entered by"),
    "ballot.written": ("（书面）", " (written)"),
    "ballot.saved_list": ("已保存（第 {entry} 遍）", "Saved (entry {entry})"),
    "ballot.col.code": ("编号", "Ballot"),
    "ballot.col.group": ("类别", "Group"),
    "ballot.col.filled": ("已填", "Filled"),
    "ballot.col.check": ("核对", "Check"),
    "ballot.col.unit": ("单位", "Unit"),
    "ballot.col.item": ("项目", "Item"),
    "ballot.col.entry": ("第 {entry} 遍", "Entry {entry}"),
    "ballot.check.confirmed": ("一致", "agree"),
    "ballot.check.mismatched": ("不一致", "DIFFER"),
    "ballot.check.single": ("待录第 {entry} 遍", "needs entry {entry}"),
    "ballot.progress": ("已录：", "Entered: "),
    "ballot.over_issued": ("（超出发放数）", " (more than issued)"),
    "ballot.filled": ("已填 {filled}/{total} 格", "{filled} of {total} cells filled"),
    "ballot.hint.grades": (
        "按 1–{count} 选等次（{grades}），0 空白",
        "1–{count} picks a grade ({grades}), 0 leaves it blank",
    ),
    "ballot.hint.number": ("输入 0–{max} 的数字后按 Enter", "type a number 0–{max}, then enter"),
    "ballot.too_few_grades": (
        "只有 {count} 个等次：请按 1–{count}，0 表示空白",
        "there are only {count} grades: press 1–{count}, or 0 for blank",
    ),
    "ballot.form_full": ("已到最后一格：按 Ctrl+S 保存", "that was the last cell: ctrl+s saves"),
    "ballot.saved": (
        "测评表 {code} 已保存（第 {entry} 遍）",
        "Ballot {code} saved (entry {entry})",
    ),
    "ballot.corrected": (
        "测评表 {code} 已修改并保存（第 {entry} 遍）",
        "Ballot {code} corrected and saved (entry {entry})",
    ),
    "ballot.deleted": (
        "测评表 {code} 已删除（第 {entry} 遍）",
        "Ballot {code} deleted (entry {entry})",
    ),
    "ballot.confirmed": (
        "测评表 {code} 两遍录入一致，计入统计",
        "Ballot {code}: both entries agree; it counts",
    ),
    "ballot.mismatch_title": (
        "测评表 {code}：两遍录入有 {count} 处不一致",
        "Ballot {code}: the two entries differ in {count} place(s)",
    ),
    "ballot.mismatch_help": (
        "请核对纸质测评表，找出录错的那一遍，按 1 或 2 重新录入（从空白开始，不显示原来的录入）。",
        "Check the paper form, find the entry that is wrong and press 1 or 2 to type it again "
        "(it starts blank; nothing is copied over).",
    ),
    "ballot.retype": ("重录第 {entry} 遍", "Retype entry {entry}"),
    "ballot.later": ("稍后处理", "Later"),
    "ballot.retyping": (
        "重新录入测评表 {code} 第 {entry} 遍：请照纸质表从头录入，Ctrl+S 保存",
        "Retyping ballot {code}, entry {entry}: type it afresh from the paper form; ctrl+s saves",
    ),
    "ballot.correcting": (
        "正在修改测评表 {code}：改好后按 Ctrl+S 保存",
        "Correcting ballot {code}: ctrl+s saves the correction",
    ),
    "ballot.all_blank": (
        "所有格子都是空白：这张表将作为无效票保存。再按一次 Ctrl+S 确认",
        "Every cell is blank: the ballot will count as invalid. Press ctrl+s again to save it",
    ),
    "ballot.unsaved": (
        "这张测评表还没有保存：再按一次 Esc 放弃并返回，按 Ctrl+S 保存",
        "This ballot is not saved: press escape again to discard it, or ctrl+s to save",
    ),
    "ballot.taken_live": (
        "编号 {code} 在第 {entry} 遍中已经录过：按 l 在已保存列表中找到它",
        "Ballot {code} is already entered in entry {entry}: press l to find it in the saved list",
    ),
    "ballot.same_person": (
        "测评表 {code} 的两遍都由 {who} 录入；最好由另一人录其中一遍",
        "Both entries of ballot {code} were typed by {who}; someone else should type one of them",
    ),
    "ballot.exported": (
        "已导出 {count} 张测评表到 {path}",
        "Exported {count} ballot(s) to {path}",
    ),
    "ballot.export_failed": ("导出失败：{reason}", "Export failed: {reason}"),
    "ballot.delete_confirm": (
        "删除测评表 {code}（第 {entry} 遍）？",
        "Delete ballot {code} (entry {entry})?",
    ),
    "ballot.nothing_selected": (
        "请先在已保存列表中选中一张测评表（按 l）",
        "Select a saved ballot first (press l)",
    ),
    "ballot.single_entry_only": ("本次会议不做双录入", "This meeting does not use double entry"),
    "ballot.key.save": ("保存", "Save"),
    "ballot.key.back": ("返回", "Back"),
    "ballot.key.group": ("换类别", "Group"),
    "ballot.key.code": ("编号", "Ballot id"),
    "ballot.key.who": ("录入人", "Entered by"),
    "ballot.key.new": ("新表", "New"),
    "ballot.key.list": ("已保存", "Saved"),
    "ballot.key.open": ("打开", "Open"),
    "ballot.key.delete": ("删除", "Delete"),
    "ballot.key.round": ("换遍次", "Round"),
    "ballot.key.export": ("导出 CSV", "Export CSV"),
    "ballot.key.yes": ("删除", "Delete"),
    "ballot.key.no": ("取消", "Keep"),
    "ballot.key.grade": ("等次", "Grade"),
    "ballot.key.blank": ("空白", "Blank"),
    "ballot.key.retype1": ("重录第 1 遍", "Retype entry 1"),
    "ballot.key.retype2": ("重录第 2 遍", "Retype entry 2"),
    "ballot.blank": ("（空白）", "(blank)"),
    "results.col.returned": ("收回/发放", "Returned/issued"),
    "results.over_short": ("超发", "over"),
    "results.trimmed": ("（去高低各 {count}）", "(trimmed {count} each end)"),
    "results.over_groups": (
        "收回多于发放的类别：{groups}，请核对测评表份数",
        "More forms returned than issued: {groups}; check the count of forms",
    ),
    "ballot.key.undo": ("撤销", "Undo"),
    "ballot.nothing_to_undo": ("没有可以撤销的测评表操作", "Nothing to undo on the ballots"),
    "ballot.undone": ("已撤销：{what}", "Undone: {what}"),
    "ballot.action.save": (
        "保存测评表 {code}（第 {entry} 遍）",
        "saving ballot {code} (entry {entry})",
    ),
    "ballot.action.correct": (
        "修改测评表 {code}（第 {entry} 遍）",
        "correcting ballot {code} (entry {entry})",
    ),
    "ballot.action.retype": (
        "重录测评表 {code}（第 {entry} 遍）",
        "retyping ballot {code} (entry {entry})",
    ),
    "ballot.action.delete": (
        "删除测评表 {code}（第 {entry} 遍）",
        "deleting ballot {code} (entry {entry})",
    ),
    "import.at_cell": (
        "{path}:{line}：{column} 列（{cell}）：",
        "{path}:{line}: {column} ({cell}): ",
    ),
    # --- exports (issue 5) -------------------------------------------------------------------
    # minutes (md, docx, the column layout)
    "minutes.title": ("会议记录", "Minutes"),
    "minutes.date": ("时间", "Date"),
    "minutes.date_start": ("{date} {start}", "{date}, {start}"),
    "minutes.venue": ("地点", "Venue"),
    "minutes.chair": ("主持", "Chair"),
    "minutes.forms": ("测评表", "Assessment forms"),
    "minutes.forms_group": (
        "{group}发放 {issued} 份、收回 {returned} 份",
        "{group}: {issued} issued, {returned} returned",
    ),
    "minutes.reporter": ("述职人", "Reporter"),
    "minutes.speaker": ("讲话人", "Speaker"),
    "minutes.mode": ("述职方式", "Mode"),
    "minutes.written": ("书面述职（不计时）", "written report (not timed)"),
    "minutes.started": ("开始时间", "Started"),
    "minutes.not_held": ("未进行", "not held"),
    "minutes.report_time": ("述职用时", "Report"),
    "minutes.item_time": ("本项用时", "Item total"),
    "minutes.status": ("状态", "Status"),
    "minutes.running": ("导出时仍在进行", "still running when exported"),
    "minutes.against": ("{spent}（计划 {planned}）", "{spent} (planned {planned})"),
    "minutes.against_over": (
        "{spent}（计划 {planned}，超时 {over}）",
        "{spent} (planned {planned}, {over} over)",
    ),
    "minutes.unit_topic": ("{unit}：{topic}", "{unit}: {topic}"),
    "minutes.kind.report": ("述职", "Report"),
    "minutes.kind.question": ("提问", "Question"),
    "minutes.kind.answer": ("回答", "Answer"),
    "minutes.kind.comment": ("点评", "Comment"),
    "minutes.kind.speech": ("讲话", "Speech"),
    "minutes.notes": ("述职要点", "Notes"),
    "minutes.notes_speech": ("讲话要点", "Notes"),
    "minutes.notes_other": ("记录", "Notes"),
    "minutes.questions": ("现场提问", "Questions"),
    "minutes.question_head": ("{asker}（提问 {time}）", "{asker} (question, {time})"),
    "minutes.answer_head": ("回答（{time}）", "Answer ({time})"),
    "minutes.no_answer": ("（未回答）", "(not answered)"),
    "minutes.comments": ("领导点评", "Comments"),
    "minutes.comment_head": ("{leader}（{time}）", "{leader} ({time})"),
    "minutes.results": ("测评结果", "Assessment results"),
    "minutes.no_results": ("尚无测评结果。", "No results yet."),
    "minutes.rank": ("名次", "Rank"),
    "minutes.unit": ("单位", "Unit"),
    "minutes.composite": ("现场测评", "Meeting score"),
    "minutes.daily": ("日常考核", "Day-to-day"),
    "minutes.final": ("综合得分", "Final score"),
    "minutes.level": ("等次", "Level"),
    "minutes.votes": ("有效票", "Votes"),
    "minutes.good_rate": ("好评率", "Good rate"),
    "minutes.good_or_fair_rate": ("好和较好率", "Good-or-fair rate"),
    "minutes.reconciliation": ("测评表回收情况", "Ballot reconciliation"),
    "minutes.group": ("测评人类别", "Rater group"),
    "minutes.weight": ("权重", "Weight"),
    "minutes.issued": ("发放", "Issued"),
    "minutes.returned": ("收回", "Returned"),
    "minutes.valid": ("有效", "Valid"),
    "minutes.remark": ("备注", "Remark"),
    "minutes.over_issued": ("收回多于发放", "more returned than issued"),
    "minutes.ballots_summary": (
        "共录入测评表 {entered} 份，其中有效 {valid} 份，无效 {invalid} 份。",
        "{entered} ballots entered: {valid} valid, {invalid} invalid.",
    ),
    "minutes.unconfirmed": (
        "双录入未核对一致、不计入统计的测评表：{codes}。",
        "Ballots whose two entries do not agree (not counted): {codes}.",
    ),
    "minutes.vetoed": (
        "* “{grades}”票占比达到 {share}，按规定不能评为最高等次，调为第二等次。",
        "* '{grades}' marks reached {share} of the grades, so the unit cannot get the best level "
        "and gets the second.",
    ),
    "minutes.invalid_codes": ("无效测评表编号：{codes}。", "Invalid ballots (ids): {codes}."),
    "minutes.sha256": ("数据库内容 SHA-256：{sha}", "Database content SHA-256: {sha}"),
    "minutes.page": ("第 {page} 页 共 {pages} 页", "Page {page} of {pages}"),
    "minutes.column.editor_note": ("编者按", "Editor's note"),
    "minutes.column.lead": (
        "{date}，召开{title}。会上，{count}个单位现场述职，与会代表现场提问，区领导逐一点评。"
        "本栏目刊载各单位述职要点。",
        "On {date} the {title} was held: {count} units reported on site, representatives asked "
        "questions and district leaders commented. This column carries the gist of the reports.",
    ),
    "minutes.column.no_notes": ("（未记录述职要点）", "(no notes recorded)"),
    # tables and sheets (xlsx, csv)
    "export.sheet.results": ("测评结果", "Results"),
    "export.sheet.groups": ("分类别得分", "Group scores"),
    "export.sheet.ballots": ("测评表", "Ballots"),
    "export.sheet.timings": ("计时", "Timings"),
    "export.sheet.about": ("说明", "About"),
    "export.about.meeting": ("会议", "Meeting"),
    "export.about.database": ("数据库文件", "Database file"),
    "export.about.as_of": ("导出时间", "Exported at"),
    "export.col.pos": ("议程序号", "Item no."),
    "export.col.item": ("议程项", "Item"),
    "export.col.unit": ("单位", "Unit"),
    "export.col.kind": ("环节代码", "Kind"),
    "export.col.kind_label": ("环节", "Phase"),
    "export.col.speaker": ("发言人", "Speaker"),
    "export.col.started_at": ("开始", "Started at"),
    "export.col.ended_at": ("结束", "Ended at"),
    "export.col.seconds": ("用时（秒）", "Seconds"),
    "export.col.paused_seconds": ("暂停（秒）", "Paused seconds"),
    "export.col.planned": ("计划（秒）", "Planned seconds"),
    "export.col.over": ("超时（秒）", "Over plan (seconds)"),
    "export.col.text": ("内容", "Text"),
    "export.col.sha256": ("数据库内容 SHA-256", "Database content SHA-256"),
    "export.col.grade_count": ("“{grade}”票数", "'{grade}' marks"),
    "export.col.group_votes": ("{group}票数", "{group} votes"),
    "export.col.group_score": ("{group}得分", "{group} score"),
    "export.col.ballot": ("测评表编号", "Ballot id"),
    "export.col.group": ("测评人类别", "Group"),
    "export.col.status": ("统计情况", "Counted as"),
    "export.status.valid": ("有效", "valid"),
    "export.status.invalid": ("无效", "invalid"),
    "export.status.unconfirmed": ("两次录入不一致或只录入一次", "entries disagree or single entry"),
    "export.col.entry": ("录入轮次", "Entry round"),
    # the export command and dialog
    "export.opt.layout": (
        "Word 版式：minutes（会议记录）或 column（专栏）",
        "Word layout: minutes or column (the newspaper column)",
    ),
    "export.bad_layout": (
        "不支持的版式“{layout}”：只能是 {choices}",
        "unknown layout '{layout}': use {choices}",
    ),
    "export.layout_not_for": (
        "版式 {layout} 只适用于 Word（--format docx），不适用于 {fmt}",
        "the {layout} layout is for Word (--format docx), not {fmt}",
    ),
    "export.binary_stdout": (
        "{fmt} 是二进制格式，不能写到标准输出；请用 -o 指定文件名",
        "{fmt} is a binary format and cannot go to standard output; give a file with -o",
    ),
    "export.is_dir": (
        "{path}：是一个文件夹，请给出文件名",
        "{path}: is a folder; give a file name",
    ),
    "export.io_error": ("{path}：无法写入（{reason}）", "{path}: cannot be written ({reason})"),
    "export.written": ("已导出：{path}", "Written: {path}"),
    "export.progress": ("正在导出 {fmt}", "Exporting {fmt}"),
    "export.fmt.docx": ("Word 会议记录（.docx）", "Word minutes (.docx)"),
    "export.fmt.md": ("Markdown 会议记录（.md）", "Markdown minutes (.md)"),
    "export.fmt.xlsx": ("Excel 测评结果（.xlsx）", "Excel results (.xlsx)"),
    "export.fmt.csv": ("CSV 计时记录（.csv）", "CSV timings (.csv)"),
    "export.fmt.json": ("JSON 会议记录（.json）", "JSON minutes (.json)"),
    "export.layout.minutes": ("会议记录", "Minutes"),
    "export.layout.column": ("专栏（述职要点）", "Newspaper column"),
    "export.key.export": ("导出", "Export"),
    "export.key.close": ("关闭", "Close"),
    "export.dialog.title": ("导出", "Export"),
    "export.dialog.format": ("格式", "Format"),
    "export.dialog.layout": ("Word 版式", "Word layout"),
    "export.dialog.path": ("保存到", "Save to"),
    "export.dialog.export": ("导出", "Export"),
    "export.dialog.cancel": ("取消", "Cancel"),
    "export.dialog.running": ("正在导出……", "Exporting…"),
    "export.dialog.hint": (
        "Tab 换栏 · Enter 展开/选定 · Ctrl+S 导出 · Esc 关闭",
        "Tab next field · Enter open/choose · Ctrl+S export · Esc close",
    ),
    "export.dialog.no_path": ("请填写保存路径", "Enter where to save the file"),
    "export.done": ("已导出到 {path}", "Exported to {path}"),
    "export.failed": ("导出失败：{reason}", "Export failed: {reason}"),
    # --- projector (issue 6) -----------------------------------------------------------------
    "projector.app_title": ("reviewtui 投影屏幕", "reviewtui projector"),
    "projector.quit": ("退出", "Quit"),
    "projector.waiting": ("等待会议开始", "Waiting for the meeting to start"),
    "projector.waiting_hint": (
        "会议数据库 {db} 还没有建立；在记录电脑上运行 reviewtui run 后，这里会自动显示。",
        "The meeting database {db} does not exist yet; this screen follows as soon as "
        "reviewtui run creates it.",
    ),
    "projector.unreadable": (
        "暂时无法读取会议数据库（{reason}），正在重试……",
        "Cannot read the meeting database yet ({reason}); retrying…",
    ),
    "projector.reconnecting": ("⟳ 重新连接中", "⟳ reconnecting"),
    "projector.not_started": ("会议即将开始", "The meeting will begin shortly"),
    "projector.planned_start": ("计划 {time} 开始", "Planned start {time}"),
    "projector.first": ("第一项：{item}", "First: {item}"),
    "projector.next": ("下一项：{item}", "Next: {item}"),
    "projector.next_heading": ("下一项", "Next"),
    "projector.no_next": ("本项结束", "This item is over"),
    "projector.phase.report": ("述职", "Report"),
    "projector.phase.question": ("提问", "Question"),
    "projector.phase.answer": ("回答", "Answer"),
    "projector.phase.comment": ("点评", "Comment"),
    "projector.phase.speech": ("讲话", "Speech"),
    "projector.remaining": ("剩余时间", "Time left"),
    "projector.warn": ("即将到时", "Time is nearly up"),
    "projector.overtime": ("超时", "OVERTIME"),
    "projector.paused": ("暂停", "PAUSED"),
    "projector.elapsed": ("已用时", "Elapsed"),
    "projector.ready": ("即将开始", "About to begin"),
    "projector.segment_done": ("{phase}结束，用时 {time}", "{phase} ended after {time}"),
    "projector.segment_over": ("（超时 {time}）", " ({time} over)"),
    "projector.assessment": ("正在填写测评表", "Assessment forms are being filled in"),
    "projector.assessment_hint": (
        "请对每个单位逐项评价，填好后交工作人员",
        "Please grade every unit and hand the form to the staff",
    ),
    "projector.written": ("书面述职", "Written report"),
    "projector.closed": ("会议结束", "The meeting has ended"),
    "projector.thanks": ("谢谢大家", "Thank you"),
    "projector.duration": ("会议用时 {time}", "The meeting took {time}"),
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
