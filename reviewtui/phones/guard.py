"""The form server's connections, guarded so that one device cannot block the room.

uvicorn's h11 protocol, with what a room of phones on one Wi-Fi (often behind one NAT address)
needs and uvicorn does not do:

- A connection that has not sent a whole request head within `HEAD_SECONDS` is closed (a phone
  sends its head in milliseconds; a silent or trickling connection holds a slot for nothing).
- A request head over `HEAD_BYTES` is refused even when it arrives in one piece (h11 bounds
  only a head still incomplete).
- Idle connections (no request under way) are bounded per address and in all: past the bound
  the one idle longest is closed, so fresh requests are always served and a flood of half-open
  connections from one address only ever evicts its own.
- Nothing is refused for being busy: requests queue (the server answers them one by one and
  each is short), so a rush of a whole room is served rather than turned away.

Every refusal at this level is a page in the meeting's language (`refusal`), never a bare
"Service Unavailable".
"""

from __future__ import annotations

import asyncio
import sys
from collections import OrderedDict
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 10.0
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
    """The idle connections of one server, oldest first, and per address."""

    def __init__(self) -> None:
        self.all: OrderedDict[GuardedProtocol, str] = OrderedDict()
        self.by_address: dict[str, OrderedDict[GuardedProtocol, None]] = {}

    def add(self, conn: GuardedProtocol, address: str) -> None:
        self.all[conn] = address
        self.by_address.setdefault(address, OrderedDict())[conn] = None

    def remove(self, conn: GuardedProtocol) -> None:
        address = self.all.pop(conn, None)
        if address is None:
            return
        mine = self.by_address.get(address)
        if mine is not None:
            mine.pop(conn, None)
            if not mine:
                del self.by_address[address]

    def oldest(self, address: str | None = None) -> GuardedProtocol | None:
        if address is None:
            return next(iter(self.all), None)
        mine = self.by_address.get(address)
        return next(iter(mine), None) if mine else None

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
        while idle.count(self._address) >= IDLE_PER_ADDRESS:
            self._evict(idle.oldest(self._address))
        while len(self.connections) > self.cap:
            victim = idle.oldest()
            if victim is None:  # every connection is busy: this one waits its turn elsewhere
                self._refuse()
                return
            self._evict(victim)
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
        self._idle().add(self, self._address)
        self._cancel_timer()
        self._timer = self.loop.call_later(HEAD_SECONDS, self._too_slow)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _evict(self, victim: GuardedProtocol | None) -> None:
        if victim is None:
            return
        self._idle().remove(victim)
        victim._cancel_timer()
        victim.transport.close()

    def _too_slow(self) -> None:
        self._timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._idle().remove(self)
            self.transport.close()

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
            if end >= 0:
                self._idle().remove(self)
                self._cancel_timer()
            else:
                self._head_seen += len(data)
                self._tail = seen[-(len(_END_OF_HEAD) - 1) :]
        super().data_received(data)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._wait_for_head()  # keep-alive: idle again until the next head

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
