"""The check code (校验码) printed on the signed results sheet, and `results DB --check CODE`.

The code is 12 hexadecimal digits of a SHA-256 over every ballot entered (its serial, entry round
and group, valid or invalid, and every mark of it as stored) and the results they give (the
results JSON, SPEC 7), written `1A2B-3C4D-5E6F/57`: after the slash, the journal's last entry
when it was computed, so that a later check can name what changed since. It covers the ballots
and the results only, not the minutes, the timings or the rectification list.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from reviewtui.assessment.results import Results
from reviewtui.store import Store

DIGITS = 12
_BALLOT_TABLES = ("ballots", "marks")


def digest(store: Store, results: Results) -> str:
    """The 12 digits, as 1A2B-3C4D-5E6F."""
    rows = store.conn.execute(
        "SELECT b.code, b.entry, b.grp, m.unit, m.cells FROM ballots b "
        "LEFT JOIN marks m ON m.ballot_id = b.id ORDER BY b.code, b.entry, m.unit"
    ).fetchall()
    payload = json.dumps(
        {"ballots": [list(r) for r in rows], "results": results.to_json()},
        ensure_ascii=False,
        sort_keys=True,
    )
    hexed = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:DIGITS].upper()
    return "-".join(hexed[i : i + 4] for i in range(0, DIGITS, 4))


def journal_mark(store: Store) -> int:
    found = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM journal").fetchone()
    return int(found[0])


def check_code(store: Store, results: Results) -> str:
    """The code as printed: digest/journal mark."""
    return f"{digest(store, results)}/{journal_mark(store)}"


@dataclass(frozen=True)
class Change:
    at: str
    action: str
    op: str
    ballots: tuple[str, ...]  # the serials it touched
    by: str  # who entered the ballot (`entered_by`), where recorded


def parse(code: str) -> tuple[str, int | None] | None:
    """ "1a2b3c4d5e6f/57" or "1A2B-3C4D-5E6F" → ("1A2B-3C4D-5E6F", 57 or None); None if it is
    no check code."""
    text = code.strip().upper()
    body, _, mark = text.partition("/")
    hexed = body.replace("-", "").replace(" ", "")
    if len(hexed) != DIGITS or any(c not in "0123456789ABCDEF" for c in hexed):
        return None
    if mark and not mark.isdigit():
        return None
    return "-".join(hexed[i : i + 4] for i in range(0, DIGITS, 4)), int(mark) if mark else None


def changes_since(store: Store, mark: int) -> list[Change]:
    """Every command after journal entry `mark` that added, corrected or deleted a ballot, with
    when, which ballots and who entered them (undone commands included, as the journal has them)."""
    found = store.conn.execute("SELECT id, code, entered_by FROM ballots").fetchall()
    serial = {r[0]: r[1] for r in found}
    typist = {r[0]: r[2] for r in found}  # who entered it, as the ballot says now
    by_tx: dict[int, tuple[str, str, list[str], list[str], list[str]]] = {}
    rows = store.conn.execute(
        "SELECT tx, at, action, tbl, row_key, op, old, new FROM journal "
        "WHERE id > ? AND tbl IN ('ballots', 'marks') ORDER BY id",
        (mark,),
    )
    for tx, at, action, tbl, row_key, op, old, new in rows:
        _, _, ops, codes, by = by_tx.setdefault(tx, (at, action, [], [], []))
        row = json.loads(new or old or "{}")
        if tbl == "ballots":
            code = row.get("code") or serial.get(_id(row_key) or -1, "")
            if row.get("entered_by") and not by:
                by.append(row["entered_by"])
        else:
            code = serial.get(_id(row_key) or -1, "")
        if not by and typist.get(_id(row_key) or -1):
            by.append(typist[_id(row_key) or -1])
        ops.append(op if tbl == "ballots" else "update")
        if code and code not in codes:
            codes.append(code)
    out = []
    for at, action, ops, codes, by in by_tx.values():
        op = "insert" if "insert" in ops else "delete" if "delete" in ops else "update"
        out.append(Change(at, action, op, tuple(codes), by[0] if by else ""))
    return out


def _id(row_key: str) -> int | None:
    try:
        value = json.loads(row_key)
    except ValueError:
        return None
    if isinstance(value, dict):  # {"id": 5} (ballots), {"ballot_id": 5, "unit": …} (marks)
        found = value.get("id", value.get("ballot_id"))
        return found if isinstance(found, int) else None
    return None


def verify(store: Store, results: Results, code: str) -> str:
    """The answer of `results DB --check CODE`: the same code (exit 0), or a UserError (exit 2)
    naming what changed since the code was printed."""
    from reviewtui.errors import UserError
    from reviewtui.i18n import t

    parsed = parse(code)
    if parsed is None:
        raise UserError(t("check_code.bad", code=code))
    wanted, mark = parsed
    now = digest(store, results)
    if now == wanted:
        return t("check_code.same", code=wanted)
    lines = [t("check_code.differs", code=wanted, now=now)]
    changes = changes_since(store, mark) if mark is not None else []
    for change in changes:
        lines.append(
            t(
                f"check_code.change.{change.op}",
                at=change.at,
                action=change.action,
                ballots="、".join(change.ballots) or "—",
                by=change.by or "—",
            )
        )
    if mark is None:
        lines.append(t("check_code.no_mark"))
    elif not changes:
        lines.append(t("check_code.no_changes"))
    raise UserError("\n".join(lines))
