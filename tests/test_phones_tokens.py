"""Phone form tokens (SPEC 9): random, stored only as hashes, voided by a reprint, used once
together with their ballot; paper and phone refuse each other's serials."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from reviewtui.assessment import ballots
from reviewtui.errors import UserError
from reviewtui.phones import tokens
from reviewtui.store import Store
from tests.phones_support import ballot_rows, issued, session

ITEM = "总体评价"


def marks(*grades: str) -> dict[tuple[str, str], str]:
    units = ("雁翅镇党委", "城子街道工委", "王平镇党委")
    return {(u, ITEM): g for u, g in zip(units, grades, strict=False)}


def test_a_token_for_every_printed_serial_only_its_hash_stored(
    tmp_path: Path, root_dir: Path
) -> None:
    db, made = issued(session(tmp_path, root_dir))
    assert [m.serial for m in made] == ["A001", "A002", "A003", "B001", "B002", "B003", "B004",
                                        "B005"]  # fmt: skip
    assert {m.group for m in made[:3]} == {"区级领导"}
    assert len({m.token for m in made}) == len(made)
    for m in made:
        assert re.fullmatch(r"[A-Za-z0-9_-]{24,}", m.token)  # >= 144 bits of token_urlsafe
        assert m.serial not in m.token
    raw = db.read_bytes()
    store = Store.open_reader(db)
    try:
        rows = store.rows("SELECT * FROM tokens ORDER BY serial")
        journal = " ".join(r[0] for r in store.conn.execute("SELECT new FROM journal"))
    finally:
        store.close()
    assert [r["hash"] for r in rows] == [hashlib.sha256(m.token.encode()).hexdigest() for m in made]
    for m in made:  # neither the file nor its journal holds a token
        assert m.token.encode() not in raw
        assert m.token not in journal
    assert all(r["voided_at"] is None and r["used_at"] is None for r in rows)


def test_reprint_needs_replace_and_voids_the_old_tokens(tmp_path: Path, root_dir: Path) -> None:
    db, first = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        with pytest.raises(UserError, match="8 forms already have QR codes"):
            tokens.issue(store)
        assert tokens.active_count(store) == 8
        second = tokens.issue(store, replace=True)
        assert tokens.find(store, first[0].token).state == tokens.VOIDED
        assert tokens.find(store, second[0].token).state == tokens.OK
        assert tokens.active_count(store) == 8
        with pytest.raises(tokens.TokenRefused) as refused:
            tokens.submit(store, first[0].token, marks("好"))
        assert refused.value.state == tokens.VOIDED
        assert tokens.find(store, "no-such-token").state == tokens.UNKNOWN
    finally:
        store.close()
    assert ballot_rows(db) == []


def test_submit_saves_a_phone_ballot_and_uses_the_token_in_one_commit(
    tmp_path: Path, root_dir: Path
) -> None:
    db, made = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        saved = tokens.submit(store, made[3].token, marks("好", "一般"))
        assert (saved.code, saved.group, saved.entry) == ("B001", "党代表", 1)
        row = store.row("SELECT used_at, ballot_id FROM tokens WHERE serial = 'B001'")
        assert row is not None and row["used_at"] and row["ballot_id"] == saved.id
        txs = store.conn.execute(
            "SELECT DISTINCT tx FROM journal WHERE action = ?", (tokens.ACTION_SUBMIT,)
        ).fetchall()
        assert len(txs) == 1  # the ballot, its marks and the token: one command
        with pytest.raises(tokens.TokenRefused) as again:
            tokens.submit(store, made[3].token, marks("差", "差"))
        assert again.value.state == tokens.USED
    finally:
        store.close()
    assert ballot_rows(db) == [("B001", "党代表", "phone", 1)]


def test_paper_first_refuses_the_phone_and_phone_first_refuses_paper(
    tmp_path: Path, root_dir: Path
) -> None:
    db, made = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        ballots.save(store, code="A001", group="区级领导", marks=marks("好"))
        assert tokens.find(store, made[0].token).state == tokens.ENTERED
        with pytest.raises(tokens.TokenRefused) as refused:
            tokens.submit(store, made[0].token, marks("差"))
        assert refused.value.state == tokens.ENTERED
        tokens.submit(store, made[1].token, marks("较好"))
        with pytest.raises(UserError, match="A002"):  # the ballot screen's save
            ballots.save(store, code="A002", group="区级领导", marks=marks("好"))
        with pytest.raises(UserError, match="A002"):  # typed the way a person would
            ballots.save(store, code="a2", group="区级领导", marks=marks("好"))
    finally:
        store.close()
    assert ballot_rows(db) == [("A001", "区级领导", "screen", 1), ("A002", "区级领导", "phone", 1)]


def test_import_refuses_a_serial_used_by_phone(tmp_path: Path, root_dir: Path, cli) -> None:
    path = session(tmp_path, root_dir)
    db, made = issued(path)
    store = Store.open_writer(db)
    try:
        tokens.submit(store, made[0].token, marks("好"))
    finally:
        store.close()
    csv = tmp_path / "b.csv"
    csv.write_text("ballot,group,雁翅镇党委,城子街道工委,王平镇党委\nA001,区级领导,好,好,好\n",
                   encoding="utf-8")  # fmt: skip
    result = cli("ballots", "import", path, csv)
    assert result.code == 2
    assert "A001" in result.stderr
    assert ballot_rows(db) == [("A001", "区级领导", "phone", 1)]


def test_deleting_a_phone_ballot_keeps_its_token_used_and_undo_restores_it(
    tmp_path: Path, root_dir: Path
) -> None:
    db, made = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        saved = tokens.submit(store, made[0].token, marks("好", "较好"))
        ballots.delete(store, saved.id)
        row = store.row("SELECT used_at, ballot_id FROM tokens WHERE serial = 'A001'")
        assert row is not None and row["used_at"] and row["ballot_id"] is None
        assert tokens.find(store, made[0].token).state == tokens.USED
        tx = store.conn.execute(
            "SELECT max(tx) FROM journal WHERE action = 'ballot.delete'"
        ).fetchone()[0]
        store.undo(tx)
        row = store.row("SELECT ballot_id FROM tokens WHERE serial = 'A001'")
        assert row == {"ballot_id": saved.id}
        assert ballots.get(store, saved.id) is not None
    finally:
        store.close()


def test_bad_marks_are_refused_and_leave_the_token_unused(tmp_path: Path, root_dir: Path) -> None:
    db, made = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        with pytest.raises(UserError):
            tokens.submit(store, made[0].token, {("没有这个单位", ITEM): "好"})
        assert tokens.find(store, made[0].token).state == tokens.OK
    finally:
        store.close()
    assert ballot_rows(db) == []


def test_counts_per_group_never_a_grade(tmp_path: Path, root_dir: Path) -> None:
    db, made = issued(session(tmp_path, root_dir))
    store = Store.open_writer(db)
    try:
        tokens.submit(store, made[0].token, marks("好"))
        ballots.save(store, code="B002", group="党代表", marks=marks("差"))
        counts = tokens.counts(store)
    finally:
        store.close()
    assert [(c.group, c.returned, c.issued, c.by_phone) for c in counts] == [
        ("区级领导", 1, 3, 1),
        ("党代表", 1, 5, 0),
    ]
    assert "好" not in json.dumps([c.__dict__ for c in counts], ensure_ascii=False)


def test_print_forms_qr_cli(tmp_path: Path, root_dir: Path, cli) -> None:
    path = session(tmp_path, root_dir)
    out = tmp_path / "forms.docx"
    first = cli("print", path, "forms", "--qr", "--address", "10.1.2.3", "--port", "8080",
                "-o", out)  # fmt: skip
    assert first.code == 0, first.output
    assert "8" in first.stdout and "10.1.2.3" in first.stdout
    from docx import Document

    doc = Document(str(out))
    pictures = doc.inline_shapes
    assert len(pictures) == 8  # one QR code per form
    texts = "\n".join(p.text for p in doc.paragraphs)
    assert "A001" in texts and "B005" in texts
    # Again without --yes and no terminal: refused, nothing voided, the file kept
    before = out.read_bytes()
    again = cli("print", path, "forms", "--qr", "--address", "10.1.2.3", "-o", out)
    assert again.code == 2
    assert "--yes" in again.stderr
    assert out.read_bytes() == before
    store = Store.open_reader(path.with_suffix(".db"))
    try:
        assert tokens.active_count(store) == 8
    finally:
        store.close()
    third = cli("print", path, "forms", "--qr", "--yes", "--address", "10.1.2.3", "-o", out)
    assert third.code == 0
    assert "8 earlier" in third.stdout
    bad = cli("print", path, "forms", "--qr", "--address", "not-an-ip", "-o", out)
    assert bad.code == 2
    assert cli("print", path, "agenda", "--qr").code == 2


def test_qr_code_reads_back_as_the_form_address() -> None:
    """The picture holds the URL: segno's matrix of the same text is the one printed."""
    import segno

    from reviewtui.phones.address import form_url
    from reviewtui.prepare.qr_print import qr_png

    url = form_url("192.168.1.10", 8765, "abcDEF_-123")
    assert url == "http://192.168.1.10:8765/f/abcDEF_-123"
    png = qr_png(url)
    assert png.startswith(b"\x89PNG")
    assert segno.make(url, error="m").designator  # the same text encodes


