"""The one-time tokens of the phone forms: issued per printed serial, stored only as hashes.

A token is `secrets.token_urlsafe(TOKEN_BYTES)` (144 random bits), unrelated to its serial; the
database keeps its SHA-256 with the serial and group, so neither a printout of the serials nor a
copy of the `.db` lets anyone vote. Printing the forms again voids every token not voided yet and
issues new ones (after the secretary confirms it: the old printouts stop working).

`submit` uses a token and saves its ballot (entry 1, source 'phone', the serial as its id) in
one transaction, through `ballots.save`: a ballot acknowledged to a phone is on disk, and a token
is used at most once, whatever is killed when.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

from reviewtui import clock
from reviewtui.assessment import ballots, serials
from reviewtui.assessment.forms import Cell, Form, Value, encode_lines
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan
from reviewtui.store import Store, Tx

TOKEN_BYTES = 18  # 144 bits: more than the 128 SPEC 9 asks
SOURCE = "phone"  # ballots.source of a phone ballot
ENTERED_BY = "phone"
ACTION_ISSUE = "tokens.issue"
ACTION_SUBMIT = "ballot.phone"

# What a token lookup finds
OK, UNKNOWN, VOIDED, USED, ENTERED = "ok", "unknown", "voided", "used", "entered"
PHONED = "phoned"  # its serial came in by phone already (a reprint's new code, the old one used)


@dataclass(frozen=True)
class Issued:
    """One printed form's token: what its QR code carries (the token itself exists only here)."""

    serial: str
    group: str
    token: str


@dataclass(frozen=True)
class Found:
    """What a token stands for, and whether it may still submit (`state`)."""

    state: str
    serial: str = ""
    group: str = ""


class TokenRefused(UserError):
    """A token that cannot submit (used meanwhile, voided, unknown, its serial entered)."""

    def __init__(self, state: str) -> None:
        super().__init__(t(f"phones.refused.{state}"))
        self.state = state


