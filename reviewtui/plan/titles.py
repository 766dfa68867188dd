"""The default title of an agenda entry that the session file leaves untitled (测评 / Assessment).

It is fixed in the language the database was made in and stored with the item; a reader in the
other language sees it in theirs. Which stored titles are such defaults, and how they read now,
is decided here only (the plan, `amend` and every export ask this module).
"""

from __future__ import annotations

from reviewtui.i18n import CATALOG, t


def _key(kind: str) -> str:
    return f"agenda.kind.{kind}"


def default_title(kind: str) -> str:
    """The title of an untitled entry of `kind`, in the current language."""
    return t(_key(kind))


def is_default(kind: str, title: str | None) -> bool:
    """`title` is the default of its kind in either language (a unit's title is its name)."""
    return kind != "unit" and title in CATALOG.get(_key(kind), ())


def shown(kind: str, title: str) -> str:
    """A stored title as the reader sees it: a default one in the current language, one from the
    session file as written."""
    return default_title(kind) if is_default(kind, title) else title
