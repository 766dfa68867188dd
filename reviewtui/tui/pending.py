"""Typed text that could not be written yet (disk full, file read-only, stick pulled out).

A timing command that cannot be written is refused: the screen never shows what is not on disk.
But text the secretary has typed (a question, a comment, the notes) is theirs and cannot be typed
again: when its write fails it is kept here, in memory, and written again once a second until the
storage takes it. A later successful write of the same thing drops the kept one, so an old text
never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Literal

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import StorageError

Write = Callable[[], object]
Notify = Callable[..., Any]  # a widget's `notify(message, severity=..., timeout=...)`
Saved = Literal["written", "kept"]


class PendingWrites:
    def __init__(self) -> None:
        self._writes: dict[Hashable, Write] = {}

    def __len__(self) -> int:
        return len(self._writes)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._writes

    def attempt(self, key: Hashable, write: Write) -> StorageError | None:
        """Write now; if the storage refuses, keep the write for later and say why.

        Any other error (bad input) is raised: it would fail again, so nothing is kept."""
        try:
            write()
        except StorageError as exc:
            self.keep(key, write)
            return exc
        self.drop(key)
        return None

    def keep(self, key: Hashable, write: Write) -> None:
        """Keep `write` (the latest for `key`) until `retry` manages it."""
        self._writes.pop(key, None)  # the newest last: written in the order they were typed
        self._writes[key] = write

    def drop(self, key: Hashable) -> None:
        """`key` was written directly: its kept write is out of date."""
        self._writes.pop(key, None)

    def save(self, key: Hashable, write: Write, notify: Notify) -> Saved | None:
        """`attempt`, telling the secretary through `notify`: bad input at once, a refusal the
        first time `key` is refused (not at every keystroke after). None for bad input."""
        known = key in self
        try:
            refused = self.attempt(key, write)
        except UserError as exc:
            notify("\n".join(exc.lines), severity="error", timeout=15)
            return None
        if refused is None:
            return "written"
        if not known:
            notify("\n".join([*refused.lines, t("pending.kept")]), severity="error", timeout=30)
        return "kept"

    def retry(self) -> tuple[int, list[UserError]]:
        """Write what is kept, in order, until the storage refuses again.

        Returns how many were written and the errors of writes that can never succeed (their
        record was deleted meanwhile, say): those are dropped, and their messages say why.
        """
        written = 0
        dropped: list[UserError] = []
        for key, write in list(self._writes.items()):
            try:
                write()
            except StorageError:
                break  # still no room: keep this one and the rest, in order
            except (UserError, LookupError) as exc:
                del self._writes[key]
                dropped.append(exc if isinstance(exc, UserError) else UserError(str(exc)))
                continue
            del self._writes[key]
            written += 1
        return written, dropped
