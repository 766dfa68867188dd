"""What `template`, `new`, `print` and `amend` do, so that the command line only wires them.

Each returns the lines to print and raises UserError (exit 2) for bad input; a refused amendment
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewtui.errors import UserError
from reviewtui.i18n import t

if TYPE_CHECKING:
    from reviewtui.plan import Plan


def _write_new(path: Path, data: bytes, *, force: bool, protect: tuple[Path, ...] = ()) -> None:
    """Write `path` whole or not at all, by the safe writer (`reviewtui.output`: never onto
    `protect`, a link or a device; exclusive temporary file, the target's mode kept); an
    existing file is kept unless `force`."""
    from reviewtui.output import reason, write_file

    try:
        exists = path.is_file() and not path.is_symlink()
    except OSError as exc:  # a name too long for the folder, a loop of links
        raise UserError(t("output.cannot_write", path=path, reason=reason(exc))) from None
    if exists and not force:
        raise UserError(t("book.exists", path=path))
    write_file(data, path, protect=protect)


def _docx_bytes(doc: object) -> bytes:
    import io

    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def template(out: Path, *, force: bool = False) -> list[str]:
    import io

    from openpyxl import load_workbook

    from reviewtui.prepare.template import write_template

    buffer = io.BytesIO()
    write_template(buffer)  # type: ignore[arg-type]
    load_workbook(io.BytesIO(buffer.getvalue()))  # what was written opens again
    _write_new(out, buffer.getvalue(), force=force)
    return [t("book.template_written", path=out)]


def new(book: Path, out: Path | None, *, force: bool = False) -> list[str]:
    from reviewtui.prepare.new import session_text

    target = out or book.with_suffix(".toml")
    text = session_text(book)
    # Never onto the workbook it was made from, --force or not: that would lose the book.
    _write_new(target, text.encode("utf-8"), force=force, protect=(book,))
    return [t("book.written", path=target)]


def plan_of(session: str, db: str | None = None) -> Plan:
    """The plan of SESSION: its database's when it has one, else the session file's."""
    from reviewtui.plan import PlanInvalid, load
    from reviewtui.store import Store, resolve

    target = resolve(session, db)
    if target.toml is None or target.db.exists():
        store = Store.open_reader(target.db)
        try:
            return store.plan
        finally:
            store.close()
    try:
        return load(target.toml)
    except PlanInvalid as exc:
        raise UserError(
            *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
        ) from None


def _document_language(session: str, db: str | None, plan: Plan) -> str:
    """The meeting's language (its database's), or its plan's before it has a database."""
    from reviewtui.store import Store, resolve
    from reviewtui.store.language import meeting_language, text_language

    target = resolve(session, db)
    if target.toml is None or target.db.exists():
        store = Store.open_reader(target.db)
        try:
            return meeting_language(store)
        finally:
            store.close()
    return text_language(plan)


def print_document(
    session: str,
    kind: str,
    out: Path | None,
    *,
    db: str | None = None,
    force: bool = True,
    qr: bool = False,
    address: str | None = None,
    port: int | None = None,
    yes: bool = False,
    confirm: Callable[[str], bool] | None = None,
) -> list[str]:
    from reviewtui.prepare.documents import BUILDERS

    if kind not in BUILDERS:
        raise UserError(t("print.bad_kind", kind=kind, kinds=" | ".join(BUILDERS)))
    if qr:
        if kind != "forms":
            raise UserError(t("phones.qr_forms_only", kind=kind))
        return _print_forms_qr(session, out, db, address, port, yes=yes, confirm=confirm)
    if kind == "forms":
        return _print_forms(session, out, db, force=force)
    from reviewtui.store.language import in_language

    plan = plan_of(session, db)
    with in_language(_document_language(session, db, plan)):
        doc = BUILDERS[kind](plan)
    target = _print_target(session, kind, out)
    _write_new(target, _docx_bytes(doc), force=force, protect=_meeting_files(session, db))
    return _written(plan, kind, target)


def _print_target(session: str, kind: str, out: Path | None) -> Path:
    """`-o` names the file, or a folder that takes it under its default name (as `export`)."""
    from reviewtui.output import in_folder

    source = Path(session)
    default = source.with_name(f"{source.stem}-{kind}.docx")
    return in_folder(out, default.name) if out is not None else default


def _written(plan: Plan, kind: str, target: Path) -> list[str]:
    pages = _pages(plan, kind)
    if not pages:
        return [t("print.written_doc", what=t(f"print.{kind}"), path=target)]
    return [t("print.written", what=t(f"print.{kind}"), path=target, pages=pages)]


