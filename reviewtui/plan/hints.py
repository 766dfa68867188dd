"""Warnings (SPEC 2): what a session file may legally say but probably does not mean.

`check` prints them after the summary and still exits 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewtui.clock import format_duration
from reviewtui.i18n import t
from reviewtui.plan.errors import PlanError
from reviewtui.plan.fields import TIMING, Field
from reviewtui.plan.toml_lines import KeyLines

if TYPE_CHECKING:
    from reviewtui.plan.model import Plan


def planned_timing() -> tuple[str, ...]:
    """The `timing` keys that plan a segment kind's time (every duration but `warn` itself)."""
    return tuple(
        f.name
        for f in TIMING.fields
        if isinstance(f, Field) and f.kind == "duration" and f.name != "warn"
    )


def hints(plan: Plan, lines: KeyLines | None = None) -> tuple[PlanError, ...]:
    found: list[tuple[str, str]] = []
    warn = plan.timing.warn
    planned = [(f"timing.{name}", getattr(plan.timing, name)) for name in planned_timing()]
    planned += [(f"units[{i}].report", u.report) for i, u in enumerate(plan.units) if u.report]
    planned += [
        (f"agenda[{i}].duration", e.duration) for i, e in enumerate(plan.agenda) if e.duration
    ]
    for key, seconds in planned:
        if seconds is not None and warn >= seconds:
            found.append(
                (
                    "timing.warn",
                    t(
                        "plan.warn_at_or_above",
                        warn=format_duration(warn),
                        key=key,
                        planned=format_duration(seconds),
                    ),
                )
            )
    without = [u.name for u in plan.units if u.daily is None]
    with_daily = [i for i, u in enumerate(plan.units) if u.daily is not None]
    if with_daily and plan.assessment.onsite_weight >= 1:  # daily scores that count for nothing
        found.append(
            (
                f"units[{with_daily[0]}].daily",
                t("plan.daily_unweighted", count=len(with_daily)),
            )
        )
    elif without and len(without) < len(plan.units):
        index = next(i for i, u in enumerate(plan.units) if u.daily is None)
        shown = "、".join(without[:5]) + ("…" if len(without) > 5 else "")
        found.append(
            (f"units[{index}].daily", t("plan.daily_some", count=len(without), units=shown))
        )
    veto = plan.assessment.veto
    if veto is not None and veto.share == 0:
        found.append(("assessment.veto.share", t("plan.veto_share_zero")))
    seen: dict[str, int] = {}
    for i, quota in enumerate(plan.assessment.rules.quota):
        if quota.grade in seen:  # both apply: the lower share decides, the other says nothing
            first = f"assessment.rules.quota[{seen[quota.grade]}]"
            found.append(
                (
                    f"assessment.rules.quota[{i}].grade",
                    t("plan.quota_twice", grade=quota.grade, first=first),
                )
            )
        seen.setdefault(quota.grade, i)
    return tuple(
        PlanError(key, message, lines.find(key) if lines else None) for key, message in found
    )
