"""Strings of the time statistics (documents and screen): key -> (Chinese, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "stats.title": ("用时统计", "Time statistics"),
    "stats.table.phases": ("分环节用时", "Time per item and phase"),
    "stats.table.kinds": ("各环节超时次数", "Overruns per phase"),
    "stats.table.speakers": ("超时发言人", "Speakers who ran over"),
    "stats.table.schedule": ("会议进度", "Schedule"),
    "stats.col.phase": ("环节", "Phase"),
    "stats.col.count": ("次数", "Times"),
    "stats.col.planned": ("计划用时", "Planned"),
    "stats.col.spoken": ("实际用时", "Spoken"),
    "stats.col.over": ("超出", "Over"),
    "stats.col.overtime": ("超时次数", "Overruns"),
    "stats.col.over_total": ("超时合计", "Total over"),
    "stats.col.speaker": ("发言人", "Speaker"),
    "stats.col.planned_start": ("计划开始", "Planned start"),
    "stats.col.started": ("实际开始", "Started"),
    "stats.col.planned_end": ("计划结束", "Planned end"),
    "stats.col.ended": ("实际结束", "Ended"),
    "stats.col.behind": ("晚于计划", "Behind plan"),
    "stats.col.ahead": ("早于计划", "Ahead of plan"),
    "stats.item_total": ("小计", "Subtotal"),
    "stats.summary.over": ("共超时 {n} 次：{kinds}", "overruns: {n} ({kinds})"),
    "stats.summary.kind": ("{kind} {n} 次", "{kind} {n}"),
    "stats.summary.none": ("无超时", "No overruns"),
    "stats.summary.join": ("；", "; "),
    "stats.summary.start_late": ("会议开始晚于计划 {time}", "started {time} late"),
    "stats.summary.start_early": ("会议开始早于计划 {time}", "started {time} early"),
    "stats.summary.end_late": ("会议整体超时 {time}", "the meeting ended {time} behind plan"),
    "stats.summary.end_early": ("会议提前 {time} 结束", "the meeting ended {time} ahead of plan"),
    "stats.summary.end_on_time": ("会议按计划结束", "the meeting ended on time"),
    "stats.summary.now_late": ("目前晚于计划 {time}", "now {time} behind plan"),
    "stats.summary.now_early": ("目前早于计划 {time}", "now {time} ahead of plan"),
    "stats.summary.now_on_time": ("目前与计划一致", "now on schedule"),
    "stats.summary.nothing": ("尚无计时记录。", "Nothing has been timed yet."),
    # the screen
    "stats.key.open": ("用时", "Time"),
    "stats.as_of": ("截至 {time}", "as of {time}"),
    # moving a record's start (the correction dialog)
    "dialog.start": ("开始时间", "Started at"),
    "dialog.start_hint": (
        "改开始时间：填时刻（如 14:35:02），或填调整量（-0:30 提前 30 秒，+0:10 推后 10 秒）",
        "To move the start: a time of day (14:35:02) or a shift (-0:30 earlier, +0:10 later)",
    ),
    "move.bad_value": (
        "开始时间“{value}”无法识别：请填时刻（如 14:35:02）或调整量（如 -0:30）。",
        "Started at “{value}” is not readable: give a time of day (14:35:02) or a shift (-0:30).",
    ),
    "move.too_far": (
        "开始时间 {value} 离原开始时间 {start} 超过 {most}：一次最多调整 1 小时。",
        "Started at {value} is more than {most} from the recorded start {start}: "
        "a start moves by an hour at most.",
    ),
    "move.after_end": (
        "开始时间 {value} 不能晚于 {latest}（本条记录的结束时间，扣除暂停）。",
        "Started at {value} must be before {latest} (this record's end, less its pauses).",
    ),
    "move.after_now": (
        "开始时间 {value} 不能晚于 {latest}（现在，扣除暂停）。",
        "Started at {value} must be before {latest} (now, less its pauses).",
    ),
    "move.before_previous": (
        "开始时间 {value} 不能早于 {earliest}（前一条记录的开始时间，扣除暂停）。",
        "Started at {value} must be after {earliest} (when the record before it started, "
        "plus its pauses).",
    ),
    "move.overlap": (
        "开始时间 {value} 不能早于 {earliest}（前一条记录的结束时间）。",
        "Started at {value} must not be before {earliest} (when the record before it ended).",
    ),
    "move.done_earlier": (
        "开始时间 {old} → {new}（提前 {shift}）",
        "Start moved {old} → {new} ({shift} earlier)",
    ),
    "move.done_later": (
        "开始时间 {old} → {new}（推后 {shift}）",
        "Start moved {old} → {new} ({shift} later)",
    ),
}
