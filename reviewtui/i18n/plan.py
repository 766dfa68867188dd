"""Strings of the session file validation: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "plan.where": ("{path}:{line}:{key}:", "{path}:{line}: {key}: "),
    "plan.where_noline": ("{path}:{key}:", "{path}: {key}: "),
    "plan.where_file_line": ("{path}:{line}:", "{path}:{line}: "),
    "plan.where_file": ("{path}:", "{path}: "),
    "plan.toml_syntax": ("TOML 语法错误：{detail}", "TOML syntax error: {detail}"),
    "plan.toml_column": ("（第 {column} 列）", " (column {column})"),
    "plan.toml_at_end": ("（在文件末尾）", " (at the end of the file)"),
    # tomllib's messages, said in the user's language (plan._toml_detail)
    "toml.overwrite": ("不能覆盖已有的值", "Cannot overwrite a value"),
    "toml.backslash": ("字符串中有未转义的“\\”", "Unescaped '\\' in a string"),
    "toml.immutable": ("不能修改已定义的 {key}", "Cannot mutate immutable namespace {key}"),
    "toml.unterminated": ("字符串没有结束引号", "Unterminated string"),
    "toml.unclosed_table": ("行内表缺少“}}”", "Unclosed inline table"),
    "toml.unclosed_array": ("数组缺少“]”", "Unclosed array"),
    "toml.invalid_value": ("值无效（文字要加引号）", "Invalid value"),
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
    "plan.unknown_key": ("未知的键“{key}”（是否拼写错误？）", "unknown key '{key}' (a typo?)"),
    "plan.unknown_key_hint": (
        "未知的键“{key}”，是否应为“{hint}”？",
        "unknown key '{key}'; did you mean '{hint}'?",
    ),
    "plan.type.str": ("应为文本，实际是 {got}", "must be text, not {got}"),
    "plan.type.number": ("应为数字，实际是 {got}", "must be a number, not {got}"),
    "plan.type.int": ("应为整数，实际是 {got}", "must be a whole number, not {got}"),
    "plan.type.bool": ("应为 true 或 false，实际是 {got}", "must be true or false, not {got}"),
    "plan.type.table": ("应为表（键值组），实际是 {got}", "must be a table, not {got}"),
    "plan.type.list": ("应为数组，实际是 {got}", "must be an array, not {got}"),
    "plan.type.list_of_tables": (
        "应为表的数组（[[...]]），实际是 {got}",
        "must be an array of tables ([[...]]), not {got}",
    ),
    "plan.empty_text": ("不能为空", "must not be empty"),
    "plan.bad_date": (
        "“{value}”不是有效日期（应为 YYYY-MM-DD）",
        "'{value}' is not a valid date (expected YYYY-MM-DD)",
    ),
    "plan.bad_time": (
        "“{value}”不是有效时间（应为 HH:MM）",
        "'{value}' is not a valid time (expected HH:MM)",
    ),
    "plan.bad_duration": (
        "“{value}”不是有效时长（应为 “m:ss”、“h:mm:ss” 或整秒数）",
        '\'{value}\' is not a valid duration (expected "m:ss", "h:mm:ss" or whole seconds)',
    ),
    "plan.nonpositive_duration": ("时长必须大于 0", "the duration must be greater than zero"),
    "plan.range": (
        "{value} 超出范围，应在 {low} 到 {high} 之间",
        "{value} is out of range: must be {low} to {high}",
    ),
    "plan.positive": ("{value} 必须大于 0", "{value} must be greater than 0"),
    "plan.nonnegative": ("{value} 不能为负数", "{value} must not be negative"),
    "plan.choice": (
        "“{value}”无效，应为 {choices} 之一",
        "'{value}' is invalid: must be one of {choices}",
    ),
    "plan.duplicate": (
        "名称“{name}”重复（已在 {first} 使用）",
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
        "讲话人“{name}”不在 [[leaders]] 中，也不是主持人",
        "speaker '{name}' is neither one of the [[leaders]] nor the chair",
    ),
    "plan.warning_needs": (
        '提醒规则 rule = "{rule}" 需要填写 {key}',
        'a warning rule = "{rule}" needs {key}',
    ),
    "plan.unknown_level": ("“{name}”不是等次 levels 中的等次", "'{name}' is not one of the levels"),
    "plan.unknown_category": (
        "“{name}”不是任何单位的类别 category",
        "'{name}' is not the category of any unit",
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
        "等次必须从好到差排列（分值递减）：“{name}”的 {points} 分高于前一等次",
        "grades must go best first (points falling): '{name}' has {points}, more than the grade before",
    ),
    "plan.grade_points_missing": (
        "计分的等次必须有 points",
        "a counted grade needs points",
    ),
    "plan.items_empty": ("测评项目 items 不能为空", "the form must have at least one item"),
    "plan.max_positive": (
        "max 必须大于 0，实际是 {value}",
        "max must be greater than 0, not {value}",
    ),
    "plan.levels_empty": ("考核等次 levels 不能为空", "levels must not be empty"),
    "plan.levels_order": (
        "考核等次必须从好到差排列（min 递减）：“{name}”的 min {value} 不小于前一等次",
        "levels must go best first (min falling): '{name}' has min {value}, not below the level before",
    ),
    "plan.quota_twice": (
        "“{grade}”已有比例限制（{first}）：两条都生效，以较低的比例为准",
        "'{grade}' already has a share limit ({first}): both apply, the lower share decides",
    ),
    "plan.agenda_title_needed": ("{kind} 议程项需要 title", "a {kind} item needs a title"),
    "plan.agenda_no_reports": (
        '议程中必须有一项 kind = "reports"（代表全部述职单位）',
        'the agenda needs one kind = "reports" item (it stands for the units)',
    ),
    "plan.scale_too_long": (
        "等次最多 9 个（录入时用数字键 1–9）",
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
    "plan.too_deep": (
        "TOML 嵌套过深（数组或表嵌套了上千层），无法读取",
        "the TOML is nested too deeply (arrays or tables thousands of levels deep)",
    ),
    "plan.too_big_number": ("TOML 中的数字位数过多", "a number in the TOML has too many digits"),
    "plan.control_char": (
        "含有控制字符 {code}，请删除",
        "holds a control character ({code}); remove it",
    ),
    "plan.too_long": (
        "太长（{count} 个字符），最多 {limit} 个",
        "is too long ({count} characters; at most {limit})",
    ),
    "plan.too_many": (
        "条目太多（{count} 个），最多 {limit} 个",
        "too many entries ({count}; at most {limit})",
    ),
    "plan.not_finite": ("{value} 不是有限的数字", "{value} is not a finite number"),
    "plan.range_open": (
        "{value} 超出范围，应大于 {low} 且不超过 {high}",
        "{value} is out of range: must be above {low} and at most {high}",
    ),
    "plan.duration_too_long": (
        "时长“{value}”超过 24 小时",
        "the duration '{value}' is longer than 24 hours",
    ),
    "plan.date_range": (
        "日期 {value} 超出范围，应在 {low} 到 {high} 之间",
        "the date {value} is out of range: must be {low} to {high}",
    ),
    "plan.newer_format": (
        "会议数据库中的会议方案是较新版本 reviewtui 写入的（格式 {version}），请升级 reviewtui",
        "the plan in this database was written by a newer reviewtui (format {version}); upgrade reviewtui",
    ),
    "plan.warning": ("提示：", "warning: "),
    "plan.warn_at_or_above": (
        "提醒时间 {warn} 不短于 {key} 的计划时长 {planned}：该计时改在剩余四分之一时提醒",
        "warn ({warn}) is not shorter than {key} ({planned}): that timer warns at a quarter of its time instead",
    ),
    "plan.daily_unweighted": (
        "{count} 个单位填了日常考核得分（daily），但 assessment.onsite_weight = 1：综合得分只算现场测评，"
        "日常考核不起作用；要计入日常考核，请设 onsite_weight（如 0.7 表示现场测评 70%、日常考核 30%，"
        "工作簿在“会议”表填“现场测评占比”）",
        "{count} units have a daily score, but assessment.onsite_weight = 1: the final score is the "
        "meeting's alone and the daily scores count for nothing; to count them set onsite_weight "
        "(0.7: the meeting 70%, daily 30%; in the workbook, the meeting sheet's onsite_share)",
    ),
    "plan.daily_some": (
        "只有部分单位填写了 daily（日常考核），{count} 个单位没有：{units}；这些单位只按现场测评计分",
        "only some units have daily (day-to-day score); {count} have none: {units}; they are scored on the meeting alone",
    ),
    "plan.veto_share_zero": (
        "veto 的 share = 0：任何单位都不能评为最高等次",
        "veto share = 0: no unit can get the best level",
    ),
    "input.folder": ("{path}：这是文件夹，不是文件", "{path}: is a folder, not a file"),
    "input.not_regular": (
        "{path}：不是普通文件（设备、管道或指向它们的链接），不予读取",
        "{path}: is not a regular file (a device, a pipe, or a link to one); not read",
    ),
    "input.too_big": (
        "{path}：文件太大（{size}），最大 {limit}",
        "{path}: the file is too big ({size}; at most {limit})",
    ),
    "plan.errors_found": ("{path}：发现 {count} 处错误", "{path}: {count} error(s) found"),
    "plan.bad_code": (
        "编号前缀“{code}”无效：只能是 1 至 3 个英文字母（如 A）",
        "form serial prefix '{code}' is invalid: 1 to 3 letters (e.g. A)",
    ),
}
