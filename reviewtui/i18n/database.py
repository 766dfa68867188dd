"""Strings of the database: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
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
}
