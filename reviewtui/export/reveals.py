"""当场公布 in the minutes as a person reads them: one line per reveal, saying what was shown,
who confirmed the count and when (the JSON minutes carry the same records as data)."""

from __future__ import annotations

from reviewtui.assessment import Results
from reviewtui.i18n import t
from reviewtui.minutes.model import RevealRecord


def each_category(results: Results) -> bool:
    """Whether a reveal of every category showed one list per category (`rank_by =
    "category"`, read from the plan as the projector reads it)."""
    return results.rank_by == "category" and results.categories


def reveal_scope(record: RevealRecord, *, by_category: bool = False) -> str:
    """ "前 3 名", within a category "“镇街”类别前 3 名", and, when the plan ranks by category and
    every category was shown, "各类别前 3 名" (the projector showed the top 3 of each)."""
    head = t("minutes.reveal_category", category=record.category) if record.category else ""
    return head + _scope(record, by_category and record.category is None)


def _scope(record: RevealRecord, each: bool) -> str:
    if record.scope == "top":
        key = "minutes.reveal_scope.top_each" if each else "minutes.reveal_scope.top"
        return t(key, top=record.top)
    if record.scope == "level":
        return t("minutes.reveal_scope.level", level=record.level)
    return t("minutes.reveal_scope.all")


def reveal_line(record: RevealRecord, *, by_category: bool = False) -> str:
    """ "14:35 公布前 3 名，计票人 张三、监票人 李四 确认（初步结果），14:41 收起"."""
    hidden = t("minutes.reveal_hidden", at=record.hidden_at[11:16]) if record.hidden_at else ""
    line = t(
        "minutes.reveal",
        at=record.at[11:16],
        scope=reveal_scope(record, by_category=by_category),
        counter=record.counter,
        supervisor=record.supervisor,
    )
    if record.provisional:
        line += t("minutes.reveal_provisional")
    return line + hidden