def digest(token: str) -> str:
    """The stored form of a token: SHA-256, hex."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def active_count(store: Store) -> int:
    """Tokens issued and not voided: a reprint would void them."""
    row = store.conn.execute("SELECT count(*) FROM tokens WHERE voided_at IS NULL").fetchone()
    return int(row[0])


def made(plan: Plan) -> list[Issued]:
    """A fresh token for every printed serial of every group, in print order (not stored yet)."""
    return [
        Issued(serial, group.name, secrets.token_urlsafe(TOKEN_BYTES))
        for group in plan.groups
        for serial in serials.serials(plan, group)
    ]


SERVED_AT = "phones.served_at"  # meta: the "address:port" the QR codes were printed for


def record(
    store: Store, issued: list[Issued], *, replace: bool = False, served_at: str | None = None
) -> None:
    """Store the hashes of `issued`, in one transaction, with the address the QR codes point
    at (`served_at`, "address:port"), which the form server then serves by default.

    Tokens issued before stay valid unless `replace`: then they are voided in the same
    transaction (refused with a UserError without it, so no reprint voids by accident).
    """
    active = active_count(store)
    if active and not replace:
        raise UserError(t("phones.reprint_needs_yes", count=active))
    now = clock.iso(clock.now())
    with store.transaction(ACTION_ISSUE) as tx:
        old = store.conn.execute("SELECT hash FROM tokens WHERE voided_at IS NULL").fetchall()
        for (key,) in old:
            tx.update("tokens", {"hash": key}, {"voided_at": now})
        if served_at is not None:
            tx.set_meta(SERVED_AT, served_at)
        for one in issued:
            tx.insert(
                "tokens",
                {"hash": digest(one.token), "serial": one.serial, "grp": one.group,
                 "issued_at": now},
            )  # fmt: skip


def issue(store: Store, *, replace: bool = False) -> list[Issued]:
    """A new token for every printed serial, stored; see `record` for `replace`."""
    issued = made(store.plan)
    record(store, issued, replace=replace)
    return issued


def served_at(store: Store) -> tuple[str, int] | None:
    """(address, port) the QR codes of the last print point at, if known."""
    value = store.meta(SERVED_AT)
    if not value:
        return None
    host, _, port = value.rpartition(":")
    return (host.strip("[]"), int(port)) if host and port.isdigit() else None


def find(store: Store, token: str) -> Found:
    """What `token` is: OK to submit, or why not. Never says which serial an unknown one is."""
    if not token or len(token) > 200:
        return Found(UNKNOWN)
    row = store.conn.execute(
        "SELECT serial, grp, voided_at, used_at FROM tokens WHERE hash = ?", (digest(token),)
    ).fetchone()
    if row is None:
        return Found(UNKNOWN)
    serial, group, voided, used = row
    if used is not None:
        return Found(USED, serial, group)
    if voided is not None:
        return Found(VOIDED, serial, group)
    source = _entered(store.conn, serial)
    if source is not None:
        return Found(PHONED if source == SOURCE else ENTERED, serial, group)
    return Found(OK, serial, group)


def _entered(conn: sqlite3.Connection, serial: str) -> str | None:
    """The source of a ballot of this serial already in, in either round (entered on paper, or
    submitted by an earlier token); None when there is none."""
    row = conn.execute(
        "SELECT source FROM ballots WHERE code = ? ORDER BY source = ? DESC LIMIT 1",
        (serial, SOURCE),
    ).fetchone()
    return None if row is None else str(row[0])


def submit(
    store: Store,
    token: str,
    marks: Mapping[Cell, Value],
    opinions: Mapping[str, str] | None = None,
) -> ballots.Ballot:
    """Use `token` and save its ballot (and its opinion lines, unit -> text), both in one
    commit; raises TokenRefused or UserError.

    `ballots.save` checks the marks like an entered ballot's and refuses a serial already
    entered; inside its transaction the token is checked again (another submission may have
    used it meanwhile) and marked used, pointing at the ballot.
    """
    found = find(store, token)
    if found.state != OK:
        raise TokenRefused(found.state)
    key = digest(token)

    def use(tx: Tx, ballot_id: int) -> None:
        row = store.conn.execute(
            "SELECT voided_at, used_at FROM tokens WHERE hash = ?", (key,)
        ).fetchone()
        if row is None:
            raise TokenRefused(UNKNOWN)
        if row[1] is not None:
            raise TokenRefused(USED)
        if row[0] is not None:
            raise TokenRefused(VOIDED)
        tx.update("tokens", {"hash": key}, {"used_at": tx.at, "ballot_id": ballot_id})
        if store.plan.assessment.double_entry:
            _second_entry(tx, ballot_id, encode_lines(Form.of(store.plan), marks))

    try:
        return ballots.save(
            store,
            code=found.serial,
            group=found.group,
            marks=marks,
            entry=1,
            entered_by=ENTERED_BY,
            source=SOURCE,
            action=ACTION_SUBMIT,
            opinions=opinions,
            within=use,
        )
    except TokenRefused:
        raise
    except UserError:
        source = _entered(store.conn, found.serial)
        if source is not None:  # entered on paper, or by phone, meanwhile
            raise TokenRefused(PHONED if source == SOURCE else ENTERED) from None
        raise


def _second_entry(tx: Tx, first: int, lines: Mapping[str, str]) -> None:
    """With double entry, a phone ballot is its own second entry: nobody typed it, so there is
    nothing to compare, and the tally counts it like a paper form entered twice alike."""
    row = tx.conn.execute(
        "SELECT code, grp, entered_by, source, created_at, updated_at FROM ballots WHERE id = ?",
        (first,),
    ).fetchone()
    code, group, by, source, created, updated = row
    second = tx.insert(
        "ballots",
        {"code": code, "entry": 2, "grp": group, "entered_by": by, "source": source,
         "created_at": created, "updated_at": updated},
    )  # fmt: skip
    for unit, cells in lines.items():
        tx.insert("marks", {"ballot_id": second, "unit": unit, "cells": cells})


@dataclass(frozen=True)
class Returned:
    """Forms returned of issued, for one group (never a grade)."""

    group: str
    issued: int
    returned: int
    by_phone: int


def counts(store: Store) -> list[Returned]:
    """Per group: forms issued (printed), ballots returned (paper and phone), by phone."""
    plan = store.plan
    returned = dict(
        store.conn.execute("SELECT grp, count(*) FROM ballots WHERE entry = 1 GROUP BY grp")
    )
    phone = dict(
        store.conn.execute(
            "SELECT grp, count(*) FROM ballots WHERE entry = 1 AND source = ? GROUP BY grp",
            (SOURCE,),
        )
    )
    return [
        Returned(g.name, serials.printed(plan, g), returned.get(g.name, 0), phone.get(g.name, 0))
        for g in plan.groups
    ]
