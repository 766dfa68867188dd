"""The projector's read model: one consistent read of the meeting (`read_state`) and exactly what
the screen shows (`build_view`, a pure function of the state and the time). No Textual here: the
projector screen (tui/projector.py) only draws a `View`, and redraws only what changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from reviewtui import clock, segment_kinds
from reviewtui.assessment.reveal import Reveal
from reviewtui.assessment.reveal import current as current_reveal
from reviewtui.bigfont import countdown_template
from reviewtui.i18n import t
from reviewtui.meeting.models import Item, Segment
from reviewtui.meeting.queries import Queries
from reviewtui.store import Store

POLL = 0.5  # seconds: the longest wait between two looks at the database


@dataclass(frozen=True)
class State:
    """One consistent read of the meeting."""

    title: str
    date: str
    venue: str | None
    start: str | None
    warn: float
    current: Item | None
    topic: str | None  # the current unit's headline
    ready: float | None  # planned seconds of the current item's first segment
    running: Segment | None
    last: Segment | None  # the latest segment of the current item
    following: Item | None  # the next timed item (the first one before the meeting starts)
    begun: bool
    first_start: datetime | None
    last_end: datetime | None
    reveal: Reveal | None = None  # results revealed now (当场公布): the projector shows them
    collecting: str = ""  # while the phone forms are served: forms returned per group


def read_state(store: Store) -> State:
    """Everything the projector shows, in one read transaction (a consistent snapshot)."""
    conn = store.conn
    conn.execute("BEGIN")  # a read transaction: every query below sees the same snapshot
    try:
        meeting = Queries(store)
        plan = store.plan
        items = meeting.items()
        current = meeting.current_item()
        running = meeting.running()
        segments = meeting.segments(current.id) if current else []
        span = store.row("SELECT min(started_at) AS first, max(ended_at) AS last FROM segments")
        revealed = current_reveal(conn)
        collecting = _collecting(store)
    finally:
        conn.execute("END")
    unit = plan.unit(current.unit) if current and current.unit else None
    ready = current.planned if current else None
    if current and current.kind == "unit":
        ready = plan.report_seconds(unit) if unit else None
    timed = [i for i in items if i.timed]
    following = next((i for i in timed if current is None or i.pos > current.pos), None)
    span = span or {}
    return State(
        title=plan.meeting.title,
        date=plan.meeting.date,
        venue=plan.meeting.venue,
        start=plan.meeting.start,
        warn=plan.timing.warn,
        current=current,
        topic=unit.topic if unit else None,
        ready=ready if current and current.timed else None,
        running=running,
        last=segments[-1] if segments else None,
        following=following,
        begun=any(i.status != "pending" for i in items),
        first_start=clock.parse_iso(span["first"]) if span.get("first") else None,
        last_end=clock.parse_iso(span["last"]) if span.get("last") else None,
        # The revealed ranking laid out as the plan asks (one list, or one per category).
        reveal=replace(revealed, rank_by=plan.assessment.rank_by) if revealed else None,
        collecting=collecting,
    )


def _collecting(store: Store) -> str:
    """Forms returned of issued per group while a server serves the phone forms (never a
    grade), as the live screen's status line shows them; empty otherwise."""
    from reviewtui.phones import serving, tokens

    if serving.holder(store.path) is None:
        return ""
    parts = [
        t("phones.count_part", group=c.group, returned=c.returned, issued=c.issued,
          phone=c.by_phone)
        for c in tokens.counts(store)
    ]  # fmt: skip
    return t("phones.projector_line", parts=t("phones.count_sep").join(parts))


@dataclass(frozen=True)
class View:
    """Exactly what is on screen; the screen is touched only when this changes."""

    title: str
    mark: str  # top right: the reconnecting mark and the wall clock
    reconnecting: bool
    item: str
    topic: str
    who: str
    time: str | None  # the big digits, or None for a message
    template: str  # sizes the digits (see countdown_template)
    message: tuple[str, ...]  # big-area lines when there is no time: heading, main, detail
    mood: str  # "run" | "warn" | "over" | "paused" | "idle" | "message"
    status: str
    next: str


def describe(item: Item) -> str:
    if item.kind in ("unit", "speech") and item.speaker:
        return f"{item.title} · {item.speaker}"
    return item.title


def phase(kind: str) -> str:
    return segment_kinds.shown(kind)


def build_view(
    state: State | None,
    now: datetime,
    *,
    db: Path,
    reconnecting: bool = False,
    problem: str | None = None,
) -> View:
    """The screen for `state` at `now`: a pure function, so every state is easy to test. While
    the phone forms are served, the bottom line shows the forms returned instead of what is
    next."""
    view = _build_view(state, now, db=db, reconnecting=reconnecting, problem=problem)
    if state is not None and state.collecting:
        view = replace(view, next=state.collecting)
    return view


