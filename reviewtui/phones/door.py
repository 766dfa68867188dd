"""The form server's door: what a request is let in with, before the desk reads it.

The bounds of a body, the per-form rate limit, the writer's gate for one commit at a time, the
same-origin check, and the shapes the desk answers with (`Reply`, a checked `Submission`). No
database and no form: `desk.py` does the reading and the saving.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewtui.assessment.forms import Value
from reviewtui.store import WriterLock

MAX_BODY = 64 * 1024  # a 40-unit, 5-item form is under 2 KB
MAX_FIELDS = 2000
TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class Gate(WriterLock):
    """The writer's lock for one commit at a time (see the module's docstring)."""

    def __init__(self, path: Path, *, shared: bool) -> None:
        super().__init__(path)
        self.shared = shared  # True: this process already holds the meeting (run's thread)

    def acquire(self) -> bool:
        return True if self.shared else super().acquire()

    def take(self, tries: int = 20, pause: float = 0.05) -> bool:
        for _ in range(tries):
            if self.acquire():
                return True
            time.sleep(pause)
        return False

    def release(self) -> None:
        if not self.shared:
            super().release()


@dataclass
class Reply:
    status: int
    body: str


@dataclass(frozen=True)
class Submission:
    """A checked form, ready to save (`Desk._save_all`)."""

    token: str
    marks: dict[tuple[str, str], Value]
    opinions: dict[str, str]
    body: bytes  # as posted: carried back on the page if it cannot be saved now


@dataclass
class Bucket:
    tokens: float
    at: float


@dataclass
class RateLimit:
    """A token bucket per key: `burst` requests at once, `rate` a second after. The key is the
    form's token (phones behind one NAT address share nothing), or the connection for a token
    that is no form. Memory stays bounded: past `keep` keys the longest idle are forgotten. The
    laptop itself (loopback) is not limited: it is the secretary's own machine, not a phone."""

    burst: float = 30.0
    rate: float = 0.5
    keep: int = 4096
    buckets: dict[str, Bucket] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic

    def allow(self, key: str, address: str = "") -> bool:
        if loopback(address or key):
            return True
        now = self.clock()
        bucket = self.buckets.pop(key, None) or Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        self.buckets[key] = bucket  # re-inserted: the dict keeps the idlest first
        while len(self.buckets) > self.keep:
            del self.buckets[next(iter(self.buckets))]
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


def loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class BadRequest(ValueError):
    """A request no page of ours sends (a name, a repeat, an encoding): the page says so."""


def well_formed(token: str) -> bool:
    return bool(token) and len(token) <= 64 and set(token) <= TOKEN_CHARS


def same_origin(origin: str | None, referer: str | None, host: str | None) -> bool:
    """Whether a submission was posted from this server's own page. Browsers send `Origin` with
    a form's POST (the pages' referrer policy keeps it); a mismatch, or "null", is another site
    posting with a token it learned. A client that sends neither is no browser page, and could
    forge either: it is let through (the token is what authorizes)."""
    if not host:
        return origin is None and referer is None
    own = f"http://{host}"
    if origin is not None:
        return origin == own
    if referer is not None:
        return referer == own or referer.startswith(own + "/")
    return True
