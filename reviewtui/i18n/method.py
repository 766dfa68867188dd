"""计分办法 (issue 25): how a score was computed, written from the plan, and one unit worked
through figure by figure; printed on the results sheet, in the minutes' 测评情况 and the notice.

The words follow the ranking's column names: 现场测评得分 is the `composite`, 综合得分 the
`final` (results.col.*)."""

STRINGS: dict[str, tuple[str, str]] = {
    "method.title": ("计分办法", "How the scores were computed"),
    "method.example_title": ("计算示例", "Worked example"),
    "method.see_sheet": (
        "计分办法和计算示例见工作表“{sheet}”。",
        "How the scores were computed, with a worked example: sheet '{sheet}'.",
    ),
    # -- the rules, from the plan ------------------------------------------------------------
    "method.grade_points": ("{grade} {points} 分", "{grade} {points}"),
    "method.grades": ("评价等次及分值：{grades}。", "Grades and their points: {grades}."),
    "method.uncounted": (
        "评为{grades}的和未填写的不计分，不计入该单位的得分和好评率。",
        "{grades} and blank cells score nothing and count neither in the unit's score nor in "
        "its rates.",
    ),
    "method.blank": (
        "未填写的不计分，不计入该单位的得分和好评率。",
        "Blank cells score nothing and count neither in the unit's score nor in its rates.",
    ),
    "method.numeric": (
        "“{item}”填写 0 至 {max} 分，按“所填分数 ÷ {max} × 100”折算。",
        "'{item}' takes 0 to {max}, counted as (the figure ÷ {max}) × 100.",
    ),
    "method.double_entry": (
        "每张测评表录入两遍，两遍逐格一致的才计入。",
        "Each form is entered twice and counts only when both entries agree cell for cell.",
    ),
    "method.items_mean": (
        "一张测评表对一个单位的得分为各测评项目得分的平均分（未计分的项目不计入）。",
        "A form's score for a unit is the mean of its items' points (items without points left "
        "out).",
    ),
    "method.items_weighted": (
        "一张测评表对一个单位的得分为各测评项目得分的加权平均（权重：{weights}；未计分的项目不计入）。",
        "A form's score for a unit is the weighted mean of its items' points (weights: "
        "{weights}; items without points left out).",
    ),
    "method.named_weight": ("{name} {weight}", "{name} {weight}"),
    "method.one_group": (
        "现场测评得分为全部有效测评表对该单位得分的平均分。",
        "The on-site score is the mean of the valid forms' scores for the unit.",
    ),
    "method.group_mean": (
        "各类测评人的得分为该类有效测评表对该单位得分的平均分。",
        "A rater group's score is the mean of its valid forms' scores for the unit.",
    ),
    "method.trim": (
        "某类测评人对该单位的有效测评表不少于 {need} 张的，先去掉 {n} 个最高分和 {n} 个最低分再平均。",
        "Where a group has at least {need} valid forms for the unit, its {n} highest and {n} "
        "lowest scores are left out before the mean.",
    ),
    "method.trim_one": (
        "对该单位的有效测评表不少于 {need} 张的，先去掉 {n} 个最高分和 {n} 个最低分再平均。",
        "Where there are at least {need} valid forms for the unit, the {n} highest and {n} "
        "lowest scores are left out before the mean.",
    ),
    "method.groups": (
        "现场测评得分为各类测评人得分的加权平均，权重：{weights}；"
        "某类测评人对该单位没有计分评价的，按其余各类的权重折算。",
        "The on-site score is the weighted mean of the groups' scores, weights: {weights}; "
        "a group with no scored mark for the unit is left out and the others' weights are "
        "rescaled.",
    ),
    "method.blend": (
        "综合得分 = 现场测评得分 × {onsite} + 日常考核得分 × {daily}。",
        "Final = on-site score × {onsite} + daily score × {daily}.",
    ),
    "method.blend_missing": (
        "没有日常考核得分的单位，以现场测评得分为综合得分。",
        "A unit without a daily score has its on-site score as its final score.",
    ),
    "method.no_blend": ("综合得分即现场测评得分。", "The final score is the on-site score."),
    "method.rounding": (
        "计算过程不作舍入；各项得分四舍五入保留两位小数显示，"
        "等次和名次按保留两位小数后的综合得分确定，得分相同的名次并列。",
        "Nothing is rounded along the way; scores are shown rounded half up to 2 decimals, "
        "and levels and ranks follow the final score so rounded; equal scores share a rank.",
    ),
    "method.by_category": (
        "各单位在本类别内排名。",
        "Units are ranked within their category.",
    ),
    "method.level_top": ("{min} 分及以上为“{level}”", "{min} or more: '{level}'"),
    "method.level_mid": (
        "{min} 分及以上、不足 {upper} 分为“{level}”",
        "{min} to under {upper}: '{level}'",
    ),
    "method.level_bottom": ("不足 {upper} 分为“{level}”", "under {upper}: '{level}'"),
    "method.level_none": ("不足 {upper} 分的不评定等次", "under {upper}: no level"),
    "method.levels": ("考核等次：{levels}。", "Levels by final score: {levels}."),
    "method.veto": (
        "按得分评为“{best}”的单位，{grades}票数合计占其计分等次票数的比例达到 {share} 的，"
        "调为“{second}”。",
        "A unit whose score earns '{best}' gets '{second}' instead when its {grades} marks "
        "reach {share} of its marks with a scoring grade.",
    ),
    "method.rates": (
        "好评率为“{first}”票数占计分等次票数（不含不计分的等次和未填写的）的比例。",
        "The good rate is the share of '{first}' among the marks with a scoring grade (grades "
        "that score nothing and blanks left out).",
    ),
    "method.rates_two": (
        "好评率、好和较好率分别为“{first}”票数、“{first}”和“{second}”票数之和"
        "占计分等次票数（不含不计分的等次和未填写的）的比例。",
        "The good rate and the good+fair rate are the shares of '{first}', and of '{first}' "
        "and '{second}' together, among the marks with a scoring grade (grades that score "
        "nothing and blanks left out).",
    ),
    "method.invalid": (
        "无效测评表不计入任何得分：{rules}",
        "Invalid forms count in no score: {rules}",
    ),
    # -- the worked unit ---------------------------------------------------------------------
    "method.example_unit": (
        "以排名第一的{unit}为例：",
        "Taking {unit}, ranked first:",
    ),
    "method.ex_group": (
        "{group}有效测评表 {votes} 张，平均 {score} 分；",
        "{group}: {votes} valid form(s), mean {score};",
    ),
    "method.ex_group_trimmed": (
        "{group}有效测评表 {votes} 张，去掉 {n} 个最高分和 {n} 个最低分后，{kept} 张平均 {score} 分；",
        "{group}: {votes} valid form(s), the {n} highest and {n} lowest left out, mean of "
        "{kept}: {score};",
    ),
    "method.ex_group_untrimmed": (
        "{group}有效测评表 {votes} 张（不足 {need} 张，不去掉最高分和最低分），平均 {score} 分；",
        "{group}: {votes} valid form(s) (fewer than {need}: none left out), mean {score};",
    ),
    "method.ex_group_none": (
        "{group}没有计分的评价，不计入；",
        "{group}: no scored mark, left out;",
    ),
    "method.ex_group_hidden": (
        "{group}只收回 {returned} 份测评表（少于 {min} 份），为不暴露个人评价，不列该类别得分；",
        "{group} returned only {returned} forms (fewer than {min}): its score is not shown, so "
        "no one's marks can be read from it;",
    ),
    "method.hidden_score": ("{group}得分", "{group}'s score"),
    "method.ex_one_group": (
        "有效测评表 {votes} 张，平均 {score} 分，即现场测评得分；",
        "{votes} valid form(s), mean {score}: the on-site score;",
    ),
    "method.ex_one_group_trimmed": (
        "有效测评表 {votes} 张，去掉 {n} 个最高分和 {n} 个最低分后，{kept} 张平均 {score} 分，"
        "即现场测评得分；",
        "{votes} valid form(s), the {n} highest and {n} lowest left out, mean of {kept}: "
        "{score}, the on-site score;",
    ),
    "method.ex_one_group_untrimmed": (
        "有效测评表 {votes} 张（不足 {need} 张，不去掉最高分和最低分），平均 {score} 分，即现场测评得分；",
        "{votes} valid form(s) (fewer than {need}: none left out), mean {score}, the on-site "
        "score;",
    ),
    "method.ex_composite": ("现场测评得分 = {terms} = {score}；", "on-site = {terms} = {score};"),
    "method.ex_final": ("综合得分 = {terms} = {score}；", "final = {terms} = {score};"),
    "method.ex_final_same": (
        "综合得分即现场测评得分 {score}；",
        "final = on-site score = {score};",
    ),
    "method.ex_level": (
        "综合得分 {score} 分{where}，等次为“{level}”。",
        "Final {score} is {where}: '{level}'.",
    ),
    "method.ex_where_top": ("达到 {min} 分", "at least {min}"),
    "method.ex_where_mid": ("达到 {min} 分、不足 {upper} 分", "at least {min} and under {upper}"),
    "method.ex_where_bottom": ("不足 {upper} 分", "under {upper}"),
    "method.ex_no_level": (
        "综合得分 {score} 分不足 {upper} 分，不评定等次。",
        "Final {score} is under {upper}: no level.",
    ),
    "method.ex_veto_kept": (
        "综合得分 {score} 分达到“{best}”的 {min} 分；{grades}共 {marks} 票，占计分等次票 {total} 票的 "
        "{part}，未达到 {share}，等次为“{best}”。",
        "Final {score} reaches {min} for '{best}'; {grades}: {marks} of {total} marks with a scoring "
        "grade, {part}, under {share}: '{best}'.",
    ),
    "method.ex_veto_applied": (
        "综合得分 {score} 分达到“{best}”的 {min} 分；{grades}共 {marks} 票，占计分等次票 {total} 票的 "
        "{part}，达到 {share}，调为“{second}”。",
        "Final {score} reaches {min} for '{best}'; {grades}: {marks} of {total} marks with a scoring "
        "grade, {part}, at least {share}: '{second}'.",
    ),
}
