"""A long text changed in place, journaled as its change (see `reviewtui.store.journal`).

A 100,000-character note saved 300 times journaled two full copies per save (the database grew
to 180 MB). Instead, `new` holds the new text's fingerprint and `old` the one splice that turns
the new text back into the old: the common start and end are kept, the middle replaced. Undo
checks the stored text against the fingerprint (nothing changed it since) and applies the
splice.
"""

from __future__ import annotations

import hashlib
from typing import Any

LONG = 2000  # characters, old and new together: shorter texts are journaled whole


def worth(old: Any, new: Any) -> bool:
    return isinstance(old, str) and isinstance(new, str) and len(old) + len(new) > LONG


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def encode(old: str, new: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(old, new) as the journal holds them."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0  # characters in common at the end, after `start`
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    splice = [start, len(new) - end, old[start : len(old) - end]]
    return {"$splice": splice}, {"$text": [_digest(new), len(new)]}


def encoded(value: Any) -> bool:
    return isinstance(value, dict) and ("$text" in value or "$splice" in value)


def same(current: Any, journaled: Any) -> bool:
    """Whether the stored value is the one a journal row's `new` names."""
    if isinstance(journaled, dict) and "$text" in journaled:
        digest, length = journaled["$text"]
        return isinstance(current, str) and len(current) == length and _digest(current) == digest
    return bool(current == journaled)


def decode(old: Any, current: Any) -> Any:
    """The value a journal row's `old` names, given the stored value its `new` names."""
    if isinstance(old, dict) and "$splice" in old:
        start, end, text = old["$splice"]
        return current[:start] + text + current[end:]
    return old
