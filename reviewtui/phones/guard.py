"""The form server's connections, guarded so that one device cannot block the room.

uvicorn's h11 protocol, with what a room of phones on one Wi-Fi (often behind one NAT address)
needs and uvicorn does not do:

- A connection that has not sent a whole request head within `HEAD_SECONDS` is closed (a phone
  sends its head in milliseconds; a silent or trickling connection holds a slot for nothing).
- A request head over `HEAD_BYTES` is refused even when it arrives in one piece (h11 bounds
  only a head still incomplete).
- Fresh connections that have sent nothing for over `GRACE_SECONDS` are bounded per address
  and in all: past the bound the one silent longest is closed, so fresh requests are always
  served and a flood of half-open connections from one address only ever evicts its own. A
  connection kept alive between two requests is not evicted (a phone may be sending its next
  request on it; uvicorn's keep-alive timeout bounds it), nor is one just made (in a rush its
  head may still wait in the socket while the server answers others: a room behind one NAT
  address is a rush from one address).
- Nothing is refused for being busy: requests queue (the server answers them one by one and
  each is short), so a rush of a whole room is served rather than turned away.

Every refusal at this level is a page in the meeting's language (`refusal`), never a bare
"Service Unavailable".
"""

from __future__ import annotations

import asyncio
import select
import sys
from collections import OrderedDict
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 10.0
GRACE_SECONDS = 1.0
HEAD_BYTES = 16 * 1024
IDLE_PER_ADDRESS = 32
_END_OF_HEAD = b"\r\n\r\n"


def connection_cap() -> int:
    """How many connections to hold at most: well under the process's file limit."""
    if sys.platform == "win32":
        return 500
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY:
        return 2000
    return max(64, min(2000, soft - 128))


class Idle:
    """The idle connections of one server, oldest first, and per address, with since when."""

    def __init__(self) -> None:
        self.all: OrderedDict[GuardedProtocol, tuple[str, float]] = OrderedDict()
        self.by_address: dict[str, OrderedDict[GuardedProtocol, float]] = {}

    def add(self, conn: GuardedProtocol, address: str, since: float) -> None:
        self.all[conn] = (address, since)
        self.by_address.setdefault(address, OrderedDict())[conn] = since

    def remove(self, conn: GuardedProtocol) -> None:
        found = self.all.pop(conn, None)
        if found is None:
            return
        mine = self.by_address.get(found[0])
        if mine is not None:
            mine.pop(conn, None)
            if not mine:
                del self.by_address[found[0]]

    def oldest(self, before: float, address: str | None = None) -> GuardedProtocol | None:
        """The connection idle longest, if it has been idle since `before` or earlier."""
        if address is None:
            conn = next(iter(self.all), None)
            return conn if conn is not None and self.all[conn][1] <= before else None
        mine = self.by_address.get(address)
        conn = next(iter(mine), None) if mine else None
        return conn if conn is not None and mine is not None and mine[conn] <= before else None

    def count(self, address: str) -> int:
        return len(self.by_address.get(address, ()))


class GuardedProtocol(H11Protocol):
    """See the module's docstring. `refusal` is set per server (`guarded`)."""

    refusal: bytes = b""
    cap: int = 1000

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_seen = 0
        self._tail = b""
        self._timer: asyncio.TimerHandle | None = None
        self._address = self.client[0] if self.client else "?"
        idle = self._idle()
        before = self.loop.time() - GRACE_SECONDS
        while idle.count(self._address) >= IDLE_PER_ADDRESS:
            victim = idle.oldest(before, self._address)
            if victim is None:
                break
            self._evict(victim)
        while len(self.connections) > self.cap:
            victim = idle.oldest(before)
            if victim is None:  # none idle long enough to close: refuse this one, with a page
                self._refuse()
                return
            self._evict(victim)
        self._idle().add(self, self._address, self.loop.time())
        self._wait_for_head()

    def _idle(self) -> Idle:
        state: Any = self.server_state
        found = getattr(state, "reviewtui_idle", None)
        if found is None:
            found = Idle()
            state.reviewtui_idle = found
        return found

    def _wait_for_head(self) -> None:
        self._head_seen, self._tail = 0, b""
        self._cancel_timer()
        self._timer = self.loop.call_later(HEAD_SECONDS, self._too_slow)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _evict(self, victim: GuardedProtocol) -> None:
        self._idle().remove(victim)
        if victim._unread():  # not idle after all: its request waits to be read
            return
        victim._cancel_timer()
        victim.transport.close()

    def _too_slow(self) -> None:
        self._timer = None
        if self.conn.their_state is not h11.IDLE or self.transport.is_closing():
            return
        if self._unread():  # the server is the slow one: its head is there, unread
            self._timer = self.loop.call_later(GRACE_SECONDS, self._too_slow)
            return
        self._idle().remove(self)
        self.transport.close()

    def timeout_keep_alive_handler(self) -> None:
        """uvicorn's keep-alive timeout, but never over a request already sent and not yet
        read (a busy server reads late: closing then loses a phone's submit)."""
        if self._unread():
            self.timeout_keep_alive_task = self.loop.call_later(
                GRACE_SECONDS, self.timeout_keep_alive_handler
            )
            return
        super().timeout_keep_alive_handler()

    def _unread(self) -> bool:
        """Whether the socket holds bytes (or the peer's close) the server has not read yet."""
        sock = self.transport.get_extra_info("socket")
        if sock is None:
            return False
        try:
            ready, _, _ = select.select([sock.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return bool(ready)

    def _refuse(self) -> None:
        self._idle().remove(self)
        self._cancel_timer()
        if not self.transport.is_closing():
            self.transport.write(self.refusal)
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state is h11.IDLE:
            # Still reading a request's head: find its end, and refuse one over the limit.
            seen = self._tail + data
            end = seen.find(_END_OF_HEAD)
            before = self._head_seen - len(self._tail)  # bytes of the head before `seen`
            size = before + (end + len(_END_OF_HEAD) if end >= 0 else len(seen))
            if size > HEAD_BYTES:
                self._refuse()
                return
            self._idle().remove(self)  # it spoke: no longer a fresh, silent connection
            if end >= 0:
                self._cancel_timer()
            else:
                self._head_seen += len(data)
                self._tail = seen[-(len(_END_OF_HEAD) - 1) :]
                if self._timer is None:  # a head begun on a kept-alive connection: bounded too
                    self._timer = self.loop.call_later(HEAD_SECONDS, self._too_slow)
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._head_seen, self._tail = 0, b""  # kept alive: uvicorn's own timeout bounds it

    def connection_lost(self, exc: Exception | None) -> None:
        self._idle().remove(self)
        self._cancel_timer()
        super().connection_lost(exc)


def guarded(refusal_page: str, status: int = 503) -> type[GuardedProtocol]:
    """A protocol class for one server, its refusal page in the meeting's language."""
    body = refusal_page.encode("utf-8")
    head = (
        f"HTTP/1.1 {status} Refused\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: no-store\r\nConnection: close\r\nRetry-After: 2\r\n\r\n"
    ).encode("ascii")
    return type(
        "RoomProtocol", (GuardedProtocol,), {"refusal": head + body, "cap": connection_cap()}
    )