def _build_view(
    state: State | None,
    now: datetime,
    *,
    db: Path,
    reconnecting: bool = False,
    problem: str | None = None,
) -> View:
    mark = now.strftime("%H:%M")
    if reconnecting and state is not None:
        mark = f"{t('projector.reconnecting')}  {mark}"
    blank = View(
        title="",
        mark=mark,
        reconnecting=reconnecting,
        item="",
        topic="",
        who="",
        time=None,
        template="",
        message=(),
        mood="message",
        status="",
        next="",
    )
    if state is None:
        hint = t("projector.unreadable", reason=problem) if problem else ""
        hint = hint or t("projector.waiting_hint", db=db.name)
        return replace(blank, title=str(db.name), message=("", t("projector.waiting"), hint))
    view = replace(blank, title=state.title)
    current = state.current
    nxt = t("projector.next", item=describe(state.following)) if state.following else ""
    if current is None and not state.begun:
        when = t("projector.planned_start", time=state.start) if state.start else ""
        place = " · ".join(x for x in (state.date, state.venue) if x)
        first = t("projector.first", item=describe(state.following)) if state.following else ""
        return replace(view, item=place, message=("", t("projector.not_started"), when), next=first)
    if current is None:
        took = ""
        if state.first_start and state.last_end:
            seconds = (state.last_end - state.first_start).total_seconds()
            took = t("projector.duration", time=clock.format_duration(seconds))
        return replace(
            view,
            item=state.date,
            message=("", t("projector.closed"), t("projector.thanks")),
            status=took,
        )
    view = replace(view, item=current.title, topic=state.topic or "", next=nxt)
    running = state.running
    if running is not None:
        who = phase(running.kind)
        if running.speaker:
            who = f"{who} · {running.speaker}"
        if current.kind in ("assessment", "break"):
            who = ""  # the item line says what this is; "Speech" would mislead
        notice = t("projector.assessment") if current.kind == "assessment" else ""
        remaining = running.remaining(now)
        if remaining is None:
            shown = clock.format_duration(running.elapsed(now))
            mood = "paused" if running.paused else "run"
            status = t("projector.paused") if running.paused else t("projector.elapsed")
            return replace(
                view,
                who=who,
                time=shown,
                template=shown,
                mood=mood,
                status=notice or status,
            )
        shown = clock.format_countdown(remaining)
        if running.paused:
            mood, status = "paused", t("projector.paused")
        elif remaining <= 0:
            mood, status = "over", t("live.state.over")
        elif remaining <= clock.warn_at(running.planned, state.warn):
            mood, status = "warn", t("projector.warn")
        else:
            mood, status = "run", notice or t("projector.remaining")
        return replace(
            view,
            who=who,
            time=shown,
            template=countdown_template(running.planned or 0),
            mood=mood,
            status=status,
        )
    if current.kind == "assessment":
        return replace(
            view, message=("", t("projector.assessment"), t("projector.assessment_hint"))
        )
    if current.kind == "break":
        return replace(view, message=("", current.title, ""))
    if not current.timed:
        return replace(view, who=current.speaker or "", message=("", t("projector.written"), ""))
    last = state.last
    if last is None:
        # Opened, nothing started yet: the speaker sees the time they will have.
        kind = "report" if current.kind == "unit" else "speech"
        who = phase(kind) + (f" · {current.speaker}" if current.speaker else "")
        if state.ready is None:
            return replace(view, who=who, message=("", t("projector.ready"), ""))
        shown = clock.format_duration(state.ready)
        return replace(
            view,
            who=who,
            time=shown,
            template=countdown_template(state.ready),
            mood="idle",
            status=t("projector.ready"),
        )
    # Between segments: what just ended, and what comes next.
    spoke = last.elapsed(now)
    done = t("projector.segment_done", phase=phase(last.kind), time=clock.format_duration(spoke))
    if last.planned is not None and spoke > last.planned:
        done += t("projector.segment_over", time=clock.format_duration(spoke - last.planned))
    if state.following:
        message: tuple[str, ...] = (
            t("projector.next_heading"),
            state.following.title,
            (state.following.speaker or "") if state.following.kind != "assessment" else "",
        )
    else:
        message = ("", t("projector.no_next"), "")
    return replace(view, who=current.speaker or "", message=message, status=done, next="")


def next_delay(state: State | None, now: datetime) -> float:
    """Seconds until the shown time next changes (just after it), never more than POLL."""
    running = state.running if state else None
    if running is None or running.paused:
        return POLL
    remaining = running.remaining(now)
    if remaining is None:
        elapsed = running.elapsed(now)
        until = 1.0 - (elapsed - math.floor(elapsed))
    else:
        until = remaining - math.floor(remaining) or 1.0
    return min(POLL, max(0.02, until + 0.02))
