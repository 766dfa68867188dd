"""The meeting's language: recorded in `meta` (key `lang`) when its database is created, so its
documents and results read in it wherever they are exported (SPEC 4).

A database is created in the language asked for (`--lang`), else in the language of its plan's
text: Chinese characters in the meeting's title make it a Chinese meeting, whatever the
laptop's locale. A database of an earlier release, which recorded none, is read the same way.
`speak` makes the meeting's language the current one unless `--lang` chose another (the
meeting's screens); `in_language` only while a document or the results are made, so messages
to the user stay in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reviewtui import i18n

if TYPE_CHECKING:
    from reviewtui.plan import Plan
    from reviewtui.store.database import Store
    from reviewtui.store.journal import Tx

KEY = "lang"
# Chinese characters (CJK ext. A, unified, compatibility). A scan, not a regex: compiling this
# character class cost 1.5 ms of every start of `run`, for one short title.
_HAN = (("\u3400", "\u9fff"), ("\uf900", "\ufaff"))


def text_language(plan: Plan) -> str:
    """zh when the meeting's title has Chinese characters; otherwise en."""
    title = plan.meeting.title
    return "zh" if any(low <= c <= high for c in title for low, high in _HAN) else "en"


def record(tx: Tx, plan: Plan) -> None:
    """At creation: the language asked for, else the plan's."""
    tx.set_meta(KEY, i18n.get_lang() if i18n.asked() else text_language(plan))


def meeting_language(store: Store) -> str:
    stored = store.meta(KEY)
    return stored if stored in i18n.LANGS else text_language(store.plan)


def speak(store: Store) -> None:
    """Documents, results and screens in the meeting's language, unless `--lang` said."""
    if not i18n.asked():
        i18n.set_lang(meeting_language(store), asked=False)


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """`lang` while the block runs (unless `--lang` said otherwise), then the user's again."""
    before, was_asked = i18n.get_lang(), i18n.asked()
    if not was_asked:
        i18n.set_lang(lang, asked=False)
    try:
        yield
    finally:
        i18n.set_lang(before, asked=was_asked)
