"""Wording shared by the exporters: labels, durations against plan, the ranking and
reconciliation tables as rows of text. Pure functions of the minutes model and the language;
every figure is formatted by `reviewtui.present`, every result column named by its glossary."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from reviewtui import present, segment_kinds
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import ItemRecord, Minutes
from reviewtui.minutes.model import AmendmentRecord, SegmentRecord
from reviewtui.plan import titles
from reviewtui.plan.changes import PlanChange, describe
from reviewtui.textsafe import for_document

ProgressFn = Callable[[int, int], None]
"""Told (done, total) as an export advances; the CLI and the TUI draw it."""

DASH = present.NONE

_ZH_DIGITS = "零一二三四五六七八九"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_T = TypeVar("_T")


def safe_text(minutes: _T) -> _T:
    """The minutes with every stored text as a document may hold it (`textsafe.for_document`):
    a control character an older database holds is shown, never written raw, so no export
    fails on it. Applied at render, to the whole model, so no field can be forgotten."""
    return _safe(minutes)  # type: ignore[no-any-return]


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return for_document(value)
    if isinstance(value, tuple):
        items = [_safe(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, list):
        return [_safe(v) for v in value]
    if isinstance(value, dict):
        return {_safe(k): _safe(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value  # numbers, datetimes, None


def tick(progress: ProgressFn | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def zh_number(n: int) -> str:
    """Chinese numerals for agenda headings (一, 十二, 二十三), up to 99."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return (_ZH_DIGITS[tens] if tens > 1 else "") + "十" + (_ZH_DIGITS[ones] if ones else "")


def ordinal(n: int) -> str:
    """The number before an agenda heading: "一、" in Chinese, "1. " in English."""
    return f"{zh_number(n)}、" if get_lang() == "zh" else f"{n}. "


def long_date(iso_date: str) -> str:
    try:
        day = datetime.strptime(iso_date, "%Y-%m-%d")
    except ValueError:
        return iso_date
    if get_lang() == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not %B: that follows the locale


