"""Two laptops entering ballots at once: one exports its ballots, the other merges them in.

The second laptop types ballots into a copy of the meeting (`run COPY.db --entry-only`) and
writes them out with `ballots export` (the long-form file of SPEC section 6, the same columns
`ballots import` reads). The first laptop imports that file into the meeting. Every ballot of
the file is then one of:

- new: its id is not yet entered in this round; it is added;
- a duplicate: the same id is entered in this round with the same group and the same marks
  (the file was imported before, or both laptops typed the same form alike): skipped;
- a conflict: the same id is entered in this round with another group or other marks.

A conflict refuses the whole file, each one listed with its lines and what differs, so a
secretary never loses either version without seeing it; `skip_conflicts` adds the new ballots
and keeps the entered version of each conflicting one (the other stays in the file). Bad rows
refuse the file as always (all or nothing, `importer.check_file`).
"""

from __future__ import annotations

import re
import socket
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui import clock
from reviewtui.assessment import ballots, file_identity, rules, serials
from reviewtui.assessment import opinions as opinion_lines
from reviewtui.assessment.ballot_compare import CellDiff, compare_pair
from reviewtui.assessment.ballot_files import _is_xlsx, read_rows
from reviewtui.assessment.ballot_records import Ballot
from reviewtui.assessment.forms import Form, Value, code_sort_key, format_value
from reviewtui.assessment.import_check import Pending
from reviewtui.assessment.importer import _write, check_file
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.output import protected_paths
from reviewtui.store import Store

OPINION = "\0opinion"  # the item of a CellDiff on a unit's opinion line (no form item is named so)


@dataclass(frozen=True)
class EntryCopy:
    """`run --entry-only`: this laptop types ballots of round `entry` only, as `entered_by`
    (empty: user@host, `ballots.default_entered_by`)."""

    entry: int = 1
    entered_by: str = ""


@dataclass(frozen=True)
class Conflict:
    """A ballot of the file whose id is entered in this round with other marks or group."""

    code: str
    lines: str  # "12" or "12–26": where the file gives it
    diffs: tuple[CellDiff, ...]


class ConflictsRefused(UserError):
    """The file was refused for its conflicts, nothing written: `report` lists them and
    `new` counts the ballots that skipping them would add (the ballot screen offers to)."""

    def __init__(self, lines: list[str], report: MergeReport, new: int) -> None:
        super().__init__(*lines)
        self.report = report
        self.new = new


@dataclass
class MergeReport:
    path: str
    entry: int
    added: list[str] = field(default_factory=list)  # codes, in file order
    marks: int = 0  # filled cells added
    duplicates: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)  # skipped (only with skip_conflicts)
    hint_other_round: bool = False  # nothing new, and the other round lacks these ids
    invalid: dict[str, str] = field(default_factory=dict)  # added codes the rules void: reason


# ------------------------------------------------------------------------------------------------
# Export (the second laptop)


def laptop_name() -> str:
    """This computer's name as a file name may carry it: letters, digits, `-`, `_`, `.`."""
    name = re.sub(r"[^\w.-]+", "-", socket.gethostname()).strip("-.")
    return name[:40] or "laptop"


