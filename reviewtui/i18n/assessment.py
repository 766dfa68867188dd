"""Strings of the assessment: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
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
    "ballot.plan_changed": (
        "会议方案刚刚修改过（单位或测评表有变），这张表没有保存；请按现在的方案重新填写",
        "the meeting's plan was just amended (units or the form changed): this ballot was not "
        "saved; fill it in again on the plan as it is now",
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
    "import.formula_uncomputed": (
        "单元格 {cell} 是公式，但文件中没有计算结果（用 Excel 打开并保存一次，或直接填写值）",
        "cell {cell} is a formula whose result the file does not hold (open and save the "
        "workbook in Excel once, or type the value itself)",
    ),
    "import.xlsx_too_big": (
        "{path}：工作簿解压后有 {size}（最多 {limit}），不像测评表文件，不予读取",
        "{path}: the workbook unpacks to {size} (at most {limit}); not a ballot file, not read",
    ),
    "ballot.code_too_long": (
        "测评表编号太长（{count} 个字符，最多 {limit} 个）",
        "the ballot id is too long ({count} characters; at most {limit})",
    ),
    "ballot.code_control": ("测评表编号含有控制字符", "the ballot id holds a control character"),
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
    "import.other_meeting": (
        "{path} 是从另一次会议（“{title}”）导出的测评表，不是本次会议（“{ours}”）的；没有导入。"
        "如确实要把它导入本次会议，请加 --other-meeting 再导入",
        "{path} was exported from another meeting ('{title}'), not this one ('{ours}'): nothing "
        "was imported. If it is meant for this meeting, import it again with --other-meeting",
    ),
    "cli.opt.other_meeting": (
        "导入从另一次会议导出的测评表（文件第一行写明了它的会议）",
        "Import a ballot file exported from another meeting (its first line names the meeting)",
    ),
    "import.unknown_column": (
        "未知的列“{value}”：逐项格式的列只有 {columns}；请删去这一列",
        "unknown column '{value}': the long form's columns are {columns} only; remove it",
    ),
    "import.unit_column_twice": ("单位“{value}”有两列", "the unit '{value}' has two columns"),
    "import.bad_header": (
        "无法识别的表头“{found}”：应为 ballot,group,unit,item,value（可加 opinion 列），或 ballot,group "
        "后接各单位名称",
        "unrecognized header '{found}': expected ballot,group,unit,item,value[,opinion] or ballot,group "
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
    # The result columns: one name each, the same on screen, in `results` and in every export.
    "results.col.rank": ("名次", "Rank"),
    "results.col.unit": ("单位", "Unit"),
    "results.col.final": ("综合得分", "Final"),
    "results.col.composite": ("现场测评", "On-site"),
    "results.col.daily": ("日常考核", "Daily"),
    "results.col.level": ("等次", "Level"),
    "results.col.votes": ("票数", "Votes"),
    "results.col.good_rate": ("好评率", "Good rate"),
    "results.col.good_or_fair_rate": ("好和较好率", "Good+fair rate"),
    "results.col.grade_count": ("“{grade}”票数", "'{grade}' marks"),
    "results.col.group": ("测评人类别", "Group"),
    "results.col.weight": ("权重", "Weight"),
    "results.col.score": ("类别得分", "Score"),
    "results.col.trimmed": ("去掉最高/最低", "Trimmed"),
    "results.summary": (
        "录入测评表 {entered} 张：有效 {valid} 张，无效 {invalid} 张",
        "{entered} ballot(s) entered: {valid} valid, {invalid} invalid",
    ),
    "results.attendance_line": (
        "{group}：实到 {present} 人，发放 {issued} 份，收回 {returned} 份",
        "{group}: {present} present, {issued} forms issued, {returned} returned",
    ),
    "results.group_present": ("，实到 {present} 人", ", {present} present"),
    "results.group_line": (
        "：发放 {issued}，收回 {returned}，有效 {valid}",
        ": issued {issued}, returned {returned}, valid {valid}",
    ),
    "results.over_issued": ("收回多于发放！", "MORE RETURNED THAN ISSUED"),
    # Quorum (SPEC section 6): shown by every results view, screen, CLI and documents alike.
    "results.provisional": (
        "结果为初步结果：收回 {returned} 份，不足应到 {expected} 人的 {share}",
        "Provisional: {returned} forms returned, fewer than {share} of the {expected} expected",
    ),
    "results.group_short": (
        "{group}仅收回 {returned} 份，不足应到 {expected} 人的一半",
        "{group} only {returned} of {expected} forms returned",
    ),
    "results.provisional_tag": ("初步结果", "PROVISIONAL"),
    "results.unconfirmed": (
        "两遍录入不一致或只录了一遍、未计入统计的测评表：{codes}",
        "Not counted (the two entries disagree, or only one was made): {codes}",
    ),
    "results.vetoed_note": (
        "* “{grades}”票数占比达到 {share}，不能评为最高等次，调为第二等次",
        "* '{grades}' marks reached {share}: the unit cannot get the best level and gets the "
        "second",
    ),
    "results.detail": ("{unit}：各类别得分", "{unit}: by rater group"),
    "results.grades": ("等次分布", "Grades"),
    "results.no_ballots": (
        "还没有录入测评表：在议程页按 b 录入，或用 reviewtui ballots import 导入",
        "No ballots yet: press b on the agenda to enter them, or use reviewtui ballots import",
    ),
    "results.key.refresh": ("刷新", "Refresh"),
    # the ballot screen
    "ballot.title": ("测评表录入", "Ballot entry"),
    "ballot.round": ("第 {entry} 遍录入", "Entry round {entry}"),
    "ballot.field.code": ("编号", "Ballot"),
    "ballot.field.group": ("类别", "Group"),
    "ballot.field.entered_by": ("录入人", "Entered by"),
    "ballot.written": ("（书面）", " (written)"),
    "ballot.saved_list": ("已保存（第 {entry} 遍）", "Saved (entry {entry})"),
    "ballot.col.filled": ("已填", "Filled"),
    "ballot.col.check": ("核对", "Check"),
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
    "ballot.unsaved": (
        "这张测评表还没有保存：再按一次 Esc 放弃并返回，按 Ctrl+S 保存",
        "This ballot is not saved: press escape again to discard it, or ctrl+s to save",
    ),
    "ballot.unsaved_new": (
        "这张测评表还没有保存：再按一次 n 放弃它并开始新表，按 Ctrl+S 保存",
        "This ballot is not saved: press n again to discard it and start a new one, or ctrl+s "
        "to save",
    ),
    "ballot.unsaved_round": (
        "这张测评表还没有保存：再按一次 e 放弃它并换录入遍次，按 Ctrl+S 保存",
        "This ballot is not saved: press e again to discard it and change the entry round, or "
        "ctrl+s to save",
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
    "ballot.key.group": ("换类别", "Group"),
    "ballot.key.code": ("编号", "Ballot id"),
    "ballot.key.who": ("录入人", "Entered by"),
    "ballot.key.new": ("新表", "New"),
    "ballot.key.list": ("已保存", "Saved"),
    "ballot.key.round": ("换遍次", "Round"),
    "ballot.key.export": ("导出 CSV", "Export CSV"),
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
    "ballot.serial_unprinted": (
        "编号 {serial} 的测评表没有印过（“{group}”印的是 {first}–{last}，{when} 打印）",
        "serial {serial} was never printed (the forms of '{group}' printed run {first}–{last}, printed {when})",
    ),
    "ballot.serial_group": (
        "编号 {serial} 是“{group}”的测评表（{when} 打印），不是“{given}”的",
        "serial {serial} is a form of '{group}' (printed {when}), not of '{given}'",
    ),
}
