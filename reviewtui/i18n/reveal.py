"""Strings of 当场公布 (results revealed on the projector): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # the core's refusals
    "reveal.bad_scope": (
        "公布范围“{scope}”无效：应为 {scopes} 之一",
        "'{scope}' is not a scope to reveal: use one of {scopes}",
    ),
    "reveal.bad_category": (
        "类别“{category}”不是本次会议的单位类别：应为 {categories} 之一",
        "'{category}' is not a category of this meeting: use one of {categories}",
    ),
    "reveal.bad_top": (
        "前几名：请填写 1 到 9999 之间的整数（现为“{top}”）",
        "Top N: give a whole number from 1 to 9999 (not '{top}')",
    ),
    "reveal.bad_level": (
        "等次“{level}”不是本次测评的等次：应为 {levels} 之一",
        "'{level}' is not a level of this assessment: use one of {levels}",
    ),
    "reveal.no_valid": (
        "还没有有效测评表（已录入 {entered} 张），没有可公布的结果",
        "There is no valid ballot yet ({entered} entered): no results to reveal",
    ),
    "reveal.level_empty": (
        "没有单位的等次为“{level}”，没有可公布的内容",
        "No unit has the level '{level}': nothing to reveal",
    ),
    "reveal.nothing_ranked": ("还没有单位有得分，没有可公布的内容", "No unit has a score yet"),
    "reveal.role.counter": ("计票人", "Counter"),
    "reveal.role.supervisor": ("监票人", "Supervisor"),
    "reveal.name_missing": ("请填写{role}的姓名", "{role}: type the name"),
    "reveal.name_long": ("{role}的姓名太长（最多 {max} 个字）", "{role}: at most {max} characters"),
    # undo names the command
    "live.action.reveal": ("公布测评结果", "revealing the results"),
    "live.action.hide": ("收起公布的结果", "hiding the revealed results"),
    # the results screen
    "results.key.reveal": ("公布", "Reveal"),
    "results.key.hide": ("收起公布", "Hide"),
    "results.key.undo": ("撤销公布", "Undo reveal"),
    "results.revealed_tag": ("投影中", "ON PROJECTOR"),
    "reveal.hidden": ("已从投影屏幕收起公布的结果", "The results are off the projector"),
    "reveal.nothing_shown": ("投影屏幕上没有公布的结果", "No results are on the projector"),
    "reveal.nothing_to_undo": ("没有可撤销的公布", "No reveal to undo"),
    "reveal.done": (
        "已在投影屏幕公布 {count} 个单位（计票人 {counter}，监票人 {supervisor}）",
        "{count} units revealed on the projector (counter {counter}, supervisor {supervisor})",
    ),
    # the dialog
    "reveal.dialog.title": ("当场公布测评结果", "Reveal the results on the projector"),
    "reveal.dialog.scope": ("范围", "Show"),
    "reveal.scope.all": ("全部单位", "All units"),
    "reveal.scope.top": ("前几名", "The top N"),
    "reveal.scope.level": ("某一等次", "One level"),
    "reveal.dialog.top": ("前几名", "Top N"),
    "reveal.category.every": ("全部类别", "Every category"),
    "reveal.dialog.hint": (
        "enter 确认公布 · esc 取消 · 公布及确认人记入会议记录",
        "enter reveals · esc cancels · who confirmed goes in the minutes",
    ),
    "reveal.dialog.confirm": ("确认公布", "Reveal"),
    "reveal.summary": (
        "将公布 {count} 个单位：\n{units}",
        "Will show {count} units:\n{units}",
    ),
    "reveal.summary_ballots": (
        "有效票 {valid} 张（共录入 {entered} 张）",
        "{valid} valid ballots ({entered} entered)",
    ),
    "reveal.provisional_warning": (
        "注意：收回的测评表不足法定比例，这是初步结果，投影屏幕也会注明“初步结果”",
        "Note: too few forms are back for the quorum; these are PROVISIONAL results, and the "
        "projector will say so",
    ),
    # the projector
    "projector.reveal.category": ("{category} · ", "{category} · "),
    "projector.reveal.scope_top": ("前 {top} 名", "Top {top}"),
    "projector.reveal.scope_top_each": ("各类别前 {top} 名", "Top {top} of each category"),
    "projector.reveal.scope_level": ("等次：{level}", "Level: {level}"),
    "projector.reveal.provisional": (
        "初步结果（收回测评表不足法定比例）",
        "PROVISIONAL (quorum not met)",
    ),
    "projector.reveal.continued": ("{category}（续）", "{category} (continued)"),
    "projector.reveal.page": ("第 {page}/{pages} 页", "Page {page}/{pages}"),
    "projector.reveal.signed": (
        "计票人：{counter}　监票人：{supervisor}",
        "Counter: {counter}   Supervisor: {supervisor}",
    ),
    "projector.key.next_page": ("下一页", "Next page"),
    "projector.key.previous_page": ("上一页", "Previous page"),
    # the minutes
    "minutes.reveals": ("当场公布", "Results revealed"),
    "minutes.reveal": (
        "{at} 公布{scope}，计票人 {counter}、监票人 {supervisor} 确认",
        "{at} revealed {scope}, confirmed by counter {counter} and supervisor {supervisor}",
    ),
    "minutes.reveal_hidden": ("，{at} 收起", ", hidden at {at}"),
    "minutes.reveal_provisional": ("（初步结果）", " (provisional)"),
    "minutes.reveal_scope.all": ("全部单位", "all units"),
    "minutes.reveal_scope.top": ("前 {top} 名", "the top {top}"),
    "minutes.reveal_scope.top_each": ("各类别前 {top} 名", "the top {top} of each category"),
    "minutes.reveal_scope.level": ("等次为“{level}”的单位", "the units of level '{level}'"),
    "minutes.reveal_category": ("“{category}”类别", "category '{category}': "),
}
