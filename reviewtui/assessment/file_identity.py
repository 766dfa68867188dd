"""Which meeting a ballot file comes from (issue 30.8).

`ballots export` writes, above the SPEC columns' header, one line naming the meeting:
`#reviewtui-meeting,ID,TITLE`. A file without it (a hand-made CSV, a scanner's) imports as
always; one with it whose ID is not this meeting's is refused unless the user says it is meant
(`--other-meeting`): the same units in another meeting's file would otherwise import silently.
The ID names the meeting by its date and title: the second laptop's database (a copy, or one
made from the same session file) has the same; last year's meeting, or another district's with
the same units, has not.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.textsafe import shown

MARK = "#reviewtui-meeting"


def meeting_id(store: Store) -> str:
    """The meeting's identity: its date and title (see the module's docstring)."""
    meeting = store.plan.meeting
    return hashlib.sha256(f"{meeting.date}\n{meeting.title}".encode()).hexdigest()[:16]


def header_row(store: Store) -> list[str]:
    return [MARK, meeting_id(store), store.plan.meeting.title]


def found(rows: Sequence[Sequence[object]]) -> tuple[str, str] | None:
    """(ID, title) of the file's identity line, if it has one (before any other line)."""
    for cells in rows:
        texts = [str(c).strip() if c is not None else "" for c in cells]
        if not any(texts):
            continue
        if texts[0].lstrip("\ufeff") != MARK:
            return None
        return (texts[1] if len(texts) > 1 else ""), (texts[2] if len(texts) > 2 else "")
    return None


def check(store: Store, path: Path, rows: Sequence[Sequence[object]], *, other: bool) -> None:
    """Refuse (UserError) a file exported from another meeting, unless `other`."""
    identity = found(rows)
    if identity is None or other or identity[0] == meeting_id(store):
        return
    raise UserError(
        t("import.other_meeting", path=path, title=shown(identity[1]),
          ours=store.plan.meeting.title)
    )  # fmt: skip
