"""The laptop's address on the room's network, offered for the QR codes and the form server.

The LAN address is the one the system would send from: a UDP socket "connected" to an outside
address picks the route and the source address without sending a single packet. Without a
network (no route), the loopback address is all there is, and the caller warns about it.
"""

from __future__ import annotations

import ipaddress
import socket

DEFAULT_PORT = 8765
LOOPBACK = "127.0.0.1"
_PROBE = ("192.0.2.1", 9)  # TEST-NET-1 (RFC 5737), discard port: connect() sends nothing


def lan_address() -> str | None:
    """This machine's address on its default route, or None when it has none."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(_PROBE)  # UDP: only chooses the route, no packet leaves
        found = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    if found in ("0.0.0.0", "") or ipaddress.ip_address(found).is_loopback:
        return None
    return found


def default_address() -> tuple[str, bool]:
    """(address, is_fallback): the LAN address, or 127.0.0.1 and True when there is none."""
    found = lan_address()
    return (found, False) if found else (LOOPBACK, True)


def form_url(address: str, port: int, token: str) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/f/{token}"


def check_address(text: str) -> str:
    """An address to bind or print: a literal IP address (ValueError otherwise)."""
    return str(ipaddress.ip_address(text.strip()))


def check_port(value: int) -> int:
    if not 1 <= value <= 65535:
        raise ValueError(value)
    return value