def _print_forms(session: str, out: Path | None, db: str | None, *, force: bool) -> list[str]:
    """The numbered forms, recorded in the meeting's database (created if need be) once the
    document is written: serials are checked only against what was printed (SPEC 5)."""
    from reviewtui.assessment import serials
    from reviewtui.output import check_target
    from reviewtui.prepare.printing import forms
    from reviewtui.store import open_session
    from reviewtui.store.language import in_language, meeting_language

    target = _print_target(session, "forms", out)
    protect = _meeting_files(session, db)
    check_target(target, protect)  # a refused target before the meeting is opened to write
    if target.exists() and not force:
        raise UserError(t("book.exists", path=target))
    store = open_session(session, db, write=True)
    try:
        with in_language(meeting_language(store)):  # the meeting's language, not the user's
            data = _docx_bytes(forms(store.plan))
        _write_new(target, data, force=force, protect=protect)
        serials.record(store, store.plan)
        return _written(store.plan, "forms", target)
    finally:
        store.close()


def _print_forms_qr(
    session: str,
    out: Path | None,
    db: str | None,
    address: str | None,
    port: int | None,
    *,
    yes: bool,
    confirm: Callable[[str], bool] | None,
) -> list[str]:
    """The forms with their QR codes: one new token per form, written to the database (created
    if need be) only once the document is built; tokens of an earlier print are voided, after
    the secretary confirms it (`--yes`, or the question `confirm` asks)."""
    from reviewtui.assessment import serials
    from reviewtui.output import check_target
    from reviewtui.phones import address as net
    from reviewtui.phones import tokens
    from reviewtui.prepare.printing import forms
    from reviewtui.store import open_session
    from reviewtui.store.language import in_language, meeting_language

    notes: list[str] = []
    try:
        host = net.check_address(address) if address else None
        chosen_port = net.check_port(port if port is not None else net.DEFAULT_PORT)
    except ValueError:
        raise UserError(t("phones.bad_address", address=address, port=port)) from None
    if host is None:
        host, fallback = net.default_address()
        if fallback:
            notes.append(t("phones.no_lan"))
    target = _print_target(session, "forms", out)
    protect = _meeting_files(session, db)
    check_target(target, protect)  # a refused target before the meeting is opened to write
    store = open_session(session, db, write=True)
    try:
        active = tokens.active_count(store)
        if active and not yes:
            question = t("phones.reprint_question", count=active)
            if confirm is None or not confirm(question):
                raise UserError(t("phones.reprint_needs_yes", count=active))
        made = tokens.made(store.plan)
        urls = {m.serial: net.form_url(host, chosen_port, m.token) for m in made}
        with in_language(meeting_language(store)):
            data = _docx_bytes(forms(store.plan, urls))
        tokens.record(store, made, replace=True, served_at=f"{host}:{chosen_port}")
        _write_new(target, data, force=True, protect=protect)
        serials.record(store, store.plan)
        lines = _written(store.plan, "forms", target)
        lines.append(t("phones.tokens_issued", count=len(made), voided=active))
        lines.append(t("phones.collect_hint", address=host, port=chosen_port, session=session))
        return [*notes, *lines]
    finally:
        store.close()


def _meeting_files(session: str, db: str | None) -> tuple[Path, ...]:
    """What `print -o` must never replace: the meeting's database, its side files, its
    session files (the one given and the one its database was made from)."""
    from reviewtui.output import protected_paths
    from reviewtui.store import Store, resolve

    target = resolve(session, db)
    source = None
    if target.db.is_file():
        try:
            store = Store.open_reader(target.db)
        except UserError:
            pass  # not a readable meeting: its own path is still protected below
        else:
            try:
                source = store.meta("source")
            finally:
                store.close()
    return protected_paths(target.db, target.toml, source)


def _pages(plan: Plan, kind: str) -> str:
    from reviewtui.assessment.serials import serials

    if kind == "forms":
        return t("print.pages_forms", count=sum(len(serials(plan, g)) for g in plan.groups))
    if kind == "signin":
        return t("print.pages_groups", count=len(plan.groups))
    return ""


def amend(session: str, db: str | None = None) -> list[str]:
    """Apply the session file's changes to its started meeting, or refuse them all."""
    from reviewtui import amend as amendments
    from reviewtui.plan import PlanInvalid, load
    from reviewtui.store import Store, resolve

    target = resolve(session, db)
    if target.toml is None:
        raise UserError(t("amend.needs_toml", path=session))
    try:
        plan = load(target.toml)
    except PlanInvalid as exc:
        raise UserError(
            *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
        ) from None
    store = Store.open_writer(target.db)
    try:
        from reviewtui.store.opening import as_made

        plan = as_made(store, target.toml, plan)
        proposal = amendments.propose(store, plan)
        if not proposal.changes:
            return [t("amend.none")]
        if proposal.refusals:
            lines = [t("amend.refused")]
            lines += [f"  {refusal.reason}" for refusal in proposal.refusals]
            raise UserError(*lines)
        amendments.apply(store, plan, proposal)
    finally:
        store.close()
    lines = [t("amend.applied", count=len(proposal.changes))]
    lines += [_change_line(c) for c in proposal.changes]
    return lines


def _change_line(change: Any) -> str:
    from reviewtui.plan.changes import PlanChange, describe

    return f"  {describe(PlanChange(*change))}"