def default_export_path(store: Store, entry: int) -> Path:
    """Beside the database, named with the round and the laptop (m-ballots-2-laptopB-20170224-
    153012.csv): the first laptop sees where a file, and as their source its ballots, came from."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return store.path.with_name(f"{store.path.stem}-ballots-{entry}-{laptop_name()}-{stamp}.csv")


def export_ballots(
    store: Store,
    path: Path,
    *,
    entry: int,
    protect: tuple[Path, ...] = (),
    chinese: bool = False,
) -> int:
    """Write this round's ballots to `path` (`ballots.export_csv`; `chinese`: its Chinese
    headers); returns how many."""
    from reviewtui.output import check_target

    ballots.check_entry(store, entry)
    check_target(path, (*protected_paths(store.path), *protect))
    return ballots.export_csv(store, path, entry=entry, chinese=chinese)


# ------------------------------------------------------------------------------------------------
# Import (the first laptop)


def import_ballots(
    store: Store,
    path: str | Path,
    *,
    entry: int = 1,
    entered_by: str | None = None,
    skip_conflicts: bool = False,
    other_meeting: bool = False,
) -> MergeReport:
    """Merge the file's ballots into this round: new ones added, duplicates skipped, conflicts
    refused (UserError listing each, nothing written) unless `skip_conflicts`. A file exported
    from another meeting is refused unless `other_meeting` (`file_identity`)."""
    path = Path(path)
    ballots.check_entry(store, entry)
    form = Form.of(store.plan)
    table = read_rows(path)
    file_identity.check(store, path, table[1], other=other_meeting)
    # Ids already entered are no error here (taken=set()): they are sorted out below.
    pending, errors = check_file(
        form,
        path,
        table,
        set(),
        entry,
        spreadsheet=_is_xlsx(path),
        plan=store.plan,
        printed=serials.Printed.load(store.conn),
    )
    if errors:
        if len(errors) > 1 or pending:
            errors.append(t("import.rejected", path=path, count=len(errors)))
        raise UserError(*errors)
    report = MergeReport(str(path), entry)
    entered = {b.code: b for b in ballots.load(store, entry=entry)}
    new: dict[str, Pending] = {}
    for code, ballot in pending.items():
        stored = entered.get(code)
        if stored is None:
            new[code] = ballot
            continue
        comparison = compare_pair(form, stored, _as_ballot(code, entry, ballot))
        diffs = comparison.diffs + _opinion_diffs(store, stored.id, ballot)
        if diffs:
            report.conflicts.append(Conflict(code, _lines(ballot), diffs))
        else:
            report.duplicates.append(code)
    report.hint_other_round = _maybe_other_round(store, entry, pending, new)
    if report.conflicts and not skip_conflicts:
        raise ConflictsRefused(refusal(form, report, len(new)), report, len(new))
    if new:
        report.marks = _write(
            store, form, path, new, entry, entered_by or ballots.default_entered_by()
        )
    report.added = list(new)
    report.invalid = dict(
        rules.reasons_of_lines(store.plan, {code: b.lines for code, b in new.items()})
    )
    return report


def _as_ballot(code: str, entry: int, pending: Pending) -> Ballot:
    marks: dict[tuple[str, str], Value] = {
        (unit, item): value
        for unit, cells in pending.lines.items()
        for item, value in cells.items()
        if value is not None
    }
    return Ballot(0, code, entry, pending.group, "", "", "", "", marks)


def _opinion_diffs(store: Store, ballot_id: int, pending: Pending) -> tuple[CellDiff, ...]:
    """The file's opinions that skipping it as a duplicate would lose: a text for a unit that
    the entered ballot has not, or has otherwise (item OPINION). A text the file lacks is no
    loss: the entered one is kept."""
    if not pending.opinions or not opinion_lines.has_table(store):
        return ()
    entered = dict(
        store.conn.execute(
            "SELECT unit, text FROM opinions WHERE ballot_id = ?", (ballot_id,)
        ).fetchall()
    )
    return tuple(
        CellDiff(unit, OPINION, entered.get(unit), text)
        for unit, (text, _) in pending.opinions.items()
        if text and entered.get(unit) != text
    )


def _lines(pending: Pending) -> str:
    first, last = pending.first_line, pending.last_line
    return str(first) if first == last else f"{first}–{last}"


def _maybe_other_round(
    store: Store, entry: int, pending: dict[str, Pending], new: dict[str, Pending]
) -> bool:
    """With double entry, a file none of whose ballots is new in this round but some missing
    in the other is most likely the other typist's round, imported without `--entry 2`."""
    if not store.plan.assessment.double_entry or new or not pending:
        return False
    other = ballots.codes(store, 3 - entry)
    return any(code not in other for code in pending)


# ------------------------------------------------------------------------------------------------
# What is said


def _cell(value: Value | None) -> str:
    return format_value(value) if value is not None else t("merge.blank")


def _excerpt(text: Value | None) -> str:
    """An opinion as a conflict quotes it: at most 40 characters."""
    value = _cell(text)
    return value if len(value) <= 40 else value[:40] + "…"


def describe(form: Form, diff: CellDiff) -> str:
    """One difference: "雁翅镇党委: entered 好, in the file 较好"."""
    if diff.unit is None:
        what = t("merge.group")
    elif diff.item == OPINION:
        what = t("merge.opinion", unit=diff.unit)
        entered, file = (_excerpt(x) for x in (diff.first, diff.second))
        return t("merge.diff", what=what, entered=entered, file=file)
    elif form.one_item:
        what = diff.unit
    else:
        what = f"{diff.unit} / {diff.item}"
    return t("merge.diff", what=what, entered=_cell(diff.first), file=_cell(diff.second))


def conflict_line(form: Form, path: str, entry: int, conflict: Conflict) -> str:
    where = t("merge.at", path=path, lines=conflict.lines)
    head = t("merge.conflict", code=conflict.code, entry=entry)
    return where + head + "；".join(describe(form, d) for d in conflict.diffs)


def refusal(form: Form, report: MergeReport, new: int) -> list[str]:
    conflicts = sorted(report.conflicts, key=lambda c: code_sort_key(c.code))
    lines = [conflict_line(form, report.path, report.entry, c) for c in conflicts]
    counts = {"count": len(conflicts), "new": new, "duplicates": len(report.duplicates)}
    lines.append(t("merge.refused", path=report.path, **counts))
    if report.hint_other_round:
        lines.append(t("merge.hint_other_round", entry=3 - report.entry))
    return lines


def summary(form: Form, report: MergeReport) -> list[str]:
    """The lines `ballots import` prints after a merge."""
    done = {"ballots": len(report.added), "marks": report.marks, "entry": report.entry}
    lines = [t("import.done", path=report.path, **done)]
    if report.duplicates:
        codes = _codes(report.duplicates)
        count = len(report.duplicates)
        lines.append(t("merge.duplicates", count=count, entry=report.entry, codes=codes))
    if report.conflicts:
        lines.append(t("merge.skipped", count=len(report.conflicts)))
        lines += [
            "  " + conflict_line(form, report.path, report.entry, c) for c in report.conflicts
        ]
    if report.hint_other_round:
        lines.append(t("merge.hint_other_round", entry=3 - report.entry))
    return lines


def _codes(codes: list[str], limit: int = 20) -> str:
    ordered = sorted(codes, key=code_sort_key)
    shown = "、".join(ordered[:limit])
    return shown + (t("merge.more", count=len(ordered) - limit) if len(ordered) > limit else "")
