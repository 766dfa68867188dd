"""Tooltips of the keys in the key bar, shown when the mouse rests on a key (as posting's are).

One entry per binding id, `tip.<binding id>`, or per action where every screen's key for it says
the same (`tip.help`, `tip.undo`); tui/keys.py looks for the id first. The live screen's segment
keys share `tip.kind`, filled with the kind's name, so a new kind needs no entry here.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "tip.kind": ("开始「{kind}」环节", "Start a {kind} segment"),
    # by action, for every screen's key that runs it (a binding id's own entry comes first)
    "tip.help": ("查看本界面的按键说明", "Show the keys of this screen"),
    "tip.undo": ("撤销上一步操作", "Undo the last action"),
    "tip.back": ("返回上一屏", "Back to the previous screen"),
    "tip.results": ("查看测评结果与统计", "See the assessment results and the tally"),
    "tip.time_stats": ("查看各环节用时与超时统计", "See the time used and the overruns per phase"),
    # agenda
    "agenda.select": ("上下移动光标选择议程项", "Move the cursor up and down the agenda"),
    "agenda.open": ("打开所选议程项，进入计时界面", "Open the selected item on the live screen"),
    "agenda.ballots": (
        "录入测评表（两遍录入，逐张核对）",
        "Enter the assessment ballots (two entries each)",
    ),
    "agenda.export": (
        "导出会议记录、测评结果等文件",
        "Export the minutes, the results and other files",
    ),
    "agenda.settings": (
        "修改本次会议的计时与测评设置",
        "Change this meeting's timing and assessment settings",
    ),
    "app.quit": ("退出程序（所有记录均已保存）", "Quit (every record is already saved)"),
    "help.close": ("关闭帮助", "Close the help"),
    "offer.apply": (
        "把会议文件的修改应用到本次会议",
        "Apply the session file's changes to this meeting",
    ),
    "offer.quit": ("不应用修改，退出程序", "Leave the meeting as it is and quit"),
    # dialogs
    "dialog.yes": ("确定并继续", "Confirm and go on"),
    "dialog.no": ("取消，什么也不改", "Cancel, change nothing"),
    "dialog.save": ("保存所填内容", "Save what was typed"),
    "dialog.close": ("关闭对话框", "Close the dialog"),
    # live
    "live.pause": ("暂停或继续当前环节的计时", "Pause or resume the running segment's timer"),
    "live.end": ("结束当前环节", "End the running segment"),
    "live.next": ("打开下一个议程项", "Open the next agenda item"),
    "live.back": ("回到议程", "Back to the agenda"),
    "live.notes": ("在笔记中记录本项要点", "Write notes on this item"),
    "live.leave_notes": (
        "离开笔记，回到记录列表（笔记已保存）",
        "Leave the notes (they are saved)",
    ),
    "live.edit": ("修改所选的提问或评议", "Edit the selected question or comment"),
    "live.delete": (
        "删除所选的提问或评议（可撤销）",
        "Delete the selected question or comment (undoable)",
    ),
    # ballots
    "ballot.grade": (
        "按数字键为所选单位打等次",
        "Press a digit to give the selected unit its grade",
    ),
    "ballot.blank": ("按 0 记为空白", "Press 0 to leave the grade blank"),
    "ballot.retype1": ("重新录入第 1 遍", "Type entry 1 again"),
    "ballot.retype2": ("重新录入第 2 遍", "Type entry 2 again"),
    "ballot.later": ("稍后再处理这张表", "Deal with this ballot later"),
    "ballot.save": ("保存这张测评表", "Save this ballot"),
    "ballot.opinion": ("为所选单位写意见建议", "Write an opinion on the selected unit"),
    "ballot.group": ("切换测评类别", "Switch the assessment group"),
    "ballot.code": ("输入测评表编号", "Type the ballot's id"),
    "ballot.who": ("填写录入人姓名", "Type who enters the ballots"),
    "ballot.new": ("开始录入一张新表", "Start a new ballot"),
    "ballot.list": ("查看已保存的测评表", "Go to the saved ballots"),
    "ballot.delete": ("删除所选测评表（可撤销）", "Delete the selected ballot (undoable)"),
    "ballot.round": ("在第 1 遍与第 2 遍录入之间切换", "Switch between the first and second entry"),
    "ballot.export": ("把已录入的测评表导出为 CSV", "Export the entered ballots as CSV"),
    "ballot.import": ("从 CSV 或 Excel 文件导入测评表", "Import ballots from a CSV or Excel file"),
    "ballot.scan_review": ("复核扫描识别的测评表", "Review the ballots read from scans"),
    "ballot.scan": (
        "读入扫描仪或手机拍下的纸质测评表（PDF、JPEG、PNG）",
        "Read paper ballots from a scanner's PDF or a phone's photos",
    ),
    "ballot_scan.cancel": ("取消读取，什么也不改", "Cancel the reading, change nothing"),
    "ballot_scan.run": ("读取所选文件", "Read the chosen file"),
    "ballot_import.cancel": ("取消导入，什么也不改", "Cancel the import, change nothing"),
    "ballot_import.run": ("导入所选文件", "Import the chosen file"),
    "ballot_import.skip": (
        "跳过与已录入表冲突的行，导入其余各行",
        "Import all but the rows that conflict",
    ),
    "ballot_import.close": ("关闭导入报告", "Close the import report"),
    "scan.save": ("保存复核后的测评表", "Save the reviewed ballot"),
    "scan.open": ("用看图软件打开扫描件", "Open the scanned page in a picture viewer"),
    "scan.next": ("下一张待复核的扫描件", "The next page to review"),
    "scan.previous": ("上一张待复核的扫描件", "The previous page to review"),
    "scan.drop": ("作废这张扫描件，不保存", "Drop this page, save nothing"),
    "scan.back": ("返回测评录入", "Back to the ballots"),
    # results, reveal, export, settings, time, rectification
    "results.refresh": ("按最新录入重新统计", "Tally again with the latest ballots"),
    "results.export": ("导出测评结果等文件", "Export the results and other files"),
    "results.reveal": ("在投影屏上公布结果", "Reveal the results on the projector"),
    "results.hide": ("收起投影屏上公布的结果", "Take the results off the projector"),
    "results.undo": ("撤销最近一次公布", "Undo the last reveal"),
    "results.rectify": ("打开整改问题清单", "Open the list of points to rectify"),
    "reveal.cancel": ("取消，不公布", "Cancel, reveal nothing"),
    "reveal.confirm": ("确认公布所选结果", "Reveal the chosen results"),
    "export.close": ("关闭导出对话框", "Close the export dialog"),
    "export.run": ("导出所选文件", "Export the chosen files"),
    "settings.save": ("保存设置", "Save the settings"),
    "settings.back": ("返回（未保存的修改会先询问）", "Back (asks first about unsaved changes)"),
    "stats.reload": ("按最新记录重新统计用时", "Count the time again from the latest records"),
    "stats.phases": ("各议程项分环节的用时", "Time per item and phase"),
    "stats.kinds": ("各环节的超时次数", "How often each phase ran over"),
    "stats.speakers": ("超时的发言人", "The speakers who ran over"),
    "stats.schedule": ("会议进度与计划对比", "The meeting's progress against its plan"),
    "rectify.edit": ("修改所选整改问题", "Edit the selected point"),
    "rectify.merge": (
        "先标记一条，再在另一条上按此键，两条合并",
        "Mark a point, then press this on another to merge the two",
    ),
    "rectify.drop": ("删除所选问题（可撤销）", "Delete the selected point (undoable)"),
    "rectify.add": ("新增一条整改问题", "Add a point"),
    "rectify.up": ("把所选问题上移一行", "Move the selected point up"),
    "rectify.down": ("把所选问题下移一行", "Move the selected point down"),
    "rectify.all": ("在全部单位与本单位之间切换", "Switch between every unit and this unit"),
    "rectify.dialog.save": ("保存这条整改问题", "Save this point"),
    "rectify.dialog.close": ("关闭，不保存", "Close without saving"),
    "projector.quit": ("关闭投影屏", "Close the projector"),
}

# Keys are binding ids under "tip."; written above without the prefix to keep the table readable.
STRINGS = {key if key.startswith("tip.") else f"tip.{key}": texts for key, texts in STRINGS.items()}
