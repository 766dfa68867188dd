"""Strings of the session workbook (template, new): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "book.where": (
        "{book}:工作表“{sheet}”第 {row} 行 {column} 列({header}):",
        "{book}: sheet '{sheet}', row {row}, column {column} ({header}): ",
    ),
    "book.not_file": (
        "{path}:不是普通文件,无法作为工作簿读取",
        "{path}: not a regular file, cannot be read as a workbook",
    ),
    "book.not_xlsx": (
        "{path}:不是有效的 Excel 工作簿(.xlsx);请在 Excel 或 WPS 中另存为 .xlsx 后再试",
        "{path}: not a valid Excel workbook (.xlsx); save it as .xlsx in Excel or WPS and try again",
    ),
    "book.too_big": (
        "{path}:文件太大(上限 {mb} MB),不像会议工作簿",
        "{path}: too large (limit {mb} MB) for a session workbook",
    ),
    "book.too_many_rows": (
        "工作表“{sheet}”超过 {rows} 行,多出的行未读取",
        "sheet '{sheet}' has more than {rows} rows; the rest was not read",
    ),
    "book.unknown_header": (
        "无法识别的列名;应为:{expected}",
        "unknown column header; expected one of: {expected}",
    ),
    "book.unknown_row": (
        "无法识别的项目;应为:{expected}",
        "unknown row name; expected one of: {expected}",
    ),
    "book.bad_choice": (
        "“{value}”不是可选值;可选:{choices}",
        "'{value}' is not one of the choices: {choices}",
    ),
    "book.not_number": ("“{value}”不是数字", "'{value}' is not a number"),
    "book.not_integer": ("“{value}”不是整数", "'{value}' is not a whole number"),
    "book.too_long": ("文字太长(上限 {chars} 字)", "text too long (limit {chars} characters)"),
    "book.errors": (
        "{book}:发现 {count} 处问题,未生成会议文件",
        "{book}: {count} problem(s) found; no session file was written",
    ),
    "book.exists": (
        "{path}:文件已存在;如要覆盖请加 --force",
        "{path}: already exists; add --force to replace it",
    ),
    "book.written": (
        "已生成会议文件:{path}(请运行 reviewtui check 检查)",
        "Session file written: {path} (check it with reviewtui check)",
    ),
    "book.template_written": (
        "已生成会议工作簿模板:{path}",
        "Session workbook template written: {path}",
    ),
    "book.instructions": (
        "会议工作簿填写说明\n\n"
        "· 每张工作表的第 1 行是列名,请勿修改;第 2 行是示例,请直接改写或删除。\n"
        "· 空行会被跳过;某张工作表不填,该部分取默认值(例如不填“议程”,就是全部现场述职后填写测评表)。\n"
        "· “会议”:会议名称和日期必填;日期写成 2017-02-24,开始时间写成 14:30。\n"
        "· “单位”:按述职顺序填写;述职方式选“现场”或“书面”;点评领导从“领导”表中选;述职限时写成 分:秒(如 5:00),不填按默认 5 分钟。\n"
        "· “领导”:出席会议、负责点评的区领导,按职务填写。\n"
        "· “测评人类别”:每类一行;权重是相对值;发放份数、应到人数可不填;编号前缀用于测评表编号(如 A001)。\n"
        "· “提问人”:预先登记的提问人,可不填;类别须为“测评人类别”中的一类。\n"
        "· “议程”:类型选 讲话 / 述职 / 测评 / 休息;“述职”一行代表全部现场述职单位。\n"
        "· “测评”:测评表上的评价项目;满分不填表示勾选等次,填了表示打分。\n\n"
        "填好后运行:reviewtui new 本工作簿.xlsx -o 会议.toml,再运行 reviewtui check 会议.toml。",
        "How to fill in the session workbook\n\n"
        "· Row 1 of every sheet holds the column names: keep them. Row 2 is an example: overwrite or delete it.\n"
        "· Empty rows are skipped; a sheet left empty takes the defaults (no agenda: every on-site report, then the assessment).\n"
        "· meeting: title and date are required; a date reads 2017-02-24, a start time 14:30.\n"
        "· units: in reporting order; mode is onsite or written; the commenter is picked from the leaders sheet; report is the limit as m:ss (e.g. 5:00), 5 minutes if empty.\n"
        "· leaders: the district leaders present, who comment.\n"
        "· groups: one row per rater group; weights are relative; issued and expected may be empty; code prefixes the form serials (A001).\n"
        "· representatives: people who may ask questions (optional); group must name a rater group.\n"
        "· agenda: kind is speech / reports / assessment / break; one reports row stands for every on-site unit.\n"
        "· items: the form's items; an empty max means a grade, a number means a score out of it.\n\n"
        "Then run: reviewtui new this-book.xlsx -o meeting.toml, and reviewtui check meeting.toml.",
    ),
    "book.toml_head": (
        '会议文件(TOML 格式,UTF-8 编码),由会议工作簿生成。\n以 # 开头的是注释,程序不读;文字一律用英文双引号括起来。\n时长写成 "分:秒"(如 "5:00")或 "时:分:秒",也可以写整秒数。\n改完后请运行 reviewtui check 检查。',
        'Session file (TOML, UTF-8), made from a session workbook.\nLines starting with # are comments; text goes in double quotes.\nA duration is "m:ss" ("5:00"), "h:mm:ss" or whole seconds.\nCheck it with reviewtui check after every change.',
    ),
    "book.toml_source": ("来源:{source}", "made from: {source}"),
    "book.toml_meeting": (
        "[meeting] 会议基本信息。title(会议名称)和 date(日期)必填。",
        "[meeting] The meeting. title and date are required.",
    ),
    "book.toml_timing": (
        "[timing] 各环节默认限时(工作簿不含此项,以下为默认值,可按需修改)。\n计时器在剩余时间等于 warn 时提醒,超时后继续计为负数并显示“超时”。",
        "[timing] Default limits (not in the workbook: these are the defaults, change as needed).\nThe timer warns when warn is left and counts on as overtime past zero.",
    ),
    "book.toml_leaders": (
        "[[leaders]] 出席会议的区领导(按职务填写),每位一段。\n[[units]] 的 commenter 和 [[agenda]] 的 speaker 必须是这里的名称之一。",
        "[[leaders]] District leaders present, one block each.\nunits' commenter and agenda's speaker must name one of them.",
    ),
    "book.toml_groups": (
        "[[groups]] 测评人类别。weight 权重(相对值);issued 发放份数;expected 应到人数;code 编号前缀。",
        "[[groups]] Rater groups. weight is relative; issued: forms handed out; expected: who should attend; code: serial prefix.",
    ),
    "book.toml_representatives": (
        "[[representatives]] 预先登记的提问人(可不填;现场也可以直接输入)。",
        "[[representatives]] People registered to ask questions (optional; free text is allowed too).",
    ),
    "book.toml_units": (
        '[[units]] 述职单位,按述职顺序排列。mode:"onsite" 现场述职;"written" 书面述职(只参加测评)。',
        '[[units]] Reporting units, in agenda order. mode: "onsite" (timed) or "written" (graded only).',
    ),
    "book.toml_agenda": (
        "[[agenda]] 会议议程(可不填)。kind:speech 讲话 / reports 全部现场述职 / break 休息 / assessment 填写测评表。",
        "[[agenda]] The agenda (optional). kind: speech / reports (every on-site unit) / break / assessment.",
    ),
    "book.toml_assessment": (
        "[assessment] 测评办法。工作簿只含测评项目;其余为默认值,可按需修改。",
        "[assessment] How units are graded. The workbook holds the items only; the rest are defaults.",
    ),
    "book.toml_scale": (
        "评价等次及对应分值,从好到差排列;分值 0–100。",
        "Grades, best first, with their points (0–100).",
    ),
    "book.toml_items": (
        "测评表上的评价项目;某项写 max = N 表示填 0..N 的分数。",
        "The form's items; max = N takes a score from 0 to N.",
    ),
    "book.toml_trim": (
        "去掉最高分、最低分的个数(每一类测评人分别去掉);0 表示不去掉。",
        "How many highest and lowest scores to drop per group; 0 drops none.",
    ),
    "book.toml_onsite": (
        "现场测评得分所占比例;其余为日常考核得分(daily)。",
        "Share of the meeting's score in the final score; the rest is the daily score.",
    ),
    "book.toml_levels": (
        "考核等次,从好到差;单位得到第一个“最终得分 ≥ min”的等次。",
        "Levels, best first; a unit gets the first level whose min it reaches.",
    ),
    "book.toml_double": (
        "true 表示每张测评表要录入两遍,两遍一致才计入。",
        "true: every form is entered twice and counts only when both agree.",
    ),
}
