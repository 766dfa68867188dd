"""`w` on the live screen's assessment item: the phone form server inside the `run` process.

The server (`reviewtui.phones.server.Background`) runs in a thread of this process with its own
database connection; this process already holds the meeting's writer lock, so the server's
commits and the screen's are ordered by SQLite's own locking. The screen shows the address and
the forms returned of issued per group, never a grade. `w` again closes the collection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.phones import tokens

if TYPE_CHECKING:
    from reviewtui.phones.server import Background
    from reviewtui.phones.serving import Serving
    from reviewtui.store import Store


class Collector:
    """The one form server of a `run` process, started and stopped from the live screen."""

    def __init__(self) -> None:
        self.server: Background | None = None
        self.serving: Serving | None = None
        self.url = ""
        self.notes: list[str] = []  # what the secretary is told on starting (no network…)

    @property
    def running(self) -> bool:
        return self.server is not None

    def start(self, store: Store, host: str | None = None, port: int | None = None) -> str:
        """Serve the phone forms; returns the address. UserError when it cannot."""
        from reviewtui.phones import serving
        from reviewtui.phones.server import (
            Background,
            check_port_free,
            serving_address,
            serving_url,
        )

        host, chosen, self.notes = serving_address(store, host, port, store.path)
        check_port_free(host, chosen)
        serves = serving.Serving.take(store.path, "run")
        if serves is None:  # a `collect` started after this `run` (it is refused; a race)
            raise UserError(serving.refusal(serving.holder(store.path), "phones.already_serving"))
        self.url = serving_url(host, chosen)
        serves.announce(self.url)
        self.serving = serves
        self.server = Background(store.path, host, chosen, store.plan.meeting.title)
        self.server.start()
        return self.url

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self.serving is not None:
            self.serving.release()
            self.serving = None

    def status(self, store: Store) -> str:
        """What the assessment item's line adds while collecting: address and counts."""
        if self.server is None:
            return ""
        parts = [
            t("phones.count_part", group=c.group, returned=c.returned, issued=c.issued,
              phone=c.by_phone)
            for c in tokens.counts(store)
        ]  # fmt: skip
        return t("phones.live_status", url=self.url, parts=t("phones.count_sep").join(parts))
