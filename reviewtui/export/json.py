"""The minutes JSON of SPEC section 8, with the database content's SHA-256 beside its keys."""

from __future__ import annotations

import json

from reviewtui.export.common import ProgressFn, tick
from reviewtui.minutes import Minutes, to_json


def render(minutes: Minutes, *, layout: str = "minutes", progress: ProgressFn | None = None) -> str:
    text = json.dumps(to_json(minutes), ensure_ascii=False, indent=2) + "\n"
    tick(progress, 1, 1)
    return text
