"""The session file's text: reading it safely, parsing its TOML, and finding a key's line.

tomllib keeps no positions, so a light scan of the text maps key paths to line numbers, and
tomllib's messages are said in the user's language.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from reviewtui.files import MB, read_bounded, regular_file_problem
from reviewtui.i18n import t
from reviewtui.plan.errors import PlanError, PlanInvalid

MAX_SESSION_BYTES = 1 * MB  # the 2017 meeting with comments is about 10 KB


def read_source(path: Path) -> tuple[str | None, list[PlanError]]:
    """The file's text (UTF-8, a BOM allowed), or the errors that prevent reading it."""
    problem = regular_file_problem(path, MAX_SESSION_BYTES)
    if problem:
        return None, [PlanError("", _strip_path(problem, path))]
    try:
        raw = read_bounded(path, MAX_SESSION_BYTES)
    except ValueError as exc:
        return None, [PlanError("", _strip_path(str(exc), path))]
    except OSError as exc:
        message = t("file.unreadable", path=path, reason=exc.strerror)
        return None, [PlanError("", _strip_path(message, path))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = t("file.not_utf8", path=path, line=line)
        return None, [PlanError("", _strip_path(message, path), line)]
    if not text.strip():
        return None, [PlanError("", _strip_path(t("file.empty", path=path), path))]
    return text, []


def _strip_path(message: str, path: Path) -> str:
    """Catalog file messages start with "{path}:"; PlanError adds the path itself.

    Only the path itself is cut, so a path with a colon in it stays whole.
    """
    prefix = str(path)
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix) :]
    return (rest[1:] if rest[:1] in (":", "：") else rest).strip()


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_AT_END = "(at end of document)"

# tomllib's messages (Python 3.11–3.13), to say them in the user's language; one that is not
# here is shown as tomllib says it.
_TOML_MESSAGES = (
    (r"Cannot overwrite a value", "toml.overwrite"),
    (r"Unescaped '\\' in a string", "toml.backslash"),
    (r"Cannot mutate immutable namespace (?P<key>.+)", "toml.immutable"),
    (r"Unterminated string", "toml.unterminated"),
    (r"Unclosed inline table", "toml.unclosed_table"),
    (r"Unclosed array", "toml.unclosed_array"),
    (r"Invalid value", "toml.invalid_value"),
    (r"Invalid statement", "toml.invalid_statement"),
    (r"Invalid initial character for a key part", "toml.key_start"),
    (r"Invalid hex value", "toml.hex"),
    (r"Invalid date or datetime", "toml.date"),
    (r"Illegal character '\\n'", "toml.unterminated"),  # a string runs to the line's end
    (r"Illegal character (?P<char>.+)", "toml.illegal"),
    (r"Found invalid character (?P<char>.+)", "toml.invalid_char"),
    (r"Expected '\]\]' at the end of an array declaration", "toml.expected_aot_end"),
    (r"Expected '\]' at the end of a table declaration", "toml.expected_table_end"),
    (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
    (r"Expected (?P<what>.+)", "toml.expected"),
    (r"Escaped character is not a Unicode scalar value", "toml.escape"),
    (r"Duplicate inline table key (?P<key>.+)", "toml.duplicate_inline"),
    (r"Cannot redefine namespace (?P<key>.+)", "toml.redefine"),
    (r"Cannot declare (?P<key>.+) twice", "toml.twice"),
)


def _toml_detail(message: str) -> str:
    # Matched only when a file has a syntax error: compiling them at import cost every command
    # ~10 ms of its start.
    for pattern, key in _TOML_MESSAGES:
        found = re.fullmatch(pattern, message)
        if found:
            return t(key, **found.groupdict())
    return message


def parse_toml(text: str, path: str) -> dict[str, Any]:
    """The TOML document, or PlanInvalid saying where its syntax is wrong."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        # Arrays or tables nested thousands deep: tomllib recurses once per level.
        raise PlanInvalid(path, [PlanError("", t("plan.too_deep"))]) from None
    except ValueError as exc:
        if isinstance(exc, tomllib.TOMLDecodeError):
            raise _syntax(exc, text, path) from None
        # An integer of thousands of digits: Python refuses to convert it (CVE-2020-10735).
        raise PlanInvalid(path, [PlanError("", t("plan.too_big_number"))]) from None


def _syntax(exc: tomllib.TOMLDecodeError, text: str, path: str) -> PlanInvalid:
    match = _TOML_LINE.search(str(exc))
    line = int(match.group(1)) if match else None
    message = _TOML_LINE.sub("", str(exc)).strip()
    at_end = message.endswith(_TOML_AT_END)
    detail = _toml_detail(message.removesuffix(_TOML_AT_END).strip())
    if match:
        detail += t("plan.toml_column", column=match.group(2))
    elif at_end:
        detail += t("plan.toml_at_end")
        line = max(1, len(text.splitlines()))
    error = PlanError("", t("plan.toml_syntax", detail=detail), line)
    return PlanInvalid(path, [error])


class KeyLines:
    """Key path -> the line it is written on, from a light scan of the TOML text."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=\s*(.*)$""")
    _INLINE_KEY = re.compile(r"""([A-Za-z0-9_\-]+)\s*=""")

    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        prefix = ""
        array_key: str | None = None  # inside a multi-line array value
        element = -1
        quotes: str | None = None  # inside a multi-line string: its closing quotes
        for number, line in enumerate(text.splitlines(), start=1):
            if quotes is not None:  # a string's text, never a key or a header
                if _closes_string(line, quotes):
                    quotes = None
                continue
            if array_key is not None:
                if "{" in line:
                    element += 1
                    base = f"{array_key}[{element}]"
                    self.lines.setdefault(base, number)
                    for key in self._INLINE_KEY.findall(line):
                        self.lines.setdefault(f"{base}.{key}", number)
                if line.strip().startswith("]"):
                    array_key = None
                continue
            header = self._HEADER.match(line)
            if header:
                name = header.group(2).strip()
                if header.group(1) == "[[":
                    index = counters.get(name, -1) + 1
                    counters[name] = index
                    prefix = f"{name}[{index}]"
                else:
                    prefix = name
                self.lines.setdefault(prefix, number)
                continue
            key = self._KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                full = f"{prefix}.{name}" if prefix else name
                self.lines.setdefault(full, number)
                value = key.group(2).strip()
                opening = value[:3]
                if opening in ('"""', "'''") and not _closes_string(value[3:], opening):
                    quotes = opening
                elif value.startswith("[") and not _closes(value):
                    array_key, element = full, -1
                elif value.startswith("["):
                    for index, chunk in enumerate(value.split("{")[1:]):
                        self.lines.setdefault(f"{full}[{index}]", number)
                        for inner in self._INLINE_KEY.findall(chunk):
                            self.lines.setdefault(f"{full}[{index}].{inner}", number)

    def find(self, key: str) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", key)
            if parent == key:
                break
            key = parent
        return None


def _closes_string(rest: str, quotes: str) -> bool:
    """Whether a multi-line string ends on this line (`rest`: what follows its opening)."""
    if quotes == "'''":  # a literal string: no escapes
        return quotes in rest
    return re.search(r'(?<!\\)(?:\\\\)*"""', rest) is not None


def _closes(value: str) -> bool:
    depth = 0
    for char in value.split("#", 1)[0]:
        depth += char == "["
        depth -= char == "]"
    return depth <= 0
