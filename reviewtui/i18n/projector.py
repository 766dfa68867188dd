"""Strings of the projector: key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "projector.app_title": ("reviewtui 投影屏幕", "reviewtui projector"),
    "projector.waiting": ("等待会议开始", "Waiting for the meeting to start"),
    "projector.waiting_hint": (
        "会议数据库 {db} 还没有建立；在记录电脑上运行 reviewtui run 后，这里会自动显示。",
        "The meeting database {db} does not exist yet; this screen follows as soon as "
        "reviewtui run creates it.",
    ),
    "projector.unreadable": (
        "暂时无法读取会议数据库（{reason}），正在重试……",
        "Cannot read the meeting database yet ({reason}); retrying…",
    ),
    "projector.reconnecting": ("⟳ 重新连接中", "⟳ reconnecting"),
    "projector.not_started": ("会议即将开始", "The meeting will begin shortly"),
    "projector.planned_start": ("计划 {time} 开始", "Planned start {time}"),
    "projector.first": ("第一项：{item}", "First: {item}"),
    "projector.next": ("下一项：{item}", "Next: {item}"),
    "projector.next_heading": ("下一项", "Next"),
    "projector.no_next": ("本项结束", "This item is over"),
    "projector.remaining": ("剩余时间", "Time left"),
    "projector.warn": ("即将到时", "Time is nearly up"),
    "projector.paused": ("暂停", "PAUSED"),
    "projector.elapsed": ("已用时", "Elapsed"),
    "projector.ready": ("即将开始", "About to begin"),
    "projector.segment_done": ("{phase}结束，用时 {time}", "{phase} ended after {time}"),
    "projector.segment_over": ("（超时 {time}）", " ({time} over)"),
    "projector.assessment": ("正在填写测评表", "Assessment forms are being filled in"),
    "projector.assessment_hint": (
        "请对每个单位逐项评价，填好后交工作人员",
        "Please grade every unit and hand the form to the staff",
    ),
    "projector.written": ("书面述职", "Written report"),
    "projector.closed": ("会议结束", "The meeting has ended"),
    "projector.thanks": ("谢谢大家", "Thank you"),
    "projector.duration": ("会议用时 {time}", "The meeting took {time}"),
}
