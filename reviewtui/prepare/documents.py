"""The documents `reviewtui print` writes, by name."""

from __future__ import annotations

from collections.abc import Callable

from docx.document import Document as DocumentType

from reviewtui.plan import Plan
from reviewtui.prepare import printing, script

BUILDERS: dict[str, Callable[[Plan], DocumentType]] = {
    "forms": printing.forms,
    "agenda": printing.agenda,
    "script": script.script,
    "signin": printing.signin,
}
KINDS = tuple(BUILDERS)


def document(plan: Plan, kind: str) -> DocumentType:
    return BUILDERS[kind](plan)
