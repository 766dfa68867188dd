"""Strings of issue 26: amendments said in words (`amend`'s output, the minutes), and the
documents as filed."""

STRINGS: dict[str, tuple[str, str]] = {
    "amend.list.units": ("述职单位", "Reporting unit"),
    "amend.list.representatives": ("提问代表", "Representative"),
    "amend.list.leaders": ("出席领导", "Leader"),
    "amend.list.groups": ("测评人类别", "Rater group"),
    "amend.list.agenda": ("议程", "Agenda item"),
    "amend.list.assessment.scale": ("评价等次", "Grade"),
    "amend.list.assessment.items": ("测评项目", "Assessment item"),
    "amend.list.assessment.levels": ("综合评价等次", "Level"),
    "amend.said.added": ("增加{list}：{name}", "{list} added: {name}"),
    "amend.said.removed": ("删除{list}：{name}", "{list} removed: {name}"),
    "amend.said.renamed": ("“{old}”更名为“{new}”", "“{old}” renamed “{new}”"),
    "amend.said.field": (
        "{subject}{field}由 {old} 改为 {new}",
        "{subject}, {field}: {old} → {new}",
    ),
    "amend.said.setting": ("{field}由 {old} 改为 {new}", "{field}: {old} → {new}"),
    "amend.said.path": ("{what}：{old} → {new}", "{what}: {old} → {new}"),
    "amend.said.unset": ("未设定", "not set"),
    "amend.said.yes": ("是", "yes"),
    "amend.said.no": ("否", "no"),
    "amend.said.minutes": ("{n} 分钟", "{n} min"),
    "amend.said.seconds": ("{s} 秒", "{s} s"),
    "amend.said.minutes_seconds": ("{n} 分 {s} 秒", "{n} min {s} s"),
    "amend.mode.onsite": ("现场述职", "on site"),
    "amend.mode.written": ("书面述职", "written"),
    "minutes.field.report": ("述职限时", "report limit"),
    "minutes.field.points": ("分值", "points"),
    "minutes.field.min": ("最低分", "minimum"),
    "minutes.field.max": ("满分", "maximum"),
    "minutes.field.counted": ("计入得分", "counted"),
    "minutes.field.code": ("测评表编号前缀", "form serial prefix"),
    "amend.field.meeting.title": ("会议名称", "Meeting title"),
    "amend.field.meeting.date": ("会议日期", "Meeting date"),
    "amend.field.meeting.start": ("开始时间", "Start time"),
    "amend.field.meeting.venue": ("会议地点", "Venue"),
    "amend.field.meeting.chair": ("主持人", "Chair"),
    "amend.field.meeting.organizer": ("主办单位", "Organizer"),
    "amend.field.meeting.recorder": ("记录人", "Recorder"),
    "amend.field.meeting.headline": ("专栏标题", "Column headline"),
    "amend.field.timing.report": ("每个单位述职限时", "Report limit per unit"),
    "amend.field.timing.question": ("每个提问限时", "Limit per question"),
    "amend.field.timing.answer": ("每个回答限时", "Limit per answer"),
    "amend.field.timing.comment": ("每个点评限时", "Limit per comment"),
    "amend.field.timing.warn": ("提前提醒时间", "Warning before the limit"),
    "amend.field.timing.questions": ("每个单位提问个数", "Questions per unit"),
    "amend.field.assessment.trim": ("去掉最高分和最低分的个数", "Highest and lowest dropped"),
    "amend.field.assessment.onsite_weight": ("现场述职单位测评得分权重", "Weight of the rating"),
    "amend.field.assessment.opinions": ("测评表设意见栏", "Opinion column on the form"),
    "amend.field.assessment.quorum": ("有效测评的最低回收比例", "Quorum of forms returned"),
    # the xlsx 说明 sheet's export time (issue 26, 12)
    "export.about.moment": ("{date} {h}时{m}分（{zone}）", "{date}, {h}:{m} ({zone})"),
    # a --qr form's one sentence on the phone (issue 26, 12)
    "print.form_qr": (
        "也可不在本表划“√”，改用手机扫描上方二维码填写；用手机提交后，这份纸质表即作废。",
        "Instead of ticking, you may scan the QR code above and fill in the form on your phone; "
        "once it is submitted by phone, this paper form is void.",
    ),
    # notice and feedback problems (issue 26, 4)
    "notice.problem_by": (
        "{n}. {problem}（{units}；{sources}）",
        "{n}. {problem} ({units}; {sources})",
    ),
    "notice.problems_rest": (
        "其余 {n} 条见整改清单。",
        "The other {n} line(s): see the rectification list.",
    ),
    # the chair's script (issue 26, 8)
    "script.basis": (
        "根据（请填写通知名称及文号）要求，",
        "(Fill in the notice this meeting is held under.) ",
    ),
    "script.now": ("现在进行第{n}项议程：{what}。", "We now come to item {n}: {what}."),
    "script.chair_word": ("主持人", "Chair "),
    "script.chair_speech": ("下面，我{title}，时间 {time}。", "First, {title} ({time})."),
    # the raters' opinions, each once (issue 26, 10)
    "opinion.raised_by": ("（{n} 人提出）", " ({n} raters)"),
    "feedback.problems_in_opinions": (
        "整改清单未列出问题，请对照上述与会人员意见建议认真整改。",
        "The rectification list names no problem: please act on the raters' opinions above.",
    ),
}
