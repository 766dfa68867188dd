"""Invalid forms (废票, SPEC 6) in words: each rule's reason, the counts per rule in every results
view, the ballot screen's question before saving such a form, the import's report."""

STRINGS: dict[str, tuple[str, str]] = {
    # A reason as a short label (lists of codes, counts per rule)
    "rules.reason.blank": ("未作任何计分的评价", "nothing scored"),
    "rules.reason.all_same": ("所有单位同一等次", "every unit the same grade"),
    "rules.reason.min_marked": ("评价的单位过少", "too few units marked"),
    "rules.reason.quota": ("“{grade}”超过规定比例", "too many '{grade}'"),
    # A reason as a sentence, with the rule's figures (ballot screen, import)
    "rules.why.blank": (
        "没有任何计分的评价（所有单位都空白或不计分）",
        "nothing on it scores (every unit blank or marked with a grade that scores nothing)",
    ),
    "rules.why.all_same": (
        "所有单位都评为同一等次（规则：所有单位同一等次的测评表无效）",
        "every unit has the same grade (rule: a form giving every unit the same grade is invalid)",
    ),
    "rules.why.min_marked": (
        "只评价了 {scored} 个单位，至少应评价 {need} 个（共 {units} 个单位）",
        "only {scored} unit(s) marked; at least {need} of the {units} must be",
    ),
    "rules.why.quota": (
        "评为“{grade}”的有 {cells} 个，占 {part}，超过规定的 {share}",
        "{cells} cell(s) of '{grade}' make {part} of its grades, more than the {share} allowed",
    ),
    # Counts per rule: the results screen, `results` and the documents
    "rules.count_part": ("{reason} {count} 张", "{count} × {reason}"),
    "rules.codes_part": ("{reason} {count} 张（{codes}）", "{count} × {reason} ({codes})"),
    "rules.invalid_by_rule": ("无效测评表：{parts}", "Invalid ballots: {parts}"),
    "rules.part_sep": ("；", "; "),
    "rules.doc_part": ("{reason} {count} 份（编号 {codes}）", "{reason}, {count} (ids {codes})"),
    "rules.doc_invalid": ("无效测评表中，{parts}。", "Invalid ballots: {parts}."),
    # The ballot screen, before saving
    "rules.confirm.invalid": ("这张测评表将是无效票", "This ballot will be invalid"),
    "rules.confirm.blank_units": ("这张测评表有单位空白", "This ballot leaves units blank"),
    "rules.confirm.why": ("无效原因：{why}", "Why: {why}"),
    "rules.confirm.blanks": (
        "{count} 个单位未填（共 {units} 个）",
        "{count} of the {units} units left blank",
    ),
    "rules.confirm.counts": (
        "无效票照样保存、计入收回份数，但不计入任何得分。",
        "An invalid ballot is saved and counted as returned, but takes no part in any score.",
    ),
    "rules.confirm.check": (
        "请核对纸质测评表：与纸面一致就保存。",
        "Check the paper form: save it if it reads the same.",
    ),
    "rules.not_saved": (
        "未保存：核对后再按 Ctrl+S",
        "Not saved: check the form, then ctrl+s again",
    ),
    # ballots import
    "rules.import_invalid": (
        "其中 {count} 张按测评规则为无效票（已导入，不计入得分）：",
        "{count} of them are invalid under the rules (imported, counted in no score):",
    ),
    "rules.import_line": ("  {reason} {count} 张：{codes}", "  {count} × {reason}: {codes}"),
}
