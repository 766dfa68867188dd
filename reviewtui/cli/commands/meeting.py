"""The meeting's commands: `run`, `demo`, `check`, `projector` (the language is set by the caller).

Each imports what it needs when it runs, so no command but `run`/`demo`/`projector` loads
Textual.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewtui.cli.commands.options import entry_round
from reviewtui.cli.commands.output import _console, say, show, tell
from reviewtui.errors import UserError
from reviewtui.i18n import t

if TYPE_CHECKING:
    from reviewtui.amend import Pending
    from reviewtui.assessment.merge import EntryCopy
    from reviewtui.plan import Plan
    from reviewtui.store import Store


def speak(store: Store) -> None:
    """The meeting's own language from here on, unless `--lang` said otherwise."""
    from reviewtui.store.language import speak as meeting_language

    meeting_language(store)


def run(
    session: str,
    db: str | None = None,
    entry_only: bool = False,
    entry: int | str | None = None,
    entered_by: str | None = None,
) -> None:
    from reviewtui.amend import open_amendable

    copy = _entry_copy(entry_only, entry, entered_by)
    # A session file changed since the database was made: when every change is an amendment
    # the app offers them first (tui/amend_offer.py); otherwise refused here, with the reasons.
    store, pending = open_amendable(session, db)
    _refuse_over_collect(store)
    speak(store)  # the meeting's language, unless --lang said
    if copy is not None:
        try:
            from reviewtui.assessment.ballots import check_entry

            check_entry(store, copy.entry)
        except BaseException:
            store.close()
            raise
    run_tui(store, pending, copy)


def _refuse_over_collect(store: Store) -> None:
    """`run` holds the writer's lock now; a `collect` serving the phone forms would get "busy"
    for every submission from here on: refuse, saying how to hand the collection over."""
    from reviewtui.phones.serving import holder, refusal

    other = holder(store.path)
    if other is not None and other.pid != os.getpid():
        store.close()
        raise UserError(refusal(other, "phones.run_over_collect"))


def _entry_copy(
    entry_only: bool, entry: int | str | None, entered_by: str | None
) -> EntryCopy | None:
    """`run --entry-only [--entry 1|2] [--entered-by NAME]`: ballot entry only, on a copy."""
    if not entry_only:
        if entry is not None or entered_by is not None:
            raise UserError(t("entry_only.options"))
        return None
    from reviewtui.assessment.merge import EntryCopy
    from reviewtui.textsafe import clean

    return EntryCopy(entry_round(entry), clean(entered_by or "").strip())


def demo() -> None:
    from reviewtui.samples import fresh_copy
    from reviewtui.store import open_session

    store = open_session(fresh_copy(), write=True)
    speak(store)  # a Chinese meeting opens in Chinese, unless --lang said
    try:
        run_tui(store)
    finally:
        print(t("cli.demo_db", db=store.path), file=sys.stderr, flush=True)


def run_tui(store: Store, pending: Pending | None = None, copy: EntryCopy | None = None) -> None:
    # Start-up makes many objects and frees few: collecting then finds nothing and costs ~15 ms
    # of launch. The app turns collection back on after its first frame.
    gc.disable()
    from reviewtui.tui.app import run_app

    run_app(store, pending, copy)


def check(session: str) -> None:
    from reviewtui.plan import PlanInvalid, load
    from reviewtui.store import resolve

    path = Path(session)
    target = resolve(session)  # the one rule of what SESSION is, as for every command
    if target.toml is None:
        from reviewtui.store import Store

        store = Store.open_reader(path)
        plan = store.plan
        store.close()
    else:
        try:
            plan = load(path)
        except PlanInvalid as exc:
            raise UserError(
                *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
            ) from None
    say(t("check.ok", path=session))
    show(summary_table(plan))
    for warning in plan.warnings:  # legal but probably not meant (SPEC 2): exit 0
        say(t("plan.warning") + warning.render(str(session)))
    if plan.meeting.previous and target.toml is not None:
        from reviewtui.rectify.previous import missing_previous

        if (missing := missing_previous(path, plan.meeting.previous)) is not None:
            say(t("plan.warning") + missing)


