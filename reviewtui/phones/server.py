"""The form server of `reviewtui collect` (and of `w` on the live screen): Starlette on uvicorn.

Routes: `GET /f/TOKEN` (the form), `POST /f/TOKEN` (submit), `GET /` (how to open a form);
anything else is a page saying so (never a framework's bare error, never a 500). The body of a
POST is read up to `desk.MAX_BODY` and no further. The app does its database work in its event
loop's thread, on the connection `Desk.open` makes there at start-up (a sqlite3 connection
belongs to its thread): one request at a time, each commit short.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from reviewtui import clock
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.phones import address as net
from reviewtui.phones import guard, pages, tokens
from reviewtui.phones.desk import Desk
from reviewtui.phones.door import MAX_BODY, Reply, same_origin
from reviewtui.phones.serving import Serving, holder

if TYPE_CHECKING:
    from reviewtui.store import Store

_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # a submit carries its Origin; no token leaves the site
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
}


def _html(reply: Reply) -> HTMLResponse:
    return HTMLResponse(reply.body, status_code=reply.status, headers=_HEADERS)


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def _connection(request: Request) -> str:
    return f"{request.client.host}:{request.client.port}" if request.client else "?"


def _head_size(request: Request) -> int:
    return sum(len(name) + len(value) + 4 for name, value in request.headers.raw)


async def _body(request: Request, limit: int = MAX_BODY) -> bytes | None:
    """The request's body, or None past `limit` bytes (read no further than that)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        return None
    data = bytearray()
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            return None
    return bytes(data)


def build_app(desk: Desk) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        desk.open()
        try:
            yield
        finally:
            desk.shut()

    async def form(request: Request) -> Response:
        token = request.path_params["token"]
        try:
            if _head_size(request) > guard.HEAD_BYTES:
                return _html(desk._message(431, "too_big", "bad"))
            if request.method == "POST":
                headers = request.headers
                origin, referer = headers.get("origin"), headers.get("referer")
                if not same_origin(origin, referer, headers.get("host")):
                    return _html(desk._message(403, "foreign", "bad"))
                body = await _body(request, desk.max_body)
                client, link = _client(request), _connection(request)
                return _html(await desk.post_batched(client, token, body, link))
            return _html(desk.get(_client(request), token, _connection(request)))
        except ClientDisconnect:
            # The phone went away mid-submit (out of the room's Wi-Fi): nothing was saved and
            # nobody is there to read an answer. Not an error of the server's: say nothing.
            return Response(status_code=400)
        except Exception as exc:
            print(f"collect: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
            return _html(desk._message(503, "busy", "bad"))

    async def home(request: Request) -> Response:
        reply = desk._message(200, "home", "note")  # says only how to open a form
        return _html(reply)

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        key = "no_method" if status == 405 else "no_page"
        return _html(desk._message(status, key, "bad"))

    async def failed(request: Request, exc: Exception) -> Response:
        return _html(desk._message(503, "busy", "bad"))

    return Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/f/{token}", form, methods=["GET", "POST"]),
        ],
        exception_handlers={HTTPException: not_found, Exception: failed},
        lifespan=lifespan,
    )


# ------------------------------------------------------------------------------------------------
# Running it


def uvicorn_server(desk: Desk, host: str, port: int, title: str = "") -> object:
    """The server of `desk` on host:port; `title` heads the page a connection is refused with."""
    import uvicorn

    # No `limit_concurrency`: past it uvicorn answers a bare English 503, and a room's rush is
    # to be served, not refused. What bounds the connections is `guard` (see its docstring).
    full = pages.message(title, t("phones.msg.full"), t("phones.msg.full.text"), "bad")
    config = uvicorn.Config(
        build_app(desk),
        host=host,
        port=port,
        http=guard.guarded(full),
        log_level="warning",
        access_log=False,  # an access log would hold every token
        lifespan="on",
        timeout_keep_alive=20,  # long enough that a busy server never races a phone's next request
        timeout_graceful_shutdown=1,  # a way out is bounded (reviewtui.way_out)
        h11_max_incomplete_event_size=guard.HEAD_BYTES,
        server_header=False,
        backlog=2048,  # a room submitting at once: queued by the kernel, not dropped
    )
    return uvicorn.Server(config)


class Background:
    """The server in a thread of the `run` process (the live screen's `w`): its own connection,
    the process's writer lock shared."""

    def __init__(self, path: Path, host: str, port: int, title: str = "") -> None:
        self.desk = Desk(path, shared=True)
        self.host, self.port = host, port
        self.server = uvicorn_server(self.desk, host, port, title)
        self.thread = threading.Thread(target=self.server.run, name="collect", daemon=True)  # type: ignore[attr-defined]

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.desk.close()
        self.server.should_exit = True  # type: ignore[attr-defined]
        self.thread.join(timeout=5)


