"""The pages of the files given to `ballots scan`: PDF (as a copier writes it), JPEG or PNG."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from reviewtui.errors import UserError
from reviewtui.i18n import t

# A file OpenCV cannot decode is named in our own message; its log lines on stderr
# ("[ERROR:0@0.024] global grfmt_png.cpp:297 readHeader …") would only alarm the secretary.
cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_SILENT)

PDF_DPI = 200  # enough for a 0.3 mm pen line and the serial's code
MAX_SIDE = 2600  # a phone's 12-megapixel photo is brought down to this many pixels


@dataclass(frozen=True)
class Page:
    file: str  # the file's name, as the secretary gave it
    number: int  # 1-based
    sha256: str  # of the page's pixels (a PDF) or of the image file
    image: np.ndarray  # grey, uint8


def count(path: Path) -> int:
    """How many pages a file has (for the progress bar), or raises UserError."""
    if path.suffix.lower() == ".pdf":
        return len(_pdf(path))
    if path.suffix.lower() not in (".jpg", ".jpeg", ".png"):
        raise UserError(t("scan.bad_kind", path=path))
    if not path.is_file():
        raise UserError(t("file.missing", path=path))
    return 1


def read(path: Path) -> Iterator[Page]:
    """Every page of `path`, in order. Raises UserError for a file that is missing, of another
    kind or unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        document = _pdf(path)
        try:
            for index in range(len(document)):
                bitmap = document[index].render(scale=PDF_DPI / 72, grayscale=True)
                image = np.ascontiguousarray(bitmap.to_numpy())
                if image.ndim == 3:
                    image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
                digest = hashlib.sha256(image.tobytes()).hexdigest()
                yield Page(path.name, index + 1, digest, image)
        finally:
            document.close()
        return
    if suffix not in (".jpg", ".jpeg", ".png"):
        raise UserError(t("scan.bad_kind", path=path))
    data = _bytes(path)
    decoded = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if decoded is None:
        raise UserError(t("scan.unreadable", path=path))
    photo: np.ndarray = np.asarray(decoded, np.uint8)
    side = max(photo.shape)
    if side > MAX_SIDE:
        factor = MAX_SIDE / side
        photo = cv2.resize(photo, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    yield Page(path.name, 1, hashlib.sha256(data).hexdigest(), photo)


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UserError(t("file.missing", path=path)) from None
    except OSError as exc:
        raise UserError(t("scan.unreadable_why", path=path, reason=exc.strerror)) from None


def _pdf(path: Path):  # type: ignore[no-untyped-def]
    import pypdfium2  # type: ignore[import-untyped]

    data = _bytes(path)
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise UserError(t("scan.unreadable", path=path)) from None
