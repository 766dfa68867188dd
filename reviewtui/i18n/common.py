"""Strings of the common: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # The keys every screen names the same way (the key bar, the dialogs' buttons).
    "key.back": ("返回", "Back"),
    "key.save": ("保存", "Save"),
    "key.close": ("关闭", "Close"),
    "key.undo": ("撤销", "Undo"),
    "key.delete": ("删除", "Delete"),
    "key.cancel": ("取消", "Cancel"),
    "lang.bad": (
        "不支持的语言“{lang}”：只能是 zh 或 en",
        "unsupported language '{lang}': use zh or en",
    ),
    # The segment kinds (SPEC section 8): one name each, for the live screen, its keys and
    # dialogs, the projector and every export.
    "kind.report": ("述职", "Report"),
    "kind.question": ("提问", "Question"),
    "kind.answer": ("回答", "Answer"),
    "kind.comment": ("点评", "Comment"),
    "kind.speech": ("讲话", "Speech"),
    "file.missing": ("{path}：文件不存在", "{path}: no such file"),
    "file.unreadable": ("{path}：无法读取（{reason}）", "{path}: cannot be read ({reason})"),
    "file.not_utf8": (
        "{path}：文件不是 UTF-8 编码（第 {line} 行附近），请另存为 UTF-8 后再试",
        "{path}: the file is not UTF-8 (near line {line}); save it as UTF-8 and try again",
    ),
    "file.empty": ("{path}：文件是空的", "{path}: the file is empty"),
    "file.bad_suffix": (
        "{path}：需要 .toml 会议文件或 .db 会议数据库",
        "{path}: expected a .toml session file or a .db meeting database",
    ),
}