def _join(names: Iterable[str]) -> list[str]:
    """Names in a row, each with its separator, told apart even when a name has a "、" in it
    (区委常委、组织部部长); `_lines` lays them out."""
    names = list(names)
    sep = "；" if any("、" in name for name in names) else "、"
    return [name + (sep if i < len(names) - 1 else "") for i, name in enumerate(names)]


def _lines(pieces: list[str], width: int) -> str:
    """A list wrapped only between its names (a separator ends a line, never starts one); a
    name longer than the line is folded by the table."""
    from rich.cells import cell_len

    lines = [""]
    for piece in pieces:
        if lines[-1] and cell_len(lines[-1] + piece) > width:
            lines.append("")
        lines[-1] += piece
    return "\n".join(lines)


def summary_table(plan: Plan) -> Any:
    """`check`'s summary: a two-column grid, long lists folded."""
    from rich.cells import cell_len
    from rich.table import Table
    from rich.text import Text

    from reviewtui.clock import format_duration

    none = t("check.none")
    labels = [t(f"check.{key}") for key in ("onsite", "written", "leaders", "groups")]
    label_width = max(cell_len(t("check.counted", label=label, count=12)) for label in labels)
    width = max(20, _console().width - label_width - 2)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")

    def row(label: str, value: str) -> None:
        table.add_row(Text(label), Text(value))  # Text: a name is never read as markup

    m = plan.meeting
    row(t("export.about.meeting"), m.title)
    row(t("check.date"), m.date)
    row(t("minutes.venue"), m.venue or none)
    row(t("minutes.chair"), m.chair or none)
    onsite = plan.onsite_units
    written = plan.written_units
    onsite_names = _lines(_join(u.name for u in onsite), width)
    written_names = _lines(_join(u.name for u in written), width)
    row(t("check.counted", label=t("check.onsite"), count=len(onsite)), onsite_names or none)
    row(t("check.counted", label=t("check.written"), count=len(written)), written_names or none)
    leaders = t("check.counted", label=t("check.leaders"), count=len(plan.leaders))
    row(leaders, _lines(_join(plan.leaders), width) or none)
    groups = []
    for g in plan.groups:
        weight = f"{t('minutes.field.weight')}\u00a0{g.weight:g}"
        if g.issued is None:
            groups.append(t("check.group", name=g.name, weight=weight))
        else:
            issued = f"{t('check.issued')}\u00a0{g.issued}"
            groups.append(t("check.group_issued", name=g.name, weight=weight, issued=issued))
    counted = t("check.counted", label=t("check.groups"), count=len(plan.groups))
    row(counted, _lines(_join(groups), width))
    row(t("check.representatives"), str(len(plan.representatives)))
    items = plan.assessment.items
    form = "、".join(
        t("check.item_max", name=i.name, max=f"{i.max:g}") if i.max else i.name for i in items
    )
    scale = "/".join(g.grade for g in plan.assessment.scale)
    row(t("check.form"), t("check.form_line", items=form, grades=scale))
    row(t("check.agenda"), f"{len(plan.expanded_agenda())} {t('check.items')}")
    planned = plan.planned_seconds()
    row(t("check.planned"), format_duration(planned))
    if m.start:
        row(t("stats.col.planned_start"), m.start)
        end = plan.planned_end()  # None past the last date a calendar holds (an older database)
        if end is not None:
            row(t("stats.col.planned_end"), end.strftime("%H:%M"))
    return table


def projector(session: str, db: str | None = None) -> None:
    from reviewtui.store import resolve

    # Never creates the database: with a .toml whose database is not there yet, the projector
    # waits for `run` to create it; a .db that does not exist is more likely a typo.
    target = resolve(session, db)
    if target.toml is not None and not target.toml.exists():
        raise UserError(t("file.missing", path=target.toml))
    if target.db.exists():
        # Not a meeting database, or a session file changed since: say so now, exit 2 (as
        # `results` and `export` do), not a projector silently showing another plan.
        from reviewtui.store import open_session

        store = open_session(session, db, write=False, create=False)
        tell(store.notices)
        speak(store)
        store.close()
    elif target.toml is None:
        raise UserError(t("db.missing", db=target.db))
    from reviewtui.tui.projector import run_projector

    run_projector(target.db)
