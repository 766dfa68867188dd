"""What a printed form carries for a machine to read it back (SPEC 10), shared by `print forms`
(which draws it) and `ballots scan` (which looks for it): no heavy import here.

- Four solid squares near the page's corners (fiducials) fix the page: their outer corners are
  at known places of the A4 sheet, so a scan or a photo is brought back to the sheet's shape.
- A small QR code in the top margin holds `RVT1:<meeting key>:<serial>`: the form's serial and
  which meeting printed it, never a phone form's token (that one is the other, larger code).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from reviewtui.plan import Plan

PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
FIDUCIAL = 7.0  # side of a corner square, mm
FIDUCIAL_INSET = 10.0  # from the sheet's edge to the square's outer corner, mm
# The serial's code: top left, in the top margin (37 mm), clear of the corner square.
CODE_X, CODE_Y, CODE_SIZE = 22.0, 9.0, 17.0

PREFIX = "RVT1"
_PAYLOAD = re.compile(r"RVT1:([0-9A-F]{8}):([A-Z]{1,6}[0-9]{1,6})")


def fiducial_origins() -> list[tuple[float, float]]:
    """Top-left corner of each square, mm: top left, top right, bottom right, bottom left."""
    near, far_x, far_y = FIDUCIAL_INSET, PAGE_W - FIDUCIAL_INSET, PAGE_H - FIDUCIAL_INSET
    return [
        (near, near),
        (far_x - FIDUCIAL, near),
        (far_x - FIDUCIAL, far_y - FIDUCIAL),
        (near, far_y - FIDUCIAL),
    ]


def outer_corners() -> list[tuple[float, float]]:
    """Each square's corner nearest its sheet corner, mm, in the same order."""
    near, far_x, far_y = FIDUCIAL_INSET, PAGE_W - FIDUCIAL_INSET, PAGE_H - FIDUCIAL_INSET
    return [(near, near), (far_x, near), (far_x, far_y), (near, far_y)]


def meeting_key(plan: Plan) -> str:
    """Eight hex digits naming the meeting (its title and date): a form of another meeting is
    told apart. Upper case, so the QR code stays in its compact alphanumeric mode."""
    text = f"{plan.meeting.title}\n{plan.meeting.date}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8].upper()


def payload(plan: Plan, serial: str) -> str:
    return f"{PREFIX}:{meeting_key(plan)}:{serial.upper()}"


@dataclass(frozen=True)
class Payload:
    key: str
    serial: str


def parse(text: str) -> Payload | None:
    """The meeting key and serial of a code's text; None for any other code."""
    match = _PAYLOAD.fullmatch(text.strip().upper())
    return Payload(match.group(1), match.group(2)) if match else None