def counts_line(counts: list[tokens.Returned]) -> str:
    parts = [t("phones.count_part", group=c.group, returned=c.returned, issued=c.issued,
               phone=c.by_phone) for c in counts]  # fmt: skip
    return t("phones.counts", parts=t("phones.count_sep").join(parts))


def collect_command(
    session: str,
    db: str | None,
    bind: str | None,
    port: int | None,
    say: Callable[[str], None],
) -> None:
    """`reviewtui collect`: serve the phone forms until ctrl+c, printing the counts as forms
    come in. Refuses while `run` (or another writer) holds the meeting."""
    from reviewtui.store import open_session, resolve

    try:
        host = net.check_address(bind) if bind else None
        if port is not None:
            net.check_port(port)
    except ValueError:
        raise UserError(t("phones.bad_address", address=bind, port=port)) from None
    from reviewtui.phones import serving

    # This side's lock first, then the writer's (phones/serving.py): of `run` and `collect`
    # starting at once, one sees the other.
    target = resolve(session, db)
    serves = Serving.take(target.db, "collect") if target.db.exists() else None
    if serves is None and target.db.exists():
        raise UserError(serving.refusal(holder(target.db), "phones.already_serving"))
    try:
        store = open_session(session, db, write=True)  # refuses while `run` holds it; upgrades
        try:
            path = store.path
            host, chosen, notes = serving_address(store, host, port, session)
            title = store.plan.meeting.title
        finally:
            store.close()
        for note in notes:
            say(note)
        check_port_free(host, chosen)
        url = serving_url(host, chosen)
        assert serves is not None  # a database made just now has no tokens: refused above
        serves.announce(url)

        def refused(key: str) -> None:
            say(t("phones.cannot_save", time=clock.now().strftime("%H:%M:%S"),
                  why=t(f"phones.why.{key}")))  # fmt: skip

        desk = Desk(path, on_saved=lambda counts: say(counts_line(counts)), on_refused=refused)
        server = uvicorn_server(desk, host, chosen, title)
        say(t("phones.serving", url=url, address=host, port=chosen))
        say(t("phones.stop_hint"))
        _run_printing_counts(server, desk, say)
        say(t("phones.stopped"))
    finally:
        if serves is not None:
            serves.release()


def serving_address(
    store: Store, host: str | None, port: int | None, session: object
) -> tuple[str, int, list[str]]:
    """Where the phone forms of `store` are served (`collect` and the live screen's `w` alike):
    refused while no token is active; else `choose_address` against the printed codes."""
    if not tokens.active_count(store):
        raise UserError(t("phones.no_tokens", session=session))
    return choose_address(host, port, tokens.served_at(store))


def serving_url(host: str, port: int) -> str:
    return f"http://{pages_host(host)}:{port}/"


def choose_address(
    host: str | None, port: int | None, printed: tuple[str, int] | None
) -> tuple[str, int, list[str]]:
    """Where to serve: what was asked, else where the QR codes point, else the LAN address;
    with a warning when the phones' codes point elsewhere (or there is no network)."""
    notes: list[str] = []
    if host is None and printed is not None:
        host = printed[0]
    if host is None:
        host, fallback = net.default_address()
        if fallback:
            notes.append(t("phones.no_lan"))
    if port is None:
        port = printed[1] if printed is not None else net.DEFAULT_PORT
    if printed is not None and printed != (host, port):
        notes.append(t("phones.not_printed_address", address=host, port=port,
                       printed=f"{printed[0]}:{printed[1]}"))  # fmt: skip
    return host, port, notes


def _run_printing_counts(server: object, desk: Desk, say: Callable[[str], None]) -> None:
    import uvicorn

    assert isinstance(server, uvicorn.Server)
    original = desk.open

    def open_and_say() -> None:
        original()
        say(counts_line(desk.counts()))

    desk.open = open_and_say  # type: ignore[method-assign]
    # Every way out is bounded (SPEC 5): SIGHUP (the terminal closed) and a closed Windows
    # console stop the server like ctrl+c; any of them, and uvicorn's own SIGINT and SIGTERM,
    # start the watchdog that ends the process if the shutdown waits (a phone's connection, a
    # terminal that no longer takes output).
    from reviewtui.way_out import WayOut

    way_out = WayOut(lambda: setattr(server, "should_exit", True))
    way_out.install()
    uvicorn_exit = server.handle_exit

    def handle_exit(sig: int, frame: FrameType | None) -> None:
        way_out.arm()
        uvicorn_exit(sig, frame)

    server.handle_exit = handle_exit  # type: ignore[method-assign]
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn raises it again once shut down
        server.run()


def check_port_free(host: str, port: int) -> None:
    """Say plainly when the address cannot be served (taken, or not this machine's)."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
    except OSError as exc:
        raise UserError(
            t("phones.cannot_bind", address=host, port=port, reason=exc.strerror or exc)
        ) from None
    finally:
        probe.close()


def pages_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


__all__ = ["Background", "build_app", "collect_command", "counts_line", "pages"]
