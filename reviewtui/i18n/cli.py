"""Strings of the command line: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # Typer's and click's own words (reviewtui/cli_help.py)
    "cli.words.usage": ("用法：", "Usage: "),
    "cli.words.arguments": ("参数：", "Arguments:"),
    "cli.words.options": ("选项：", "Options:"),
    "cli.words.commands": ("命令：", "Commands:"),
    "cli.words.required": ("必填", "required"),
    "cli.words.default": ("默认：{default}", "default: {default}"),
    "cli.words.dynamic": ("（运行时确定）", "(dynamic)"),
    "cli.words.missing_command": ("缺少命令", "Missing command."),
    "cli.words.no_such_command": ("没有命令 {name!r}", "No such command {name!r}."),
    "cli.words.env_var": ("环境变量：{var}", "env var: {var}"),
    "cli.words.try_help": ("查看帮助：{command} {option}", "Try '{command} {option}' for help."),
    "cli.words.error": ("错误：{message}", "Error: {message}"),
    "cli.words.did_you_mean": ("{message}，是否应为 {names}？", "{message}. Did you mean {names}?"),
    # click's messages for a mistyped command line (reviewtui/cli_help.py): English word for word
    "cli.click.missing_argument": ("缺少参数 {name}", "Missing argument {name}."),
    "cli.click.missing_option": ("缺少选项 {name}", "Missing option {name}."),
    "cli.click.no_such_option": ("没有选项 {name}", "No such option: {name}"),
    "cli.click.no_such_option_of": (
        "没有选项 {name}（可用的选项：{names}）",
        "No such option: {name} (Possible options: {names})",
    ),
    "cli.click.extra_arguments": (
        "多余的参数（{args}）",
        "Got unexpected extra argument(s) ({args})",
    ),
    "cli.click.needs_value": ("选项 {name} 后面要跟一个值", "Option {name} requires an argument."),
    "cli.click.out_of_range": (
        "{name} 的值 {value} 不在范围 {range} 内",
        "Invalid value for {name}: {value} is not in the range {range}.",
    ),
    "cli.click.not_integer": (
        "{name} 的值 {value} 不是整数",
        "Invalid value for {name}: {value} is not a valid int range.",
    ),
    "cli.words.help_option": ("显示本帮助并退出", "Show this message and exit."),
    "cli.help": (
        "reviewtui：述职评议考核会的现场记录、计时、测评统计与导出。",
        "reviewtui: run a review-and-assessment meeting, time it, tally its ballots, export it.",
    ),
    "cli.run.help": ("现场记录会议（终端界面）", "Run the live meeting (terminal UI)"),
    "cli.demo.help": (
        "用内置示例会议在临时数据库中演示",
        "Run the bundled sample meeting in a fresh temporary database",
    ),
    "cli.check.help": ("检查会议文件并显示摘要", "Validate a session file and print a summary"),
    "cli.projector.help": (
        "投影屏幕：只读跟随现场计时",
        "The second-screen view: read-only, follows the live meeting",
    ),
    "cli.ballots.help": ("测评表录入与导入", "Ballot entry and import"),
    "cli.ballots_import.help": (
        "从 CSV 或 XLSX 导入测评表（全部成功或全部不导入）",
        "Add ballots from CSV or XLSX (all or nothing)",
    ),
    "cli.results.help": ("显示测评结果排名（或 --json）", "Show the ranking (or --json)"),
    "cli.export.help": ("导出会议记录和测评结果", "Export the minutes and the results"),
    "cli.opt.session": (
        "会议文件 .toml 或会议数据库 .db",
        "session file (.toml) or its database (.db)",
    ),
    "cli.opt.db": (
        "数据库路径（默认与 .toml 同名）",
        "database path (default: the .toml's name with .db)",
    ),
    "cli.opt.lang": ("界面语言 zh 或 en", "language: zh or en"),
    "cli.opt.version": ("显示版本号后退出", "show the version and exit"),
    "cli.opt.entry": ("双录入的第几遍（1 或 2）", "double-entry round (1 or 2)"),
    "cli.opt.json": ("输出 JSON", "print JSON"),
    "cli.opt.format": ("格式：{choices}", "format: {choices}"),
    "cli.opt.ballots_file": (
        "测评表文件：CSV（UTF-8）或 XLSX",
        "ballot file: CSV (UTF-8) or XLSX",
    ),
    "cli.opt.output": (
        "输出文件（- 表示标准输出；给出文件夹则以默认文件名写在其中）",
        "output file (- for standard output; a folder gets the file inside, under its default name)",
    ),
    "cli.bug": (
        "reviewtui 内部错误：{reason}。已保存的记录不受影响。请把这条信息告诉维护人员。",
        "reviewtui internal error: {reason}. Everything recorded is safe. Please report this message.",
    ),
    "cli.stdout_closed": (
        "标准输出已关闭，命令的输出无处可写；请不要关闭标准输出（>&-）再运行",
        "standard output is closed, so the command's output would be lost; run it with stdout open",
    ),
    "cli.output_failed": (
        "无法写出输出：{reason}。请检查输出去向（磁盘空间、文件或管道）。",
        "cannot write the output: {reason}. Check where the output goes (disk space, file, pipe).",
    ),
    "cli.demo_db": ("示例会议数据库：{db}", "Sample meeting database: {db}"),
    "cli.bad_format": (
        "不支持的格式“{fmt}”：只能是 {choices}",
        "unsupported format '{fmt}': use {choices}",
    ),
}