def moment_in_words(moment: datetime) -> str:
    """ "2017年2月24日 14时35分（UTC+08:00）", "24 February 2017, 14:35 (UTC+08:00)": a moment
    as a reader says it, with the offset it is told in."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    day = long_date(moment.date().isoformat())
    return t("export.about.moment", date=day, h=moment.hour, m=f"{moment.minute:02d}", zone=zone)


def hms(moment: datetime | None) -> str:
    """Wall-clock time as recorded (in the meeting's own offset)."""
    return moment.strftime("%H:%M:%S") if moment else DASH


def duration(seconds: float | None) -> str:
    return present.duration(seconds)


def against_plan(seconds: float, planned: float | None) -> str:
    """ "5:01(计划 5:00,超时 0:01)" — the duration, its plan, and any overtime."""
    return _against(seconds, planned, "minutes.against")


def against_limit(seconds: float, limit: float | None) -> str:
    """ "6:12(限时 5:00,超时 1:12)" — a report's time against its limit."""
    return _against(seconds, limit, "minutes.against_limit")


def _against(seconds: float, planned: float | None, key: str) -> str:
    """The duration, then (`key`) its planned time and any overtime; alone without a plan."""
    spent = present.duration(seconds)
    if not planned:
        return spent
    over = present.overtime(seconds, planned)
    shown = present.duration(planned)
    if over is not None:
        return t(
            f"{key}_over", spent=spent, planned=shown, limit=shown, over=present.duration(over)
        )
    return t(key, spent=spent, planned=shown, limit=shown)


def said_in_notes(item: ItemRecord) -> list[SegmentRecord]:
    """The records whose text the minutes give with the item's notes: reports and speeches, and
    those of a kind this release does not declare (a later release's), under its stored name."""
    return [
        s
        for s in item.segments
        if (s.kind in ("report", "speech") or segment_kinds.get(s.kind) is None) and s.text.strip()
    ]


def item_heading(item: ItemRecord) -> str:
    if item.kind != "unit":
        # A default title ("Assessment") is shown in the language of the export.
        return titles.shown(item.kind, item.title)
    name = item.unit or item.title
    return t("minutes.unit_topic", unit=name, topic=item.topic) if item.topic else name


def count(value: int | None) -> str:
    return present.count(value)


def separator() -> str:
    """Between the items of a list in a sentence: 、 in Chinese, a comma in English."""
    return "、" if get_lang() == "zh" else ", "


def name_list(names: list[str]) -> str:
    """Names joined for a sentence; where a name holds a 、 itself (区委常委、组织部部长), a
    、 between names would run two posts into one, so they are set apart by ，."""
    sep = separator()
    if sep == "、" and any("、" in n for n in names):
        sep = "，"
    return sep.join(names)


def reported_onsite(minutes: Minutes) -> list[ItemRecord]:
    """The on-site units that reported (timed, or with notes taken): the units a column or a
    notice says 现场述职. Before anything was recorded (a draft), every on-site unit."""
    onsite = [i for i in minutes.items if i.kind == "unit" and i.mode == "onsite"]
    held = [i for i in onsite if i.segments or i.notes.strip()]
    return held or onsite


def is_leaders_group(name: str) -> bool:
    """The rater group of the district leaders themselves (区级领导): they are 出席, named one
    by one from the plan's leaders, so the group is not listed again under 列席."""
    return "领导" in name or "leader" in name.lower()


def attending_groups(minutes: Minutes) -> list[str]:
    """列席: the rater groups other than the leaders' (the default group "all" is no one's)."""
    names = [g.name for g in minutes.meeting.groups] or [a[0] for a in minutes.attendance]
    return [n for n in names if n != "all" and not is_leaders_group(n)]


def attendance_lines(minutes: Minutes) -> list[str]:
    """Per group 应到 / 实到 / 请假 as recorded; expected alone where nothing was recorded."""
    rows = minutes.attendance
    if not any(e is not None or p is not None or a is not None for _, e, p, a in rows):
        return []
    recorded = any(p is not None or a is not None for _, _, p, a in rows)
    out = []
    for group, expected, present_, absent in rows:
        if recorded:
            out.append(
                t("minutes.attendance_group", group=group, expected=count(expected),
                  present=count(present_), absent=count(absent))
            )  # fmt: skip
        elif expected is not None:
            out.append(t("minutes.attendance_expected", group=group, expected=expected))
    return out


def amendment_lines(minutes: Minutes) -> list[str]:
    """The changes made to the plan; attendance is left out, its counts stand under 出席情况."""
    return [_amendment(a) for a in minutes.amendments if not a.what.startswith("attendance.")]


def _amendment(a: AmendmentRecord) -> str:
    """ "14:19 区农委述职限时由 5 分钟 改为 6 分钟", "14:19 增加提问代表：党代表 孙立军": the
    change in words (`plan.changes.describe`), after the time it was made."""
    said = describe(PlanChange(a.what, a.old, a.new, a.subject))
    return f"{a.at[11:16]} {said}"


def meeting_facts(minutes: Minutes) -> list[tuple[str, str]]:
    """(label, value) lines for the head of the minutes: 时间, 地点, 主持, 出席, 列席, attendance,
    记录人, then the changes made to the plan. A value may hold several lines ("\\n")."""
    m = minutes.meeting
    when = long_date(m.date)
    if m.start:
        when = t("minutes.date_start", date=when, start=m.start)
    facts = [(t("minutes.date"), when)]
    if m.venue:
        facts.append((t("minutes.venue"), m.venue))
    if m.chair:
        facts.append((t("minutes.chair"), m.chair))
    if m.leaders:
        facts.append((t("minutes.present"), name_list(list(m.leaders))))
    groups = attending_groups(minutes)
    if groups:
        facts.append((t("minutes.attending"), name_list(groups)))
    attendance = attendance_lines(minutes)
    if attendance:  # a line per group: one run-on sentence breaks its figures across lines
        facts.append((t("minutes.attendance"), "\n".join(attendance)))
    if m.recorder:
        facts.append((t("minutes.recorder"), m.recorder))
    changes = amendment_lines(minutes)
    if changes:
        facts.append((t("minutes.amendments"), "\n".join(changes)))
    return facts


def item_facts(item: ItemRecord) -> list[tuple[str, str]]:
    """(label, value) lines under an item's heading: who, when, and for a unit the report's
    time against its limit (questions and comments are timed one by one below it)."""
    facts: list[tuple[str, str]] = []
    if item.kind == "unit":
        facts.append((t("dialog.who.report"), item.speaker or DASH))
        if item.mode == "written":
            facts.append((t("minutes.mode"), t("minutes.written")))
            return facts
    elif item.speaker:
        facts.append((t("dialog.who.speech"), item.speaker))
    if not item.segments:
        if item.kind in ("unit", "speech"):
            facts.append((t("minutes.started"), t("minutes.not_held")))
        return facts
    facts.append((t("minutes.started"), hms(item.started_at)))
    main = item.main_segment
    if item.kind == "unit":
        if main is not None:
            facts.append((t("minutes.report_time"), against_limit(main.seconds, main.planned)))
    elif item.kind == "speech" and main is not None:
        facts.append((t("minutes.speech_time"), against_limit(main.seconds, main.planned)))
    else:
        facts.append((t("minutes.item_time"), against_plan(item.seconds, item.planned)))
    if any(s.ended_at is None for s in item.segments):
        facts.append((t("minutes.status"), t("minutes.running")))
    return facts


def colon() -> str:
    return "：" if get_lang() == "zh" else ": "


def question_head(asker: str, seconds: float) -> str:
    return t("minutes.question_head", asker=asker or DASH, time=duration(seconds))


def answer_head(seconds: float | None, answerer: str = "") -> str:
    if seconds is None:
        return t("minutes.no_answer")
    if answerer:
        return t("minutes.answer_head_by", answerer=answerer, time=duration(seconds))
    return t("minutes.answer_head", time=duration(seconds))


def comment_head(leader: str, seconds: float) -> str:
    return t("minutes.comment_head", leader=leader or DASH, time=duration(seconds))


def sub_ordinal(n: int) -> str:
    """The number before a second-level heading: "（一）" in Chinese, "(1) " in English."""
    return f"（{zh_number(n)}）" if get_lang() == "zh" else f"({n}) "


def organizer_subject(minutes: Minutes) -> str:
    """Who speaks in the column's 编者按: the organizer, else "我区" ("the district")."""
    return minutes.meeting.organizer or t("minutes.column.we")


def sha_line(minutes: Minutes) -> str:
    return t("minutes.sha256", sha=minutes.sha256)
