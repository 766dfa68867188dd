"""Strings of charts and of last year beside this year (`[meeting] previous`, unit aliases)."""

STRINGS: dict[str, tuple[str, str]] = {
    "plan.alias_is_unit": (
        "“{name}”是本次会议另一个单位的名称（{first}），不能作曾用名",
        '"{name}" is the name of another unit of this meeting ({first}): not an alias',
    ),
    "plan.category_needed": (
        '[assessment] rank_by = "category"（分类排名）：每个单位都要写 category（类别）',
        '[assessment] rank_by = "category": every unit needs a category',
    ),
    "results.col.category": ("类别", "Category"),
    "results.col.category_rank": ("类别名次", "In category"),
    "results.category_head": ("{category}（{count} 个单位）", "{category} ({count} units)"),
    "feedback.category_rank": (
        "在“{category}”类 {count} 个单位中排名第 {rank} 位。",
        "Ranked {rank} of the {count} units of the category {category}.",
    ),
    "results.no_category": ("未分类", "No category"),
    "results.col.overall_rank": ("总名次", "Overall"),
    "cli.opt.check_code": (
        "核对打印的校验码：本数据库是否仍得出该校验码，否则列出此后的改动",
        "Check a printed check code: does this database still give it; if not, what changed",
    ),
    "check_code.bad": (
        "“{code}”不是校验码（应为 12 位十六进制数字，如 1A2B-3C4D-5E6F/57）",
        '"{code}" is not a check code (12 hexadecimal digits, e.g. 1A2B-3C4D-5E6F/57)',
    ),
    "check_code.same": (
        "校验码 {code} 一致：本数据库的测评表与测评结果与打印时相同。",
        "Check code {code} matches: the ballots and results are as printed.",
    ),
    "check_code.differs": (
        "校验码不一致：打印的是 {code}，本数据库现在得出 {now}。此后的改动：",
        "The check code differs: {code} was printed, this database now gives {now}. Since then:",
    ),
    "check_code.change.insert": (
        "  {at} 新增测评表 {ballots}（{action}，录入人 {by}）",
        "  {at} ballot(s) {ballots} added ({action}, entered by {by})",
    ),
    "check_code.change.update": (
        "  {at} 更正测评表 {ballots}（{action}，录入人 {by}）",
        "  {at} ballot(s) {ballots} corrected ({action}, entered by {by})",
    ),
    "check_code.change.delete": (
        "  {at} 删除测评表 {ballots}（{action}，录入人 {by}）",
        "  {at} ballot(s) {ballots} deleted ({action}, entered by {by})",
    ),
    "check_code.no_mark": (
        "  （校验码未带“/”后的日志序号，无法列出此后的改动）",
        "  (the code has no journal mark after '/': the changes since cannot be listed)",
    ),
    "check_code.no_changes": (
        "  （日志中此后没有测评表的改动：数据库可能不是打印时的那一份）",
        "  (no ballot changed since in the journal: this may not be the database printed from)",
    ),
    "check_code.line": (
        "校验码：{code}（覆盖全部有效和无效测评表的每一格评价及测评结果；"
        "核对：reviewtui results 数据库 --check {code}）",
        "Check code: {code} (covers every mark of every valid and invalid ballot, and the "
        "results; verify: reviewtui results DB --check {code})",
    ),
    "history.loop": (
        "[meeting] previous：{path} 已在往年会议链中（首尾相接），不再往前读",
        "[meeting] previous: {path} is already in the chain of earlier meetings (a loop); "
        "read no further",
    ),
    "history.unreadable": (
        "往年测评结果未能读取（{path}）：{reason}",
        "The results of an earlier meeting could not be read ({path}): {reason}",
    ),
    # last year beside this year
    "compare.title": ("与上年比较", "Compared with last year"),
    "compare.col.prev_rank": ("上年名次", "Last rank"),
    "compare.col.prev_final": ("上年得分", "Last final"),
    "compare.col.prev_level": ("上年等次", "Last level"),
    "compare.col.rank_change": ("名次变化", "Rank change"),
    "compare.col.score_change": ("得分变化", "Score change"),
    "compare.new": ("新增", "new"),
    "compare.rank_up": ("名次 ↑{n}", "rank ↑{n}"),
    "compare.rank_down": ("名次 ↓{n}", "rank ↓{n}"),
    "compare.rank_same": ("名次持平", "rank same"),
    "compare.score": ("得分 {delta}", "score {delta}"),
    "compare.line": (
        "上年：第 {rank} 名，{final} 分，{level}；{change}",
        "Last year: rank {rank}, {final}, {level}; {change}",
    ),
    "compare.line_new": ("上年：无（新增）", "Last year: none (new)"),
    "compare.withdrawn": ("上年参评、本年未参评：{units}", "Last year, not this year: {units}"),
    "compare.last_year": ("上年：{title}", "Last year: {title}"),
    "compare.feedback": (
        "上年你单位排名第 {rank} 位，综合得分 {final} 分，考核等次为“{level}”；与上年相比，{change}。",
        "Last year your unit ranked {rank}, scored {final}, level {level}; compared with last "
        "year: {change}.",
    ),
    "compare.feedback_new": (
        "你单位为本年新增参评单位，无上年结果。",
        "Your unit is new this year.",
    ),
    "compare.trend": ("历年测评情况", "Results over the years"),
    "compare.col.year": ("年份", "Year"),
    "compare.absent": ("未参评", "not assessed"),
    # charts
    "chart.sheet": ("图表", "charts"),
    "chart.scores": ("各单位综合得分", "Final score of each unit"),
    "chart.grades": ("各单位测评等次得票分布", "Grades given to each unit"),
    "chart.axis": ("条长自 {low} 分起，满 {high} 分", "Bars start at {low}, full at {high}"),
    "chart.axis_count": ("条长满格为 {high} 票", "A full bar is {high} marks"),
    "chart.axis_short": ("{low}–{high} 分", "{low}–{high}"),
    "chart.unit": ("本单位", "Your unit"),
    "chart.mean": ("参评单位平均", "Mean of all units"),
    "chart.best": ("参评单位最高", "Best of all units"),
    "chart.against": ("本单位与参评单位比较", "Your unit against the meeting"),
    "chart.distribution": ("各等次得票", "Marks of each grade"),
    "chart.grade": ("等次", "Grade"),
    "chart.votes": ("票数", "Marks"),
    "chart.part": ("占比", "Share"),
}
