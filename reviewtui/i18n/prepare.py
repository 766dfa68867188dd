"""Strings of the session workbook (template, new): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "book.where": (
        "{book}：工作表“{sheet}”第 {row} 行 {column} 列（{header}）：",
        "{book}: sheet '{sheet}', row {row}, column {column} ({header}): ",
    ),
    "book.not_file": (
        "{path}：不是普通文件，无法作为工作簿读取",
        "{path}: not a regular file, cannot be read as a workbook",
    ),
    "book.not_xlsx": (
        "{path}：不是有效的 Excel 工作簿（.xlsx）；请在 Excel 或 WPS 中另存为 .xlsx 后再试",
        "{path}: not a valid Excel workbook (.xlsx); save it as .xlsx in Excel or WPS and try again",
    ),
    "book.too_big": (
        "{path}：文件太大（上限 {mb} MB），不像会议工作簿",
        "{path}: too large (limit {mb} MB) for a session workbook",
    ),
    "book.too_many_rows": (
        "工作表“{sheet}”超过 {rows} 行，多出的行未读取",
        "sheet '{sheet}' has more than {rows} rows; the rest was not read",
    ),
    "book.unknown_header": (
        "无法识别的列名；应为：{expected}",
        "unknown column header; expected one of: {expected}",
    ),
    "book.unknown_row": (
        "无法识别的项目；应为：{expected}",
        "unknown row name; expected one of: {expected}",
    ),
    "book.bad_choice": (
        "“{value}”不是可选值；可选：{choices}",
        "'{value}' is not one of the choices: {choices}",
    ),
    "book.formula": (
        "单元格是公式“{formula}”，请直接填写它的值（程序不计算公式）",
        "the cell holds the formula '{formula}': type its value instead (formulas are never computed here)",
    ),
    "book.not_integer": ("“{value}”不是整数", "'{value}' is not a whole number"),
    "book.bad_share": (
        "“{value}”不是占比：请写成 70% 或 0.7（0 到 100%）",
        "'{value}' is not a share: write 70% or 0.7 (0 to 100%)",
    ),
    "book.blend_sum": (
        "现场测评占比与日常考核占比相加应为 100%，现为 {total}",
        "the on-site and daily shares must add up to 100%, not {total}",
    ),
    "book.too_long": ("文字太长（上限 {chars} 字）", "text too long (limit {chars} characters)"),
    "book.errors": (
        "{book}：发现 {count} 处问题，未生成会议文件",
        "{book}: {count} problem(s) found; no session file was written",
    ),
    "book.exists": (
        "{path}：文件已存在；如要覆盖请加 --force",
        "{path}: already exists; add --force to replace it",
    ),
    "book.written": (
        "已生成会议文件：{path}（请运行 reviewtui check 检查）",
        "Session file written: {path} (check it with reviewtui check)",
    ),
    "book.template_written": (
        "已生成会议工作簿模板：{path}",
        "Session workbook template written: {path}",
    ),
    "book.instructions": (
        "会议工作簿填写说明\n\n"
        "· 每张工作表的第 1 行是列名，请勿修改；第 2 行是示例，请直接改写或删除。\n"
        "· 空行会被跳过；某张工作表不填，该部分取默认值（例如不填“议程”，就是全部现场述职后填写测评表）。\n"
        "· “会议”：会议名称和日期必填；日期写成 2017-02-24，开始时间写成 14:30。\n"
        "· “单位”：按述职顺序填写；述职方式选“现场”或“书面”；点评领导从“领导”表中选；述职限时写成 分:秒（如 5:00），不填按默认 5 分钟。\n"
        "· “领导”：出席会议、负责点评的区领导，按职务填写。\n"
        "· “测评人类别”：每类一行；权重是相对值；发放份数、应到人数可不填；编号前缀用于测评表编号（如 A001）。\n"
        "· “提问人”：预先登记的提问人，可不填；类别须为“测评人类别”中的一类。\n"
        "· “议程”：类型选 讲话 / 述职 / 测评 / 休息；“述职”一行代表全部现场述职单位。\n"
        "· “测评”：测评表上的评价项目；满分不填表示勾选等次，填了表示打分。\n"
        "· 综合得分 = 现场测评 × 现场测评占比 + 日常考核 × 日常考核占比：在“会议”表填一项即可（如 现场测评占比 70%，日常考核占比 30%）；不填则只按现场测评计分，“单位”表的日常考核得分不起作用。\n"
        "· “跨年度提醒”：可不填；每条规则一行，对照上一届会议（[meeting] previous）。规则选 等次 / 末位 / 整改未完成：等次——连续届数内每届都在所填等次或以下（如 等次 一般、连续届数 2）；末位——每届都在末位名数以内，填了类别则按该类别内名次；整改未完成——上一届的整改事项仍未完成。连续届数不填为 2；处理选 提醒 或 约谈，不填为提醒。\n\n"
        "填好后运行：reviewtui new 本工作簿.xlsx -o 会议.toml，再运行 reviewtui check 会议.toml。",
        "How to fill in the session workbook\n\n"
        "· Row 1 of every sheet holds the column names: keep them. Row 2 is an example: overwrite or delete it.\n"
        "· Empty rows are skipped; a sheet left empty takes the defaults (no agenda: every on-site report, then the assessment).\n"
        "· meeting: title and date are required; a date reads 2017-02-24, a start time 14:30.\n"
        "· units: in reporting order; mode is onsite or written; the commenter is picked from the leaders sheet; report is the limit as m:ss (e.g. 5:00), 5 minutes if empty.\n"
        "· leaders: the district leaders present, who comment.\n"
        "· groups: one row per rater group; weights are relative; issued and expected may be empty; code prefixes the form serials (A001).\n"
        "· representatives: people who may ask questions (optional); group must name a rater group.\n"
        "· agenda: kind is speech / reports / assessment / break; one reports row stands for every on-site unit.\n"
        "· items: the form's items; an empty max means a grade, a number means a score out of it.\n"
        "· final score = on-site × onsite_share + daily × daily_share: give one of them on the meeting sheet (e.g. onsite_share 70%, daily_share 30%); without, only the meeting's score counts and the units' daily scores count for nothing.\n"
        "· warnings (optional): one rule per row, read against the earlier meetings ([meeting] previous). rule is level / bottom / rectify: level, at or below that level in each of `years` meetings running (e.g. level 一般, years 2); bottom, among the last `bottom` units in each of them (within category if given); rectify, last year's rectification lines still open. years is 2 if empty; action is remind or talk, remind if empty.\n\n"
        "Then run: reviewtui new this-book.xlsx -o meeting.toml, and reviewtui check meeting.toml.",
    ),
    "book.toml_head": (
        '会议文件（TOML 格式，UTF-8 编码），由会议工作簿生成。\n以 # 开头的是注释，程序不读；文字一律用英文双引号括起来。\n时长写成 "分:秒"（如 "5:00"）或 "时:分:秒"，也可以写整秒数。\n改完后请运行 reviewtui check 检查。',
        'Session file (TOML, UTF-8), made from a session workbook.\nLines starting with # are comments; text goes in double quotes.\nA duration is "m:ss" ("5:00"), "h:mm:ss" or whole seconds.\nCheck it with reviewtui check after every change.',
    ),
    "book.toml_source": ("来源：{source}", "made from: {source}"),
    "book.toml_meeting": (
        "[meeting] 会议基本信息。title（会议名称）和 date（日期）必填。",
        "[meeting] The meeting. title and date are required.",
    ),
    "book.toml_timing": (
        "[timing] 各环节默认限时（工作簿不含此项，以下为默认值，可按需修改）。\n计时器在剩余时间等于 warn 时提醒，超时后继续计为负数并显示“超时”。",
        "[timing] Default limits (not in the workbook: these are the defaults, change as needed).\nThe timer warns when warn is left and counts on as overtime past zero.",
    ),
    "book.toml_leaders": (
        "[[leaders]] 出席会议的区领导（按职务填写），每位一段。\n[[units]] 的 commenter 和 [[agenda]] 的 speaker 必须是这里的名称之一。",
        "[[leaders]] District leaders present, one block each.\nunits' commenter and agenda's speaker must name one of them.",
    ),
    "book.toml_groups": (
        "[[groups]] 测评人类别。weight 权重（相对值）；issued 发放份数；expected 应到人数；code 编号前缀。",
        "[[groups]] Rater groups. weight is relative; issued: forms handed out; expected: who should attend; code: serial prefix.",
    ),
    "book.toml_representatives": (
        "[[representatives]] 预先登记的提问人（可不填；现场也可以直接输入）。",
        "[[representatives]] People registered to ask questions (optional; free text is allowed too).",
    ),
    "book.toml_units": (
        '[[units]] 述职单位，按述职顺序排列。mode："onsite" 现场述职；"written" 书面述职（只参加测评）。',
        '[[units]] Reporting units, in agenda order. mode: "onsite" (timed) or "written" (graded only).',
    ),
    "book.toml_agenda": (
        "[[agenda]] 会议议程（可不填）。kind：speech 讲话 / reports 全部现场述职 / break 休息 / assessment 填写测评表。",
        "[[agenda]] The agenda (optional). kind: speech / reports (every on-site unit) / break / assessment.",
    ),
    "book.toml_assessment": (
        "[assessment] 测评办法。工作簿只含测评项目；其余为默认值，可按需修改。",
        "[assessment] How units are graded. The workbook holds the items only; the rest are defaults.",
    ),
    "book.toml_scale": (
        "评价等次及对应分值，从好到差排列；分值 0–100。",
        "Grades, best first, with their points (0–100).",
    ),
    "book.toml_items": (
        "测评表上的评价项目；某项写 max = N 表示填 0..N 的分数。",
        "The form's items; max = N takes a score from 0 to N.",
    ),
    "book.toml_trim": (
        "去掉最高分、最低分的个数（每一类测评人分别去掉）；0 表示不去掉。",
        "How many highest and lowest scores to drop per group; 0 drops none.",
    ),
    "book.toml_onsite": (
        "现场测评得分所占比例；其余为日常考核得分（daily）。",
        "Share of the meeting's score in the final score; the rest is the daily score.",
    ),
    "book.toml_levels": (
        "考核等次，从好到差；单位得到第一个“最终得分 ≥ min”的等次。",
        "Levels, best first; a unit gets the first level whose min it reaches.",
    ),
    "book.toml_warnings": (
        "跨年度提醒：对照上一届会议，rule 为 level（等次）、bottom（末位）或 rectify（整改未完成）。",
        "Warnings across years, against the earlier meetings: rule level, bottom or rectify.",
    ),
    "book.toml_double": (
        "true 表示每张测评表要录入两遍，两遍一致才计入。",
        "true: every form is entered twice and counts only when both agree.",
    ),
}

STRINGS |= {
    "print.forms": ("测评表", "assessment forms"),
    "print.agenda": ("会议议程", "Agenda"),
    "print.script": ("主持词", "chair's script"),
    "print.signin": ("签到表", "Sign-in sheet"),
    "print.written": ("已生成{what}：{path}（{pages}）", "Written {what}: {path} ({pages})"),
    "print.pages_forms": ("{count} 份测评表", "{count} forms"),
    "print.pages_groups": ("{count} 类测评人", "{count} groups"),
    "print.written_doc": ("已生成{what}：{path}", "Written {what}: {path}"),
    "print.form_title": ("测 评 表", "Assessment form"),
    "print.form_serial": ("编号：{serial}    类别：{group}", "Serial: {serial}    Group: {group}"),
    "print.col_score": ("{item}（满分 {max}）", "{item} (out of {max})"),
    "print.col_speaker": ("述职人 / 讲话人", "Reporter / speaker"),
    "print.col_limit": ("限时", "Limit"),
    "print.col_time": ("时间", "Time"),
    "print.col_name": ("姓名", "Name"),
    "print.col_post": ("单位及职务", "Organization and post"),
    "print.col_sign": ("签名", "Signature"),
    "print.form_howto_title": ("填表说明", "How to fill in this form"),
    "print.form_howto_grade": (
        "请在每个单位对应等次的“□”内划“√”，每个单位每项只选一个等次。",
        "Tick one box per unit and item.",
    ),
    "print.form_howto_score": (
        "请在每个单位的得分栏内填写分数，不超过满分。",
        "Write a score for each unit, at most the maximum.",
    ),
    "print.rule_blank": (
        "对所有单位都未作评价的测评表无效。",
        "A form that grades no unit is invalid.",
    ),
    "print.rule_all_same": (
        "对所有单位评价为同一等次的测评表无效。",
        "A form that gives every unit the same grade is invalid.",
    ),
    "print.rule_min_marked": (
        "评价的单位少于 {count} 个的测评表无效。",
        "A form grading fewer than {count} units is invalid.",
    ),
    "print.rule_quota": (
        "评为“{grade}”的比例超过 {share} 的测评表无效。",
        "A form giving more than {share} of its grades as '{grade}' is invalid.",
    ),
    "print.form_hand_in": (
        "本表不记名，填好后请交会议工作人员。",
        "This form is anonymous; hand it to the staff when done.",
    ),
    "print.agenda_report": ("{unit}述职", "Report: {unit}"),
    "print.agenda_written": ("书面述职单位：{units}。", "Written reports: {units}."),
    "print.date": ("时间：", "Date: "),
    "print.venue": ("地点：", "Venue: "),
    "print.chair": ("主持：", "Chair: "),
    "print.signin_group": (
        "类别：{group}    应到 {count} 人",
        "Group: {group}    expected {count}",
    ),
    "print.script_title": ("{title}主持词", "{title}: the chair's script"),
    "print.bad_kind": (
        "未知的文档“{kind}”：可选 {kinds}",
        "unknown document '{kind}': choose one of {kinds}",
    ),
    "script.min": ("{minutes} 分钟", "{minutes} minutes"),
    "script.min_sec": ("{minutes} 分 {seconds} 秒", "{minutes} min {seconds} s"),
    "script.each_own": ("按各单位限时", "as set for each unit"),
    "script.salute": ("同志们：", "Comrades,"),
    "script.opening": ("今天，我们召开{title}。", "Today we hold the {title}."),
    "script.leaders": (
        "出席今天会议的区领导有：{leaders}。",
        "The district leaders present are: {leaders}.",
    ),
    "script.attendance": (
        "本次会议应到 {expected} 人，实到 ____ 人，请假 ____ 人，符合规定人数。",
        "{expected} are expected today; ____ are present and ____ excused, which meets the quorum.",
    ),
    "script.steps": (
        "今天的会议共有 {count} 项议程：{steps}。",
        "Today's meeting has {count} items: {steps}.",
    ),
    "script.step": ("【议程{n}】{what}", "[Item {n}] {what}"),
    "script.step_reports": ("现场述职、提问和点评", "on-site reports, questions and comments"),
    "script.step_assessment": ("填写测评表", "filling in the assessment forms"),
    "script.speech": (
        "下面，请{speaker}{title}，时间 {time}。",
        "I now call on {speaker}: {title} ({time}).",
    ),
    "script.speech_titled": ("下面，请{title}，时间 {time}。", "Now: {title} ({time})."),
    "script.break": ("下面休息 {time}。", "We now take a break of {time}."),
    "script.reports_intro": (
        "下面进行现场述职。共有 {count} 个单位现场述职，每个单位述职时间 {time}，述职后由与会代表现场提问，区领导进行点评。请述职人员严格控制时间。",
        "We now come to the on-site reports: {count} units, {time} each, each followed by questions from the floor and a leader's comment. Please keep to the time.",
    ),
    "script.first": ("首先", "First"),
    "script.next": ("下面", "Next"),
    "script.report": (
        "{first}，请{reporter}述职，时间 {time}。",
        "{first}, I call on {reporter} to report ({time}).",
    ),
    "script.questions": (
        "请与会代表提问，请{reporter}回答。",
        "Questions from the floor, please; {reporter} will answer.",
    ),
    "script.comment": (
        "请{leader}对{unit}的述职进行点评。",
        "I ask {leader} to comment on the report of {unit}.",
    ),
    "script.written": (
        "另外，{units}共 {count} 个单位进行书面述职，书面述职材料已印发各位，请一并进行评议。",
        "In addition, {count} units report in writing ({units}); their reports have been handed out for assessment too.",
    ),
    "script.assessment": (
        "下面进行民主测评。请大家对照测评表，对 {count} 个单位抓基层党建工作情况逐一进行评价。",
        "We now come to the assessment. Please grade each of the {count} units on the form.",
    ),
    "script.forms_issued": (
        "本次共发放测评表 {total} 份，其中{groups}。",
        "{total} forms were handed out: {groups}.",
    ),
    "script.group_forms": ("{group} {count} 份", "{group} {count}"),
    "script.hand_in": (
        "填写时请按照填表说明，每个单位只选一个等次。填写完毕后，请交会议工作人员。",
        "Follow the instructions on the form, one grade per unit, and hand it to the staff when done.",
    ),
    "script.closing_title": ("会议结束", "Close"),
    "script.closing": (
        "同志们，今天的述职评议考核会议程已全部完成。各单位要认真对照述职中查摆的问题和与会同志提出的意见建议，逐项抓好整改落实。会议到此结束，散会。",
        "Comrades, today's agenda is complete. Every unit should act on the problems its report named and on the opinions raised today. The meeting is closed.",
    ),
}

STRINGS |= {
    "amend.unit_has_records": (
        "单位“{unit}”已有记录（述职计时或测评票），不能撤下",
        "unit '{unit}' has records (timed segments or ballots) and cannot be withdrawn",
    ),
    "amend.unit_has_records_rename": (
        "单位“{unit}”已有记录，不能改成另一个已有单位的名称（两个单位的记录会混在一起）",
        "unit '{unit}' has records and cannot take the name of another unit (their records would mix)",
    ),
    "amend.unit_mode": (
        "单位“{unit}”已经现场述职计时，不能改为书面述职",
        "unit '{unit}' has already been timed on site and cannot become a written report",
    ),
    "amend.group_has_ballots": (
        "测评人类别“{group}”已有测评票，不能删除",
        "rater group '{group}' has ballots and cannot be removed",
    ),
    "amend.form_has_ballots": (
        "已录入 {count} 张测评票，测评表的等次和项目不能再改",
        "{count} ballots are entered: the form's grades and items can no longer change",
    ),
    "amend.item_has_records": (
        "议程“{item}”已有记录，不能删除",
        "agenda item '{item}' has records and cannot be removed",
    ),
    "live.action.amend": ("修改会议安排", "the amendment of the plan"),
    "amend.needs_toml": (
        "{path}：修改会议安排需要会议文件（.toml），而不是数据库",
        "{path}: amending needs the session file (.toml), not the database",
    ),
    "amend.expected_below_attendance": (
        "“{group}”应到 {expected} 人，少于已登记的实到与请假共 {came} 人；请先在设置中改正出席情况",
        "'{group}' would expect {expected}, fewer than the {came} already recorded as present or excused; correct the attendance in the settings first",
    ),
    "amend.none": (
        "会议文件与数据库中的会议安排一致，无需修改",
        "the session file matches the meeting's plan: nothing to amend",
    ),
    "amend.applied": (
        "已修改会议安排（{count} 项），可在会议中按 ctrl+z 撤销：",
        "Amended the meeting's plan ({count} change(s)); ctrl+z in the meeting undoes it:",
    ),
    "amend.refused": (
        "以下修改不能进行，数据库未作任何改动：",
        "These changes cannot be made; the database was not changed:",
    ),
}

STRINGS |= {
    "cli.template.help": (
        "写出空白的会议工作簿（Excel），填好后用 new 生成会议文件",
        "Write the empty session workbook (Excel); fill it in, then run new",
    ),
    "cli.new.help": (
        "由填好的会议工作簿生成会议文件（.toml）",
        "Make a session file (.toml) from a filled session workbook",
    ),
    "cli.print.help": (
        "生成会前打印的文档（Word）：测评表、会议议程、主持词、签到表",
        "Documents to print before the meeting (Word): forms, agenda, chair's script, sign-in sheets",
    ),
    "cli.amend.help": (
        "把会议文件的修改（发放份数、人员、单位等）应用到已开始的会议",
        "Apply the session file's changes (forms issued, people, units...) to the started meeting",
    ),
    "cli.opt.force": ("覆盖已有的文件", "replace an existing file"),
    "cli.opt.book_out": ("要写出的工作簿", "the workbook to write"),
    "cli.opt.book": ("填好的会议工作簿", "the filled session workbook"),
    "cli.opt.print_kind": ("要生成的文档", "which document"),
}
