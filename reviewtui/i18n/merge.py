"""Strings of two laptops entering ballots at once: the entry-only copy, `ballots export`, and
the merge report of `ballots import`. key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # ballots import: the merge report
    "merge.blank": ("（空）", "(blank)"),
    "merge.group": ("类别", "group"),
    "merge.opinion": ("{unit} 的意见建议", "{unit}'s opinion"),
    "merge.diff": (
        "{what}：已录为 {entered}，文件中为 {file}",
        "{what}: entered {entered}, in the file {file}",
    ),
    "merge.at": ("{path}:{lines}：", "{path}:{lines}: "),
    "merge.conflict": (
        "测评表 {code} 在第 {entry} 遍录入中已经录过，但与文件不同：",
        "ballot {code} is already entered in entry round {entry} with other marks: ",
    ),
    "merge.refused": (
        "{path}：{count} 张测评表与已录入的不一致，整个文件没有导入，数据库未作任何改动"
        "（另有 {new} 张新表、{duplicates} 张相同的重复表）。请核对纸质测评表：改正录错的一方后"
        "再导入；或加 --skip-conflicts 只导入新表，不一致的保留已录入的版本",
        "{path}: {count} ballot(s) differ from the ones entered; nothing was imported and the "
        "database is unchanged ({new} new, {duplicates} identical duplicate(s) besides). Check "
        "the paper forms and correct whichever side is wrong, then import again; or pass "
        "--skip-conflicts to add only the new ballots, keeping the entered version of each "
        "conflicting one",
    ),
    "merge.duplicates": (
        "跳过 {count} 张重复表（第 {entry} 遍已录入，评价完全相同）：{codes}",
        "Skipped {count} duplicate(s), already entered in round {entry} with the same marks: "
        "{codes}",
    ),
    "merge.more": (" 等，另有 {count} 张", " and {count} more"),
    "merge.skipped": (
        "{count} 张不一致的测评表没有导入，保留已录入的版本（文件中的版本仍在文件里）：",
        "{count} conflicting ballot(s) not imported; the entered version is kept (the file's "
        "version stays in the file):",
    ),
    "merge.hint_other_round": (
        "提示：本文件没有本遍的新表；如果它是另一位录入员的录入结果，请加 --entry {entry} 导入",
        "hint: nothing in this file is new in this round; if it holds the other typist's "
        "entries, import it with --entry {entry}",
    ),
    # ballots export
    "merge.exported": (
        "已把第 {entry} 遍录入的 {count} 张测评表写入 {path}",
        "Wrote {count} ballot(s) of entry round {entry} to {path}",
    ),
    "merge.import_there": (
        "在主笔记本上导入：reviewtui ballots import 会议文件 {name} --entry {entry}",
        "On the first laptop: reviewtui ballots import MEETING {name} --entry {entry}",
    ),
    # run --entry-only
    "entry_only.badge": ("仅录入副本", "entry-only copy"),
    "entry_only.round": ("录第 {entry} 遍", "typing round {entry}"),
    "entry_only.footer": (
        "仅录入副本：这里只录测评表，不记录会议过程。录完按 x 写出测评表文件，"
        "在主笔记本上用 ballots import 导入。",
        "Entry-only copy: ballots only, nothing of the meeting is recorded here. When done, "
        "x writes the ballot file for `ballots import` on the first laptop.",
    ),
    "entry_only.no_back": (
        "仅录入副本没有议程界面：s 查看结果，ctrl+q 退出",
        "An entry-only copy has no agenda: s shows the results, ctrl+q quits",
    ),
    "entry_only.options": (
        "--entry 和 --entered-by 只能与 --entry-only 一起使用",
        "--entry and --entered-by go with --entry-only",
    ),
    "cli.opt.entry_only": (
        "仅录入副本：直接打开测评表录入，不提供会作会议记录的按键",
        "entry-only copy: open on ballot entry; no key that records the meeting",
    ),
    "cli.opt.entered_by": (
        "录入人（默认：用户名@本机名）",
        "who enters the ballots (default: user@this computer's name)",
    ),
    "cli.opt.skip_conflicts": (
        "与已录入不一致的测评表不导入（保留已录入的版本），其余照常导入",
        "leave out ballots that differ from the entered ones (keeping those), import the rest",
    ),
    "cli.ballots_export.help": (
        "把一遍录入的测评表写成 CSV，供另一台笔记本 ballots import",
        "Write one entry round's ballots as CSV, for `ballots import` on another laptop",
    ),
    "cli.opt.ballots_out": (
        "输出文件或文件夹（默认：数据库旁，文件名含遍次和本机名）",
        "output file or folder (default: beside the database, named with the round and laptop)",
    ),
    # The ballot screen's import (`I`, reviewtui/tui/ballot_import.py)
    "ballot_import.key.open": ("导入文件", "Import"),
    "ballot_import.key.skip": ("跳过冲突", "Skip conflicts"),
    "ballot_import.title": ("导入另一台电脑录入的测评表", "Import ballots typed on another laptop"),
    "ballot_import.file": ("文件", "File"),
    "ballot_import.offered": (
        "数据库旁最近导出的测评表文件（↑↓ 选择；路径不含文件夹的，即在数据库旁）：",
        "Exported beside the database, newest first (↑↓ picks; a bare file name is beside the "
        "database):",
    ),
    "ballot_import.entry": ("录入遍次", "Entry round"),
    "ballot_import.hint": (
        # no spaces: a terminal wraps at a space and left "enter" alone on a line
        "按Enter导入：新表加入，相同的重复表跳过；有与已录入不一致的，整个文件不导入。按Esc取消。",
        "enter imports: new ballots are added, identical duplicates skipped; if one differs "
        "from the one entered, nothing is imported. esc cancels",
    ),
    "ballot_import.skip": ("跳过冲突…", "Skip conflicts…"),
    "ballot_import.run": ("导入", "Import"),
    "ballot_import.no_path": ("请输入要导入的文件路径", "Type the path of the file to import"),
    "ballot_import.refused": (
        "{count} 张测评表与已录入的不一致，整个文件没有导入，数据库未作任何改动"
        "（另有 {new} 张新表、{duplicates} 张相同的重复表）。请核对纸质测评表：改正录错的一方后"
        "再导入；或按 ctrl+o 只导入新表，不一致的保留已录入的版本",
        "{count} ballot(s) differ from the ones entered; nothing was imported and the database "
        "is unchanged ({new} new, {duplicates} identical duplicate(s) besides). Check the paper "
        "forms and correct whichever side is wrong, then import again; or press ctrl+o to add "
        "only the new ballots, keeping the entered version of each conflicting one",
    ),
    "ballot_import.skip_confirm": (
        "跳过 {count} 张不一致的测评表，只导入 {new} 张新表？",
        "Skip the {count} conflicting ballot(s) and import the {new} new one(s)?",
    ),
    "ballot_import.skip_detail": (
        "不一致的测评表保留本机已录入的版本；文件中的版本不导入，仍留在文件里。",
        "Each conflicting ballot keeps the version entered here; the file's version is not "
        "imported (it stays in the file).",
    ),
    "ballot_import.report_title": ("导入完成", "Imported"),
    "ballot_import.report_close": ("enter/esc 关闭", "enter/esc to close"),
    "ballot_import.undo_confirm": (
        "撤销整个导入：删除导入的 {count} 张测评表（第 {entry} 遍）？",
        "Undo the whole import: remove the {count} imported ballot(s) (entry {entry})?",
    ),
    "ballot_import.undo_detail": ("文件：{source}", "File: {source}"),
    "ballot.action.import": (
        "导入 {source} 中的 {count} 张测评表（第 {entry} 遍）",
        "importing {count} ballot(s) from {source} (entry {entry})",
    ),
}
