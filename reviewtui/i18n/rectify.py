"""The rectification list (整改清单), last year's list, the feedback pages and the notice draft."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the export dialog's choices
    "export.fmt.rectify": ("Excel 整改清单（.xlsx）", "Excel rectification list (.xlsx)"),
    "export.fmt.feedback": ("Word 反馈意见（.docx）", "Word feedback per unit (.docx)"),
    "export.fmt.notice": ("Word 通报（草稿，.docx）", "Word notice draft (.docx)"),
    # core
    "rectify.bad_deadline": (
        "完成时限“{value}”不是日期：请写成 2017-06-30 或 2017年6月30日",
        'The deadline "{value}" is not a date: write it as 2017-06-30',
    ),
    "rectify.too_long": (
        "{field}太长（{count} 字，上限 {limit} 字），未保存",
        "{field} is too long ({count} characters, at most {limit}); not saved",
    ),
    "rectify.bad_status": ("状态“{value}”无效", 'The status "{value}" is not known'),
    "rectify.no_line": ("这条整改问题已不存在", "That problem line no longer exists"),
    "rectify.merge_same": ("不能把一条问题合并到它自己", "A line cannot be merged into itself"),
    "rectify.merge_units": (
        "只能合并同一单位的问题",
        "Only lines of the same unit can be merged",
    ),
    "rectify.merge_merged": (
        "这条问题已并入另一条，不能再合并",
        "That line is already merged into another",
    ),
    "rectify.joined": ("{first}；{second}", "{first}; {second}"),
    "rectify.empty_problem": ("问题内容不能为空", "The problem cannot be empty"),
    "rectify.unknown_unit": ("没有名为“{unit}”的单位", 'There is no unit "{unit}"'),
    "rectify.previous_is_this": (
        "[meeting] previous 指向本次会议自己的数据库 {path}，未读取去年整改问题",
        "[meeting] previous names this meeting's own database {path}: last year's list not read",
    ),
    "rectify.previous_missing": (
        "[meeting] previous：找不到去年的会议数据库 {path}，去年整改问题不显示",
        "[meeting] previous: last year's database {path} is not there; its list is not shown",
    ),
    "rectify.previous_not_file": (
        "[meeting] previous：{path} 不是会议数据库文件（是文件夹、设备或失效的链接），去年整改问题不显示",
        "[meeting] previous: {path} is not a database file (a folder, a device or a broken "
        "link); last year's list is not shown",
    ),
    "rectify.previous_unreadable": (
        "去年整改问题未能读取（[meeting] previous = {path}）：{reason}",
        "Last year's problem list could not be read ([meeting] previous = {path}): {reason}",
    ),
    "db.action.rectify.edit": ("修改整改问题", "editing a problem line"),
    "db.action.rectify.merge": ("合并整改问题", "merging problem lines"),
    "db.action.rectify.drop": ("删除整改问题", "dropping a problem line"),
    "db.action.rectify.add": ("新增整改问题", "adding a problem line"),
    "db.action.rectify.move": ("调整问题顺序", "moving a problem line"),
    # labels
    "rectify.source.question": ("现场提问", "question"),
    "rectify.source.comment": ("领导点评", "comment"),
    "rectify.source.secretary": ("会务补充", "added"),
    "rectify.status.open": ("未整改", "open"),
    "rectify.status.done": ("已整改", "done"),
    "rectify.status.dropped": ("不列入", "dropped"),
    "rectify.col.no": ("序号", "No."),
    "rectify.col.unit": ("单位", "Unit"),
    "rectify.col.problem": ("问题", "Problem"),
    "rectify.col.source": ("来源", "Source"),
    "rectify.col.measure": ("整改措施", "Measure"),
    "rectify.col.owner": ("责任人", "Owner"),
    "rectify.col.deadline": ("完成时限", "Deadline"),
    "rectify.col.status": ("状态", "Status"),
    "rectify.sheet": ("整改清单", "Rectification"),
    "rectify.book_title": ("{title}整改清单", "{title}: rectification list"),
    "rectify.book_note": (
        "说明：问题来自现场提问和领导点评；请各单位填写整改措施、责任人和完成时限。",
        "Problems come from the questions and comments; each unit fills in the measure, "
        "owner and deadline.",
    ),
    "rectify.said.question": ("{speaker}提问", "asked by {speaker}"),
    "rectify.said.comment": ("{speaker}点评", "comment of {speaker}"),
    "rectify.by_whom": ("{source}（{speaker}）", "{source} ({speaker})"),
    "rectify.previous": ("去年整改问题", "Last year's problems"),
    "rectify.previous_count": ("{title}（{count}）", "{title} ({count})"),
    "rectify.previous_more": ("……另有 {count} 条", "… {count} more"),
    "rectify.previous_line": ("{problem}（{status}）", "{problem} ({status})"),
    "rectify.minutes_previous": ("去年整改问题跟进", "Last year's problems to follow up"),
    # screen
    "rectify.title": ("整改清单", "Rectification list"),
    "rectify.title_unit": ("整改清单 · {unit}", "Rectification list · {unit}"),
    "rectify.count": (
        "{count} 条（未整改 {open}，已整改 {done}，不列入 {dropped}）",
        "{count} lines ({open} open, {done} done, {dropped} dropped)",
    ),
    "rectify.empty": (
        "还没有问题：现场提问和领导点评会自动列入，按 + 可自行添加",
        "No lines yet: questions and comments appear here; + adds one",
    ),
    "rectify.key.edit": ("编辑", "edit"),
    "rectify.key.merge": ("合并", "merge"),
    "rectify.key.drop": ("删除", "drop"),
    "rectify.key.add": ("新增", "add"),
    "rectify.key.up": ("上移", "up"),
    "rectify.key.down": ("下移", "down"),
    "rectify.key.all": ("全部/本单位", "all/unit"),
    "rectify.key.back": ("返回", "back"),
    "rectify.key.open": ("打开整改清单", "rectification list"),
    "rectify.marked": (
        "已选中：{problem}。再选一条按 m，前一条并入后一条",
        "Marked: {problem}. Select another line and press m to merge it in",
    ),
    "rectify.merged": ("已合并", "Merged"),
    "rectify.dropped": (
        "已删除（记录保留，编辑状态可恢复）",
        "Dropped (kept; edit its status to restore)",
    ),
    "rectify.nothing_to_undo": ("整改清单没有可撤销的操作", "Nothing to undo in the list"),
    "rectify.read_only": (
        "这里只能查看：整改清单在会议记录程序（run）中修改",
        "Read-only here: the list is changed in the recording program (run)",
    ),
    "rectify.pick_unit": ("新增问题前请先选一个单位的行", "Select a line of a unit first"),
    "rectify.dialog.edit": ("编辑整改问题", "Edit the problem line"),
    "rectify.dialog.add": ("新增整改问题 · {unit}", "Add a problem line · {unit}"),
    "rectify.dialog.hint": (
        "tab 换栏 · enter 保存 · esc 放弃 · 状态：space 或 ↑↓ 打开列表选择",
        "tab next field · enter save · esc discard · status: space or ↑↓ opens the list",
    ),
    "rectify.dialog.from": ("来源：{source}", "From: {source}"),
    # feedback (反馈意见)
    "feedback.title": ("述职评议考核反馈意见", "Feedback on the review"),
    "feedback.to": ("{unit}：", "To {unit}:"),
    "feedback.intro": (
        "{date}，区委召开{title}。现将你单位述职评议考核情况反馈如下。",
        "On {date} the district held the {title}. The results of your unit follow.",
    ),
    "feedback.results": ("一、测评结果", "1. Results"),
    "feedback.summary": (
        "你单位综合得分 {score} 分，在参评的 {total} 个单位中排名第 {rank} 位，考核等次为“{level}”，"
        "好评率 {rate}。各等次得票如下：",
        "Your unit scored {score}, ranked {rank} of {total} units; level: {level}; good rate "
        "{rate}. The marks it received:",
    ),
    "feedback.no_score": ("你单位暂无测评得分。", "Your unit has no score yet."),
    "feedback.comments": ("二、区领导点评意见", "2. The leaders' comments"),
    "feedback.no_comments": ("（本次会议未对你单位点评。）", "(No comment was made on your unit.)"),
    "feedback.comment": ("{leader}：{text}", "{leader}: {text}"),
    "feedback.problems": ("三、存在问题和整改要求", "3. Problems to rectify"),
    "feedback.no_problems": ("（未列出问题。）", "(No problems listed.)"),
    "feedback.ask": (
        "请针对上述问题制定整改措施，明确责任人和完成时限，于（请填写日期）前报送整改清单。",
        "Please set a measure, owner and deadline for each problem and return the list by "
        "(fill in the date).",
    ),
    "feedback.problem_line": ("{n}. {problem}（{source}）", "{n}. {problem} ({source})"),
    "feedback.date_placeholder": ("（请填写成文日期）", "(fill in the date)"),
    "feedback.doc_title": ("{title}反馈意见", "{title}: feedback"),
    # notice (通报)
    "notice.title": (
        "关于{title}情况的通报",
        "Notice on the {title}",
    ),
    "notice.to": (
        "各镇党委、街道党工委，区委各部委，区级国家机关各党组（党委），各人民团体党组：",
        "To every town and sub-district Party committee and every district system:",
    ),
    "notice.opening": (
        "{date}，区委召开{title}{venue}。{count}个单位党组织书记进行了述职{written}，"
        "与会代表现场提问，区领导逐一点评，并对各单位进行了测评。现将有关情况通报如下。",
        "On {date} the district held the {title}{venue}. {count} units reported{written}; "
        "representatives asked questions, the district leaders commented, and every unit was "
        "graded. The results follow.",
    ),
    "notice.venue": ("（{venue}）", " ({venue})"),
    "notice.written": ("，{count}个单位进行了书面述职", ", {count} more in writing"),
    "notice.s1": ("一、测评结果", "1. Results"),
    "notice.ballots": (
        "本次测评共发放测评表{issued}份，收回{returned}份，其中有效票{valid}份。",
        "{issued} forms were issued, {returned} returned, {valid} valid.",
    ),
    "notice.level_line": ("{level}等次（{count}个）：{units}。", "{level} ({count}): {units}."),
    "notice.category_level_line": (
        "{category}类：{level}等次（{count}个）：{units}。",
        "{category}, {level} ({count}): {units}.",
    ),
    "notice.no_results": ("（测评结果尚未统计。）", "(No results yet.)"),
    "notice.s2": ("二、评为“{level}”等次的单位", "2. Units rated {level}"),
    "notice.best": (
        "{units}被评为“{level}”等次，予以通报表扬。",
        "{units} were rated {level} and are commended.",
    ),
    "notice.no_best": ("（本次无单位评为“{level}”等次。）", "(No unit was rated {level}.)"),
    "notice.s3": ("三、存在的共性问题", "3. Common problems"),
    "notice.problem": ("{n}. {problem}（{units}）", "{n}. {problem} ({units})"),
    "notice.s4": ("四、工作要求", "4. Requirements"),
    "notice.requirements": (
        "（请填写工作要求：如针对述职评议中指出的问题，各单位要逐条制定整改措施，明确责任人和"
        "完成时限，于规定时间内报送整改清单。）",
        "(Fill in the requirements: e.g. each unit sets a measure, an owner and a deadline for "
        "every problem and returns its list in time.)",
    ),
    "notice.signature": ("（请填写发文机关）", "(fill in the issuing office)"),
    "notice.doc_title": ("{title}通报", "{title}: notice"),
}