def test_the_lan_address_falls_back_to_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    from reviewtui.phones import address

    monkeypatch.setattr(address, "lan_address", lambda: None)
    assert address.default_address() == ("127.0.0.1", True)
    monkeypatch.setattr(address, "lan_address", lambda: "192.168.3.4")
    assert address.default_address() == ("192.168.3.4", False)
    assert address.form_url("::1", 80, "t") == "http://[::1]:80/f/t"


def test_with_double_entry_a_phone_ballot_counts_without_retyping(
    tmp_path: Path, root_dir: Path
) -> None:
    from reviewtui.assessment.tally import tally_store

    path = session(tmp_path, root_dir, "\ndouble_entry = true\n")
    db, made = issued(path)
    store = Store.open_writer(db)
    try:
        assert store.plan.assessment.double_entry
        tokens.submit(store, made[0].token, marks("好", "较好", "一般"))
        assert ballot_rows(db) == [
            ("A001", "区级领导", "phone", 1),
            ("A001", "区级领导", "phone", 2),
        ]
        # a paper form entered only once stays unconfirmed; the phone form counts at once
        ballots.save(store, code="A002", group="区级领导", marks=marks("差", "差", "差"))
        with pytest.raises(tokens.TokenRefused):
            tokens.submit(store, made[1].token, marks("好"))
        results = tally_store(store)
    finally:
        store.close()
    assert results.valid == 1
    assert results.unconfirmed == ("A002",)
    by_unit = {u.unit: u for u in results.units}
    assert by_unit["雁翅镇党委"].composite == 100


def test_reprint_asks_on_a_terminal(tmp_path: Path, root_dir: Path, monkeypatch) -> None:
    import io

    from reviewtui.cli import commands as launch
    from reviewtui.prepare.commands import print_document

    path = session(tmp_path, root_dir)
    out = tmp_path / "f.docx"
    print_document(str(path), "forms", out, qr=True, address="127.0.0.1")
    asked: list[str] = []
    with pytest.raises(UserError):
        print_document(str(path), "forms", out, qr=True, address="127.0.0.1",
                       confirm=lambda q: asked.append(q) or False)  # fmt: skip
    assert "8 forms already have QR codes" in asked[0]
    lines = print_document(str(path), "forms", out, qr=True, address="127.0.0.1",
                           confirm=lambda q: True)  # fmt: skip
    assert any("8 earlier" in line for line in lines)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty())
    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    assert launch.ask_yes("go on?")
    monkeypatch.setattr("builtins.input", lambda prompt: "")
    assert not launch.ask_yes("go on?")
    monkeypatch.setattr("sys.stdin", io.StringIO())  # no terminal: never asks, never hangs
    assert not launch.ask_yes("go on?")
