"""Strings of the database: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "db.locked": (
        "{db}：会议正在另一个窗口记录中（进程 {pid}，{host}，{since} 开始）。"
        "同一会议只能有一个记录窗口；只读查看请用 projector、results 或 export。",
        "{db}: the meeting is being recorded by another process (pid {pid} on {host}, since "
        "{since}). Only one recorder may hold a meeting; use projector, results or export to "
        "read it.",
    ),
    "db.not_reviewtui": (
        "{db}：这是一个 SQLite 数据库，但不是 reviewtui 会议数据库（可能属于别的程序）。"
        "请给出 reviewtui 为会议创建的 .db 文件（通常在 .toml 会议文件旁边）。",
        "{db}: an SQLite database, but not a reviewtui meeting database (another program's, "
        "perhaps). Give the .db file reviewtui made for the meeting (usually beside its .toml "
        "session file).",
    ),
    "db.no_version": (
        "{db}：标记为 reviewtui 会议数据库，但没有结构版本（user_version = {found}），"
        "不是 reviewtui 完整创建的文件，或已被改动。请使用备份，或用 .toml 会议文件另建数据库。",
        "{db}: marked as a reviewtui meeting database but has no schema version "
        "(user_version = {found}): reviewtui did not finish making it, or it was altered. Use a "
        "backup copy, or make a new database from the .toml session file.",
    ),
    "db.is_folder": (
        "{db}：这是一个文件夹，不是会议数据库文件。请给出文件夹里的 .db 文件。",
        "{db}: this is a folder, not a meeting database file. Give the .db file inside it.",
    ),
    "db.not_regular": (
        "{db}：不是普通文件（管道、设备或套接字），不能作为会议数据库打开。请给出 .db 文件本身。",
        "{db}: not a regular file (a pipe, device or socket); it cannot be opened as a meeting "
        "database. Give the .db file itself.",
    ),
    "db.empty": (
        "{db}：文件是空的（0 字节），不是会议数据库，可能是复制中断留下的。"
        "请重新复制原文件，或删除它后用 .toml 会议文件重建。",
        "{db}: the file is empty (0 bytes), not a meeting database; perhaps a copy that was "
        "cut short. Copy the original again, or delete it and make it anew from the .toml "
        "session file.",
    ),
    "db.not_sqlite": (
        "{db}：不是 SQLite 数据库文件，更不是会议数据库。请检查文件名是否写对。",
        "{db}: not an SQLite database file, so not a meeting database. Check the file name.",
    ),
    "db.unreadable": ("{db}：无法读取（{reason}）", "{db}: cannot be read ({reason})"),
    "db.foreign_wal": (
        "{db}：旁边有一个不属于它的 {wal} 文件（别的副本或别的会议留下的）；"
        "打开会把其中的内容混入本会议。请把 {wal} 移走或删除，然后重试。",
        "{db}: beside it lies {wal}, which does not belong to it (left by another copy or "
        "another meeting); opening would mix its contents into this meeting. Move {wal} away or "
        "delete it, then try again.",
    ),
    "db.foreign_wal_moved": (
        "{db} 旁边有一个不属于它的 -wal 文件，已改名为 {wal} 放在一边，没有混入本会议。",
        "A -wal file beside {db} did not belong to it: it was renamed to {wal}, set aside, and "
        "nothing of it entered this meeting.",
    ),
    "db.incomplete": (
        "{db}：不是完整的会议数据库（缺少数据表：{tables}）",
        "{db}: not a complete meeting database (tables missing: {tables})",
    ),
    "db.foreign_journal_moved": (
        "{db} 旁边有一个不属于它的 -journal 文件（别的副本或别的会议中断时留下的），"
        "已改名为 {journal} 放在一边，没有回放进本会议。",
        "A -journal file beside {db} did not belong to it (left by another copy or another "
        "meeting, interrupted): it was renamed to {journal}, set aside, and nothing of it was "
        "played back into this meeting.",
    ),
    "db.foreign_journal": (
        "{db}：旁边的 {journal} 不属于它，打开会把别的会议的内容写进本会议；无法把它移开（{reason}）。"
        "请把 {journal} 移走，然后重试。",
        "{db}: {journal} beside it does not belong to it, and opening would write another "
        "meeting's pages into this one; it could not be moved away ({reason}). Move {journal} "
        "away, then try again.",
    ),
    "db.backup_failed": (
        "{db} 要升级到本版本的数据库结构，升级前先在旁边保存原文件的副本 {backup}，"
        "但无法写入（{reason}）。文件没有任何改动。请腾出磁盘空间，或把会议文件复制到可写的"
        "文件夹，再打开它；results 和 export 不写入，可以照常查看。",
        "{db} must be upgraded to this release's database format, after a copy of the file as "
        "it is is saved beside it as {backup}, but that copy could not be written ({reason}). "
        "Nothing was changed. Free some space, or copy the meeting to a folder you can write "
        "to, then open it again; results and export read it without writing.",
    ),
    "db.cannot_write": (
        "{db}：无法以写入方式打开（{reason}）。文件没有任何改动。要在其中记录，请把它复制到可写的"
        "文件夹；results 和 export 不写入，可以照常查看。",
        "{db}: cannot be opened for writing ({reason}). Nothing was changed. To record in it, "
        "copy it to a folder you can write to; results and export read it without writing.",
    ),
    "db.upgraded": (
        "{db} 已升级到本版本的数据库结构；升级前的原文件保存在 {backup}。",
        "{db} was upgraded to this release's database format; the file as it was is kept as "
        "{backup}.",
    ),
    "db.undo_refused": (
        "无法撤销“{action}”：之后的“{later}”又改动了同一条记录，撤销会抹掉它。什么也没有改动；"
        "如需更改，请直接改正记录。",
        "Cannot undo “{action}”: the later “{later}” changed the same record, and undoing would "
        "erase it. Nothing was changed; to change it, correct the record directly.",
    ),
    "db.undo_refused_gone": (
        "无法撤销“{action}”：它改动的记录之后又被改动了。什么也没有改动；请直接改正记录。",
        "Cannot undo “{action}”: what it changed was changed again later. Nothing was changed; "
        "correct the record directly.",
    ),
    "db.action.draft": ("输入文字", "typing"),
    "db.action.note": ("记录要点", "the notes"),
    "db.action.ballot.import": ("导入测评表", "the ballot import"),
    "db.advice_corrupt": (
        "文件已损坏或不是完整的数据库：请用备份副本（例如 .bak 文件或会议中复制的 .db），"
        "不要再向这个文件写入。",
        "The file is damaged or not a complete database: use a backup copy (a .bak file, or a "
        "copy of the .db taken during the meeting) and write nothing more to this one.",
    ),
    "db.advice_rollback": (
        "记录程序在写入途中停止了，留下了未完成的写入：请先用 reviewtui run 打开一次会议"
        "（它会撤回未完成的写入，已保存的记录不受影响），再查看。",
        "The recorder stopped in the middle of a write and left it unfinished: open the meeting "
        "once with reviewtui run (it takes the unfinished write back; everything recorded is "
        "safe), then read it.",
    ),
    "db.advice_busy": (
        "数据库正被另一个程序长时间占用：请关闭正在读取它的其他窗口或程序，然后重做刚才的操作。",
        "The database is held by another program for too long: close other windows or programs "
        "reading it, then repeat the last action.",
    ),
    "db.too_new": (
        "{db}：数据库版本 {found} 比本程序支持的 {supported} 新，请升级 reviewtui",
        "{db}: database version {found} is newer than this reviewtui supports ({supported}); "
        "upgrade reviewtui",
    ),
    "db.missing": (
        "{db}：会议数据库不存在。请先用 .toml 会议文件创建它（例如 reviewtui run 会议.toml）",
        "{db}: no such meeting database. Create it from the .toml session file first "
        "(e.g. reviewtui run meeting.toml)",
    ),
    "db.corrupt": (
        "{db}：数据库无法读取（{reason}）",
        "{db}: the database cannot be read ({reason})",
    ),
    "db.plan_changed": (
        "{toml} 在创建数据库 {db} 之后被修改过，以下内容不同：",
        "{toml} has changed since the database {db} was created from it; these differ:",
    ),
    "db.plan_changed_how": (
        "已记录的数据没有改动。可以：（1）把修改应用到这次会议：reviewtui amend {toml}"
        "（发放份数、人员、单位等；已有记录依赖的修改会被拒绝并说明原因）；（"
        "2）用数据库中保存的原计划继续：把 {db} 作为参数；（3）恢复会议文件的原内容；（"
        "4）用 --db 新路径.db 按新文件另建一个数据库。",
        "Nothing recorded was touched. To go on: (1) apply the changes to this meeting with "
        "reviewtui amend {toml} (forms issued, people, units...; a change that records depend "
        "on is refused with the reason); (2) keep the plan saved in the database by passing {db} "
        "instead; (3) restore the session file; or (4) start a new database from the changed "
        "file with --db NEW.db.",
    ),
    "db.diff_changed": ("  {key}：{old} → {new}", "  {key}: {old} → {new}"),
    "db.diff_added": ("  {key}：新增 {new}", "  {key}: added {new}"),
    "db.diff_removed": ("  {key}：删除 {old}", "  {key}: removed {old}"),
    "db.diff_more": ("  ……另有 {count} 处不同", "  … and {count} more differences"),
    "db.write_failed": (
        "写入数据库失败：{reason}。刚才的操作没有保存；已保存的记录不受影响。",
        "Could not write to the database: {reason}. The last action was not saved; everything "
        "recorded before it is safe.",
    ),
    "db.advice_full": (
        "磁盘已满：请删除不需要的文件腾出空间，然后重做刚才的操作。",
        "The disk is full: free some space, then repeat the last action.",
    ),
    "db.advice_readonly": (
        "数据库文件变成了只读：请恢复它的写权限（例如 chmod u+w），然后重做刚才的操作。",
        "The database file became read-only: make it writable again (e.g. chmod u+w), then "
        "repeat the last action.",
    ),
    "db.advice_io": (
        "请检查磁盘或 U 盘是否还连接着，然后重做刚才的操作。",
        "Check that the disk or USB stick is still there, then repeat the last action.",
    ),
    "pending.kept": (
        "刚才输入的文字没有丢：已暂存在内存中，一旦可以写入就自动保存（每秒重试）。",
        "What you typed is not lost: it is kept in memory and saved as soon as the database "
        "can be written again (retried every second).",
    ),
    "pending.saved": (
        "暂存的文字已全部写入数据库。",
        "The text kept in memory has all been written to the database.",
    ),
    "pending.waiting": (
        "仍有 {count} 段文字暂存在内存中，等待写入数据库：请腾出磁盘空间或恢复写权限。",
        "{count} typed text(s) still wait in memory for the database: free some space or make "
        "the file writable.",
    ),
    "pending.dropped": (
        "一段暂存的文字无法写入，已放弃：",
        "A text kept in memory could not be written and was given up:",
    ),
    "pending.quit": (
        "还有 {count} 段文字没能写入数据库，现在退出会丢失它们。请先腾出磁盘空间或恢复写权限；"
        "确要退出，5 秒内再按一次 ctrl+q。",
        "{count} typed text(s) are not yet written to the database and would be lost. Free "
        "some space or make the file writable first; to quit anyway, press ctrl+q again within "
        "5 seconds.",
    ),
    "db.restored": (
        "会议数据库文件被删除或替换，已把全部记录写回 {db}，继续记录。",
        "The meeting database file was removed or replaced; every record was written back to "
        "{db}, and recording goes on there.",
    ),
    "db.file_older": (
        "{toml} 没有包含会议中所作的 {count} 处修改（设置或 amend）；以数据库中的会议安排为准。",
        "{toml} lacks {count} change(s) made in the meeting (settings or amend); the meeting's "
        "plan in the database is used.",
    ),
}
