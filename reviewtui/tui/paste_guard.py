"""A paste holding ESC arrives as one paste, in order, without the ESC.

Textual's terminal parser reads an ESC inside a bracketed paste (`ESC[200~ ... ESC[201~`) as the
start of a key sequence: the text after it is sent as typed keys *before* the paste event of
the text ahead of it (`AAA ␛[31m BBB` became `^[31m BBBAAA`). `PasteSafeParser` drops every ESC
between the paste's brackets before the parser sees it (the paste handlers clean the rest with
`textsafe.clean`), keeping what looks like the start of the closing bracket until the next read
completes it. `install()` makes every terminal driver use it; it changes nothing outside a paste.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._xterm_parser import XTermParser
from textual.message import Message

ESC = "\x1b"
START = "\x1b[200~"
END = "\x1b[201~"


def _partial_end(text: str) -> int:
    """How many characters at the end of `text` may begin the closing bracket."""
    for size in range(min(len(END) - 1, len(text)), 0, -1):
        if END.startswith(text[-size:]):
            return size
    return 0


class PasteSafeParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._in_paste = False
        self._held = ""  # the start of a closing bracket, split between two reads
        self._tail = ""  # the end of the last read outside a paste (an opening bracket split)

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # end of input
            held, self._held = self._held, ""
            if held:
                yield from super().feed(held.replace(ESC, ""))
            yield from super().feed("")
            return
        clean = self._guard(data)
        if clean:
            yield from super().feed(clean)

    def _guard(self, data: str) -> str:
        text, self._held = self._held + data, ""
        out: list[str] = []
        i = 0
        while i < len(text):
            if not self._in_paste:
                probe = self._tail + text[i:]
                found = probe.find(START)
                if found < 0:
                    out.append(text[i:])
                    self._tail = probe[-(len(START) - 1) :]
                    break
                end = i + found + len(START) - len(self._tail)
                out.append(text[i:end])
                i, self._tail, self._in_paste = end, "", True
            else:
                found = text.find(END, i)
                if found < 0:
                    rest = text[i:]
                    keep = _partial_end(rest)
                    if keep:
                        rest, self._held = rest[:-keep], rest[-keep:]
                    out.append(rest.replace(ESC, ""))
                    break
                out.append(text[i:found].replace(ESC, "") + END)
                i, self._in_paste = found + len(END), False
        return "".join(out)


def install() -> None:
    """Make Textual's terminal drivers read input with `PasteSafeParser`."""
    import importlib
    import sys

    names = ("win32",) if sys.platform == "win32" else ("linux_driver", "linux_inline_driver")
    for name in names:
        try:
            module = importlib.import_module(f"textual.drivers.{name}")
        except ImportError:
            continue
        if getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = PasteSafeParser  # type: ignore[attr-defined]
