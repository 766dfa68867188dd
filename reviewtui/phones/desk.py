"""The collection desk: what the form server does with a request, without any web framework.

`Desk` owns the server's own database connection (made in the thread that serves) and answers
each request with a `Reply` (status, page). Nothing a phone sends is trusted: the body is
bounded, every field name must be one of the form's cells, every value is checked against its
cell, and whatever goes wrong ends in a page that says why, with nothing written. What a request
must pass before it is read (bounds, rate, origin, the gate) is in `door.py`; how its fields,
marks and opinions are read, in `posted.py`.

The writer's role: the store is opened with a `Gate` for a lock. Standalone (`collect`), the
gate is the meeting's writer lock, taken for each commit only and released at once: `collect`
refuses to start while `run` holds the meeting, and a submission that meets a `run` started
meanwhile gets the "busy" page. In the `run` process itself (the live screen's `w`), the
process already holds the lock: the gate is open, and SQLite's own locking orders the server's
commits with the screen's.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from reviewtui.assessment import opinions as opinion_lines
from reviewtui.assessment.forms import CellError, Form
from reviewtui.assessment.rule_text import rule_lines
from reviewtui.assessment.rules import Rulebook
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.phones import pages, tokens
from reviewtui.phones.door import (
    MAX_BODY,
    BadRequest,
    Gate,
    RateLimit,
    Reply,
    Submission,
    same_origin,
    well_formed,
)
from reviewtui.phones.posted import PostedForm
from reviewtui.store import StorageError, Store
from reviewtui.store import connect as files

R = TypeVar("R")

__all__ = [  # the door's names are the desk's too (server.py, tests)
    "MAX_BODY",
    "BadRequest",
    "Desk",
    "Gate",
    "RateLimit",
    "Reply",
    "Submission",
    "same_origin",
]


class Desk(PostedForm):
    """The form server's state: its connection, its limits, open or closed."""

    def __init__(
        self,
        path: Path,
        *,
        shared: bool = False,
        limit: RateLimit | None = None,
        on_saved: Callable[[list[tokens.Returned]], None] | None = None,
        on_refused: Callable[[str], None] | None = None,
    ) -> None:
        self.path = path
        self.shared = shared
        self.limit = limit or RateLimit()
        self.on_saved = on_saved
        self.on_refused = on_refused  # told why, whenever a submission could not be saved
        self.closed = False
        self.max_body = MAX_BODY
        self.store: Store | None = None
        self._lock = threading.Lock()  # one request at a time on the connection
        self._waiting: list[tuple[Submission, asyncio.Future[Reply]]] = []

    # -- life ----------------------------------------------------------------------------------

    def open(self) -> None:
        """The server's own connection, made in the thread that will use it."""
        conn = files.connect(self.path, readonly=False)
        # The rollback journal every writer of the meeting uses (`connect`'s docstring).
        conn.execute(f"PRAGMA journal_mode = {files.JOURNAL_MODE}")
        self.store = Store(self.path, conn, lock=Gate(self.path, shared=self.shared))
        self.closed = False
        self._follow_plan()

    def _follow_plan(self) -> None:
        """The form as the plan is now: `amend` (or the live screen) may change the plan while
        phones are served. Checked on every request; cheap unless another connection committed
        (`Store.current_plan`)."""
        assert self.store is not None
        plan = self.store.current_plan()
        if getattr(self, "plan", None) is plan:
            return
        self.plan = plan
        self.fingerprint = self.store.plan_fingerprint()
        self.form = Form.of(plan)
        self.rules = Rulebook(plan)
        self.meeting = plan.meeting.title
        self.opinions = opinion_lines.LIMIT if plan.assessment.opinions else 0
        # Room for every opinion line written out in full (a CJK character is 9 bytes encoded)
        self.max_body = MAX_BODY + len(self.form.units) * self.opinions * 9

    def close(self) -> None:
        """Collection closed: every later request gets the closed page."""
        self.closed = True

    def shut(self) -> None:
        self.closed = True
        if self.store is not None:
            self.store.close()
            self.store = None

    def counts(self) -> list[tokens.Returned]:
        assert self.store is not None
        return tokens.counts(self.store)

    # -- requests ------------------------------------------------------------------------------

    def get(self, client: str, token: str, connection: str = "") -> Reply:
        refused = self._closed() or self._limited(client, token, connection)
        if refused:
            return refused
        with self._lock:
            return self._guarded(lambda: self._show(token, client, connection))

    def post(self, client: str, token: str, body: bytes | None, connection: str = "") -> Reply:
        """A submission, answered at once (its own commit)."""
        early = self._early_post(client, token, body, connection)
        if early is not None:
            return early
        assert body is not None
        ready = self._prepared(token, body)
        if isinstance(ready, Reply):
            return ready
        with self._lock:
            return self._save_all([ready])[0]

    async def post_batched(
        self, client: str, token: str, body: bytes | None, connection: str = ""
    ) -> Reply:
        """A submission from the server: saved with the others that arrive meanwhile, in one
        commit (a room pressing submit at once is queued and served, never refused)."""
        early = self._early_post(client, token, body, connection)
        if early is not None:
            return early
        assert body is not None
        ready = self._prepared(token, body)
        if isinstance(ready, Reply):
            return ready
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Reply] = loop.create_future()
        self._waiting.append((ready, answer))
        if len(self._waiting) == 1:  # the first of a batch: save it once the loop has read
            loop.call_soon(self._flush)  # whatever else has arrived by then
        return await answer

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        with self._lock:
            replies = self._save_all([ready for ready, _ in waiting])
        for (_, answer), reply in zip(waiting, replies, strict=True):
            if not answer.done():
                answer.set_result(reply)

    def _early_post(
        self, client: str, token: str, body: bytes | None, connection: str
    ) -> Reply | None:
        if body is None:
            return self._message(413, "too_big", "bad")
        refused = self._closed()
        if refused:
            return refused
        if self._limited(client, token, connection):
            return self._retry(429, "slow_down", body)
        return None

    def _prepared(self, token: str, body: bytes) -> Reply | Submission:
        with self._lock:
            return self._guarded(
                lambda: self._submit(token, body), lambda: self._retry(503, "busy", body)
            )

    def _closed(self) -> Reply | None:
        if self.closed or self.store is None:
            return self._message(403, "closed", "note")
        return None

    def _limited(self, client: str, token: str, connection: str) -> Reply | None:
        """Too many requests for this form (or, without a well-formed token, this connection)."""
        key = f"t:{token}" if well_formed(token) else f"c:{connection or client}"
        if self.limit.allow(key, client):
            return None
        return self._message(429, "slow_down", "bad")

    def _retry(self, status: int, key: str, body: bytes) -> Reply:
        """A refusal the rater can recover from: the marks travel back on the page."""
        if self.on_refused is not None:
            self.on_refused(key)
        try:
            go, values = self.fields(body)
        except BadRequest:
            return self._message(status, key, "bad")
        return Reply(
            status,
            pages.retry_page(
                getattr(self, "meeting", ""), t(f"phones.msg.{key}"),
                t(f"phones.msg.{key}.text"), values, go,
            ),
        )  # fmt: skip

    def _guarded(
        self, answer: Callable[[], R], busy: Callable[[], Reply] | None = None
    ) -> R | Reply:
        """Never a 500: a storage failure asks to try again; a bug is logged and says so."""
        busy = busy or (lambda: self._message(503, "busy", "bad"))
        try:
            self._follow_plan()
            return answer()
        except StorageError:
            return busy()
        except sqlite3.Error as exc:
            print(f"collect: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return busy()

    def _message(self, status: int, key: str, kind: str) -> Reply:
        title = getattr(self, "meeting", "")
        body = pages.message(title, t(f"phones.msg.{key}"), t(f"phones.msg.{key}.text"), kind)
        return Reply(status, body)

    def _found(self, token: str) -> tokens.Found:
        assert self.store is not None
        if not well_formed(token):
            return tokens.Found(tokens.UNKNOWN)
        return tokens.find(self.store, token)

    def _refusal(self, state: str, *, post: bool = True) -> Reply:
        if state in (tokens.USED, tokens.PHONED):
            # Refresh or back after the receipt: the receipt again, not a red refusal.
            return self._message(409 if post else 200, state, "good")
        status = {tokens.UNKNOWN: 404, tokens.VOIDED: 410}.get(state, 409)
        return self._message(status, state, "bad")

    def _show(self, token: str, client: str = "", connection: str = "") -> Reply:
        found = self._found(token)
        if found.state == tokens.UNKNOWN and not self.limit.allow(
            f"c:{connection or client}", client
        ):  # guessing addresses: limited per connection as well
            return self._message(429, "slow_down", "bad")
        if found.state != tokens.OK:
            return self._refusal(found.state, post=False)
        return Reply(200, self._form(found))

    def _form(
        self, found: tokens.Found, values: pages.Fields | None = None, problems: Sequence[str] = ()
    ) -> str:
        return pages.form_page(
            self.meeting, self.form, found.serial, found.group, self._rule_lines(), values,
            problems, self.opinions, self.fingerprint,
        )  # fmt: skip

    def _rule_lines(self) -> list[str]:
        assert self.store is not None
        return rule_lines(self.store.plan)

    def _submit(self, token: str, body: bytes) -> Reply | Submission:
        """The answer to a posted form: a page (refused, back to the form, confirm first), or
        the submission to save."""
        found = self._found(token)
        if found.state != tokens.OK:
            return self._refusal(found.state)
        try:
            go, values = self.fields(body)
            if values.get(pages.PLAN_FIELD, self.fingerprint) != self.fingerprint:
                # Filled in on the plan before an amendment: its fields (by position) may name
                # other units now. Show the form as it is, empty, and say why.
                return Reply(409, self._form(found, None, [t("phones.plan_changed")]))
            marks = self.marks(values)
        except BadRequest:
            return self._message(400, "malformed", "bad")
        except CellError as exc:
            return Reply(400, self._form(found, values, [exc.message]))
        opinions = self.opinion_texts(values)
        assert self.store is not None
        wrong = opinion_lines.problems(self.store.plan, opinions)
        if wrong:
            return Reply(400, self._form(found, values, wrong))
        if go == "edit":
            return Reply(200, self._form(found, values))
        reasons = self.warnings(marks)
        if reasons and go != "confirm":
            back_to = self.first_concerned(marks)
            return Reply(200, pages.confirm_page(self.meeting, reasons, values, back_to))
        return Submission(token, marks, opinions, body)

    def _save_all(self, ready: Sequence[Submission]) -> list[Reply]:
        """Save submissions in one commit, each its own journaled command; a storage failure
        leaves every one unsaved, each answered with its marks to submit again."""
        assert self.store is not None
        gate = self.store.lock
        assert isinstance(gate, Gate)
        if not gate.take():
            return [self._retry(503, "busy", one.body) for one in ready]
        replies: list[Reply] = []
        try:
            with self.store.batch():
                for one in ready:
                    replies.append(self._save_one(one))
        except (StorageError, sqlite3.Error) as exc:
            if not isinstance(exc, StorageError):
                print(f"collect: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return [self._retry(503, "busy", one.body) for one in ready]
        finally:
            gate.release()
        if self.on_saved is not None and any(r.status == 200 for r in replies):
            self.on_saved(self.counts())
        return replies

    def _save_one(self, one: Submission) -> Reply:
        assert self.store is not None
        try:
            tokens.submit(self.store, one.token, one.marks, one.opinions or None)
        except tokens.TokenRefused as exc:
            return self._refusal(exc.state)
        except UserError as exc:  # a check of ballots.save: say which, keep nothing
            self._follow_plan()  # amended between the checks and the save: show it as it is
            return Reply(
                400,
                pages.message(self.meeting, t("phones.msg.refused"), " ".join(exc.lines), "bad"),
            )
        return self._message(200, "received", "good")
