"""Text that people type or files bring in: cleaned on the way in, made harmless on the way out.

- `clean()` is applied at every way in (TUI fields, pastes, session files, ballot files):
  control characters (C0, C1, DEL) and the bidi/zero-width format characters that hide text
  are removed; a line break stays only where the field is multi-line.
- `shown()` is applied to anything stored that reaches a terminal: a control character left in
  an older database is drawn as a visible escape (`\\x1b`) and never sent raw.
- `name_key()` is the identity of a name: two names that differ only by width (NFKC), white
  space or invisible characters are the same name.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and line feed, DEL, C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Zero-width and bidirectional format characters: they hide or reorder what a reader sees.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def clean(text: str, *, multiline: bool = False) -> str:
    """`text` without control or invisible characters; tabs become spaces.

    Multi-line text keeps its line breaks (`\\r\\n` and `\\r` become `\\n`); single-line text has
    each line break turned into a space, so a pasted paragraph is kept, joined, not cut.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not multiline:
        text = text.replace("\n", " ")
    return _INVISIBLE.sub("", _CONTROL.sub("", text))


def shown(text: str) -> str:
    """`text` safe for a terminal: every control character except a line break made visible."""
    if not _CONTROL_ANY.search(text.replace("\n", "")):
        return text
    return _CONTROL_ANY.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    return char if char == "\n" else f"\\x{ord(char):02x}"


def name_key(name: str) -> str:
    """The identity of a name: NFKC, no invisible characters, white space folded to one space."""
    name = unicodedata.normalize("NFKC", name)
    return _SPACES.sub(" ", _INVISIBLE.sub("", _CONTROL_ANY.sub("", name))).strip()


# Characters XML 1.0 cannot hold at all (python-docx and openpyxl refuse them): lone surrogates
# and the two noncharacters of the BMP's last block.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def for_document(text: str) -> str:
    """Stored text as a document shows it (docx, xlsx, md, csv): every text exports, whatever it
    holds. A tab becomes a space, a carriage return a line break; any other control character is
    shown as a visible escape (`a\\x01b`), as `shown()` does; what XML cannot hold is U+FFFD."""
    if text.isprintable():  # the common case: nothing to do (a line break is not printable)
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _NOT_XML.sub("\ufffd", shown(text))


# A spreadsheet evaluates a CSV cell whose text starts with one of these (=1+2, +1, -1, @SUM, or
# a tab or carriage return before any of them). Such a text cell is written with a leading
# apostrophe, which Excel, LibreOffice and WPS read as "this is text" and do not show.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """A CSV cell as written: text a spreadsheet would evaluate made plain text; numbers (a
    negative overtime, say) stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
