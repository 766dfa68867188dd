"""Strings of `ballots scan` and the review of held forms: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "cli.ballots_scan.help": (
        "读取扫描或拍照的纸质测评表（PDF、JPEG、PNG），清楚的存为选票，有疑问的留待复核",
        "Read scanned or photographed paper forms (PDF, JPEG, PNG): clear ones are saved as "
        "ballots, doubtful ones held for review",
    ),
    "cli.opt.scan_files": ("扫描件或照片（可多个）", "scans or photos (one or more)"),
    "scan.bad_kind": (
        "{path}：只能读取 PDF、JPEG 或 PNG 文件",
        "{path}: only PDF, JPEG or PNG files can be read",
    ),
    "scan.unreadable": ("{path}：文件无法读取或已损坏", "{path}: the file cannot be read"),
    "scan.unreadable_why": (
        "{path}：文件无法读取或已损坏（{reason}）",
        "{path}: the file cannot be read ({reason})",
    ),
    "scan.no_pages": ("没有可读的页面", "no pages to read"),
    "scan.reading": ("正在读取测评表", "Reading forms"),
    "scan.summary": (
        "第 {entry} 遍：读取 {pages} 页：存入 {saved} 张，待复核 {held} 张，重复 {duplicate} 张，"
        "冲突 {conflict} 张，非本次会议测评表 {foreign} 页",
        "entry {entry}: {pages} pages read: {saved} saved, {held} held for review, {duplicate} "
        "already entered, {conflict} conflicts, {foreign} not forms of this meeting",
    ),
    "scan.where": ("{file} 第 {page} 页：", "{file} page {page}: "),
    "scan.foreign.corners": (
        "没有找到测评表四角的定位方块，不是本次打印的测评表，已跳过",
        "no corner squares found: not a printed form, skipped",
    ),
    "scan.foreign.code": (
        "读不出测评表编号的二维码，已跳过",
        "the serial's code cannot be read, skipped",
    ),
    "scan.foreign.meeting": (
        "是其他会议的测评表，已跳过",
        "a form of another meeting, skipped",
    ),
    "scan.foreign.serial": (
        "编号不是本次会议打印过的编号，已跳过",
        "its serial was never printed for this meeting, skipped",
    ),
    "scan.conflict": (
        "编号 {serial} 已录入，但标记不同（{cells}），未覆盖，请核对",
        "{serial} was entered before with other marks ({cells}): not overwritten, check it",
    ),
    "scan.held": (
        "编号 {serial} 有看不清的格子，留待复核",
        "{serial} has unclear cells: held for review",
    ),
    "scan.review_hint": (
        "在录入界面按 V 逐张复核留下的测评表",
        "press V at the ballot screen to review the held forms",
    ),
    "scan.key.review": ("复核扫描件", "Review scans"),
    "scan.key.up": ("上一格", "Up"),
    "scan.key.down": ("下一格", "Down"),
    "scan.key.open": ("用看图软件打开", "Open picture"),
    "scan.key.next": ("下一张", "Next"),
    "scan.key.previous": ("上一张", "Previous"),
    "scan.key.drop": ("作废不存", "Drop"),
    "scan.review_empty": ("没有待复核的测评表", "No forms held for review"),
    "scan.review_head": (
        "待复核 {n}/{count}：编号 {serial}（{group}），{file} 第 {page} 页",
        "Held {n}/{count}: {serial} ({group}), {file} page {page}",
    ),
    "scan.review_keys": (
        "看图后按数字键填写：{grades}  0=空白；上下键换格；ctrl+s 保存",
        "Look at the picture, then type: {grades}  0=blank; up/down move; ctrl+s saves",
    ),
    "scan.review_opinion": (
        "{unit}：写有意见，保存后在录入界面按 o 录入",
        "{unit}: an opinion is written; after saving, type it with o at the ballot screen",
    ),
    "scan.review_unfixed": ("还有格子没有确认：{cells}", "Cells still to fix: {cells}"),
    "scan.review_saved": ("已保存 {serial}", "Saved {serial}"),
    "scan.review_dropped": ("{serial} 已作废，不计入", "{serial} dropped, not counted"),
    "scan.review_opened": ("图片已打开：{path}", "Picture opened: {path}"),
    "scan.review_no_viewer": (
        "无法打开看图软件，图片在 {path}",
        "No image viewer: the picture is {path}",
    ),
    "ballot.action.scan": (
        "扫描读入的 {count} 张测评表（第 {entry} 遍）",
        "scanning {count} ballot(s) (entry {entry})",
    ),
    "scan.why.faint": ("痕迹太淡", "faint"),
    "scan.why.smudge": ("污迹", "smudge"),
    "scan.why.two": ("同一项勾了两个", "two marks"),
    "scan.why.between": ("勾在两格之间", "between boxes"),
    "scan.why.crossed": ("涂改", "crossed out"),
    "scan.why.number": ("手写分数", "a written number"),
    "scan.why.opinion": ("手写意见", "a written opinion"),
    "scan.why.grid": ("表格读不出", "grid not found"),
    # The ballot screen's scan (`S`, reviewtui/tui/ballot_scan.py)
    "ballot_scan.key.open": ("扫描读入", "Scan a file"),
    "ballot_scan.title": ("读取扫描或拍照的纸质测评表", "Read scanned or photographed paper forms"),
    "ballot_scan.offered": (
        "数据库所在文件夹中最新的扫描件（↑↓ 选择）：",
        "The newest scans beside the database (↑↓ to pick):",
    ),
    "ballot_scan.hint": (
        # no spaces: a terminal wraps at a space, which cut the line short after "JPEG 或"
        "PDF（复印机扫描）、JPEG、PNG（手机拍照）；相对路径从数据库所在文件夹算起。"
        "清楚的测评表直接存入，有疑问的留待按V键复核；按Ctrl+Z可整体撤销。",
        "PDF (a copier's scan), JPEG or PNG (a phone photo); a relative path is taken from the "
        "database's folder. Clear forms are saved, doubtful ones wait at V; ctrl+z undoes the "
        "whole file.",
    ),
    "ballot_scan.run": ("读取", "Read"),
    "ballot_scan.report_title": ("读取完成", "Scanned"),
    "ballot_scan.no_path": ("请输入要读取的文件路径", "Type the path of the file to read"),
    "ballot_scan.stopped": ("已停止读取，未存入任何内容", "Stopped: nothing was saved"),
    "ballot_scan.undo_confirm": (
        "撤销整个扫描：删除读入的 {count} 张测评表（第 {entry} 遍）及待复核的表？",
        "Undo the whole scan: remove the {count} scanned ballot(s) (entry {entry}) and the "
        "forms held for review?",
    ),
    "ballot_scan.undo_detail": (
        "读过的页面记录一并删除，可以重新读取",
        "The pages' records go too: the file can be read again",
    ),
}
