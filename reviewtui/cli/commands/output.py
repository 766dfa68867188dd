"""Output of every command: plain lines and Rich renderables on stdout, made safe for a terminal.

Everything printed that came from a session file, a ballot file or a database goes through
`textsafe.shown()` (`say`, `show`), so stored text never sends a terminal escape raw. A failed
write to stdout becomes `OutputFailed` (exit 2); a closed pipe is left to `cli.fast.guarded`.
Nothing heavy at the top: `results --json` never loads Rich.
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import shown

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

T = TypeVar("T")


class OutputFailed(UserError):
    """stdout cannot be written (a full disk, an I/O error): bad circumstances, not a bug."""


def guard_output(write: Callable[[], T]) -> T:
    """Run a write to stdout; a broken pipe stays a BrokenPipeError, other failures say so."""
    try:
        return write()
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise BrokenPipeError(*exc.args) from None
        from reviewtui.output import reason

        raise OutputFailed(t("cli.output_failed", reason=reason(exc))) from None


def tell(notices: list[str]) -> None:
    """What the store says the user must know (an upgrade, an older session file), on stderr
    so that stdout stays the command's output."""
    for line in notices:
        print(shown(line), file=sys.stderr, flush=True)
    notices.clear()


def say(text: str) -> None:
    """One line of plain text on stdout, made safe for a terminal."""

    def write() -> None:
        sys.stdout.write(shown(text) + "\n")
        sys.stdout.flush()

    guard_output(write)


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    class QuietConsole(Console):
        def on_broken_pipe(self) -> None:
            # Rich's own answer is exit 1; a reader that stopped reading is no error (guarded).
            raise BrokenPipeError

    return QuietConsole(stderr=stderr, highlight=False, soft_wrap=True)


def show(renderable: RenderableType) -> None:
    """A Rich renderable on stdout. Rich keeps its own styles apart from the text (segments), so
    the text alone is made safe: a stored escape sequence is drawn, never sent."""
    from rich.segment import Segment, Segments

    console = _console()
    options = console.options.update(no_wrap=True, overflow="ignore")  # as print(soft_wrap)
    segments = [
        segment if segment.control else Segment(shown(segment.text), segment.style)
        for segment in console.render(renderable, options)
    ]
    guard_output(lambda: console.print(Segments(segments)))


def _json_text(data: object) -> str:
    """JSON for a terminal or a pipe: json escapes C0 controls itself; DEL and C1 controls
    (0x9b is a CSI) are escaped too, which changes no value."""
    import json

    return _escape_c1(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# What a text document may hold besides printable text: tabs and line ends (CSV ends its rows
# with \r\n); a lone \r would let a row overwrite the one before it on a terminal.
_DOCUMENT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def shown_document(text: str) -> str:
    """A text export safe for a terminal: `shown()`, but tabs and line ends are the document's."""
    return _DOCUMENT_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def _escape_c1(json_text: str) -> str:
    """JSON text with DEL and C1 controls written as \\u escapes (only strings hold them)."""
    return re.sub("[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", json_text)
