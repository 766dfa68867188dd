"""当场公布 in the minutes as a person reads them: one line per reveal, saying what was shown,
who confirmed the count and when (the JSON minutes carry the same records as data)."""

from __future__ import annotations

from reviewtui.i18n import t
from reviewtui.minutes.model import RevealRecord


def reveal_scope(record: RevealRecord) -> str:
    """ "前 3 名", or within a category "“镇街”类别前 3 名"."""
    head = t("minutes.reveal_category", category=record.category) if record.category else ""
    return head + _scope(record)


def _scope(record: RevealRecord) -> str:
    if record.scope == "top":
        return t("minutes.reveal_scope.top", top=record.top)
    if record.scope == "level":
        return t("minutes.reveal_scope.level", level=record.level)
    return t("minutes.reveal_scope.all")


def reveal_line(record: RevealRecord) -> str:
    """ "14:35 公布前 3 名，计票人 张三、监票人 李四 确认（初步结果），14:41 收起"."""
    hidden = t("minutes.reveal_hidden", at=record.hidden_at[11:16]) if record.hidden_at else ""
    line = t(
        "minutes.reveal",
        at=record.at[11:16],
        scope=reveal_scope(record),
        counter=record.counter,
        supervisor=record.supervisor,
    )
    if record.provisional:
        line += t("minutes.reveal_provisional")
    return line + hidden
