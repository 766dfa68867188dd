"""Opinions on the forms (意见建议, `assessment.opinions`): one free text per ballot and unit.

An opinion is saved with its ballot's marks, in the same transaction (`ballots.save` calls
`write`), so a correction, a delete and their undo move marks and opinions together. Like its
ballot it is anonymous: `by_unit` gives the texts grouped by unit, from the ballots the tally
counts, and never their ballot's serial, group or id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from reviewtui.assessment.results import Results
from reviewtui.i18n import t
from reviewtui.plan import Plan
from reviewtui.store import Store
from reviewtui.store.journal import Tx
from reviewtui.textsafe import clean

# One opinion line of a paper form: a few sentences. Longer text is refused, not cut, so
# nothing typed is silently lost.
LIMIT = 500


def normalized(text: str) -> str:
    """An opinion as stored: one line, no control characters, no surrounding space."""
    return clean(text).strip()


def problems(plan: Plan, opinions: Mapping[str, str]) -> list[str]:
    """What is wrong with a ballot's opinions: the form has no opinion lines, a unit unknown,
    a text too long. Empty texts are fine (no opinion)."""
    given = {unit: normalized(text) for unit, text in opinions.items()}
    given = {unit: text for unit, text in given.items() if text}
    if not given:
        return []
    if not plan.assessment.opinions:
        return [t("opinion.off")]
    units = {u.name for u in plan.units}
    found: list[str] = []
    for unit, text in given.items():
        if unit not in units:
            found.append(t("ballot.unknown_unit", value=unit))
        elif len(text) > LIMIT:
            found.append(t("opinion.too_long", unit=unit, count=len(text), limit=LIMIT))
    return found


def cleaned(plan: Plan, opinions: Mapping[str, str]) -> dict[str, str]:
    """The non-empty opinions, normalized, in plan unit order."""
    given = {unit: normalized(text) for unit, text in opinions.items()}
    return {u.name: given[u.name] for u in plan.units if given.get(u.name)}


def has_table(store: Store) -> bool:
    """Whether the database has the opinions table (schema 3); a reader of an older file that
    was never upgraded has none, and then no opinions."""
    row = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'opinions'"
    ).fetchone()
    return row is not None


def write(tx: Tx, ballot_id: int, opinions: Mapping[str, str]) -> None:
    """Make ballot `ballot_id`'s stored opinions exactly `opinions` (already `cleaned`): each
    added, changed or removed line is one journaled change of `tx`."""
    conn = tx.conn
    before = dict(
        conn.execute("SELECT unit, text FROM opinions WHERE ballot_id = ?", (ballot_id,)).fetchall()
    )
    for unit, text in opinions.items():
        if unit not in before:
            tx.insert("opinions", {"ballot_id": ballot_id, "unit": unit, "text": text})
        elif before[unit] != text:
            tx.update("opinions", {"ballot_id": ballot_id, "unit": unit}, {"text": text})
    for unit in before:
        if unit not in opinions:
            tx.delete("opinions", {"ballot_id": ballot_id, "unit": unit})


def of_ballots(store: Store, ballot_ids: Iterable[int] | None = None) -> dict[int, dict[str, str]]:
    """Stored opinions per ballot id (every ballot when `ballot_ids` is None), units in plan
    order."""
    if not has_table(store):
        return {}
    order = {u.name: i for i, u in enumerate(store.plan.units)}
    rows = store.conn.execute("SELECT ballot_id, unit, text FROM opinions").fetchall()
    wanted = None if ballot_ids is None else set(ballot_ids)
    found: dict[int, dict[str, str]] = {}
    for ballot_id, unit, text in sorted(rows, key=lambda r: (r[0], order.get(r[1], len(order)))):
        if wanted is None or ballot_id in wanted:
            found.setdefault(ballot_id, {})[unit] = text
    return found


def counted_codes(results: Results, codes: Iterable[str]) -> set[str]:
    """The paper ballots the tally counts: entered, confirmed (double entry), not invalid."""
    left_out = set(results.unconfirmed) | set(results.invalid_codes)
    return {code for code in codes if code not in left_out}


def by_unit(store: Store, results: Results | None = None) -> dict[str, list[str]]:
    """Every unit of the plan, in plan order, with the opinions of the ballots that count.

    Under double entry the opinions are not part of the mark-for-mark comparison: a confirmed
    ballot gives, per unit, its entry-1 text, or its entry-2 text where entry 1 has none. The
    texts of a unit are sorted, so their order says nothing of which form they came from.
    """
    units: dict[str, list[str]] = {u.name: [] for u in store.plan.units}
    stored = of_ballots(store)
    if not stored:
        return units
    if results is None:
        from reviewtui.assessment.tally import tally_store  # the tally imports much; only here

        results = tally_store(store)
    heads = store.conn.execute("SELECT id, code, entry FROM ballots").fetchall()
    counted = counted_codes(results, {code for _, code, _ in heads})
    double = store.plan.assessment.double_entry
    chosen: dict[tuple[str, str], tuple[int, str]] = {}
    for ballot_id, code, entry in heads:
        if code not in counted or (not double and entry != 1):
            continue
        for unit, text in stored.get(ballot_id, {}).items():
            held = chosen.get((code, unit))
            if held is None or entry < held[0]:
                chosen[(code, unit)] = (entry, text)
    for (_, unit), (_, text) in chosen.items():
        if unit in units:
            units[unit].append(text)
    for texts in units.values():
        texts.sort()
    return units
