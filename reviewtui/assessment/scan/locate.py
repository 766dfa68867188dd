"""A form's four corner squares, and the page brought back to the sheet's shape from them.

Whatever the scanner or the phone did (a shift, a tilt, a perspective, uneven light), the outer
corners of the squares are at known places of the A4 sheet (`form_code`); one homography maps
the image onto a straight sheet of `SCALE` pixels a millimetre. An upside-down page is turned by
the caller when the serial's code is not where it should be.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from reviewtui.assessment import form_code as fc

SCALE = 6.0  # pixels per mm of the straightened sheet


def flatten(image: np.ndarray) -> np.ndarray:
    """The image divided by its background (paper white everywhere): shading and uneven light
    gone, ink dark. uint8, 255 = paper."""
    height, width = image.shape
    small = cv2.resize(
        image, (max(8, width // 16), max(8, height // 16)), interpolation=cv2.INTER_AREA
    )
    background = cv2.dilate(small, np.ones((5, 5), np.uint8))  # the text's dark taken out
    background = cv2.GaussianBlur(background, (5, 5), 0)
    background = cv2.resize(background, (width, height), interpolation=cv2.INTER_LINEAR)
    flat = image.astype(np.float32) * 255.0 / np.maximum(background.astype(np.float32), 1.0)
    return np.clip(flat, 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class Corners:
    """Outer corners of the squares in the image: top left, top right, bottom right, bottom
    left of the sheet as it lies in the image."""

    points: np.ndarray  # (4, 2) float32


def find_corners(flat: np.ndarray) -> Corners | None:
    """The four corner squares, or None when the page has not got them."""
    height, width = flat.shape
    dark = (flat < 110).astype(np.uint8)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    side_min, side_max = 0.012 * max(height, width), 0.07 * max(height, width)
    candidates: list[tuple[float, float, float, int]] = []  # (x, y, side, label)
    for label in range(1, count):
        x, y, w, h, area = stats[label]
        if not (side_min <= w <= side_max and side_min <= h <= side_max):
            continue
        if not 0.6 <= w / h <= 1.66:
            continue
        side = float(np.sqrt(area))
        if area < 0.55 * w * h:  # solid: a square, even tilted 10° or in perspective
            continue
        candidates.append((float(centroids[label][0]), float(centroids[label][1]), side, label))
    if len(candidates) < 4:
        return None
    # The candidates nearest each corner of the image, then the largest consistent four.
    chosen = []
    for cx, cy in ((0, 0), (width, 0), (width, height), (0, height)):
        best = min(candidates, key=lambda c: abs(c[0] - cx) + abs(c[1] - cy) - 2 * c[2])
        chosen.append(best)
    if len({c[3] for c in chosen}) < 4:
        return None
    sides = [c[2] for c in chosen]
    if max(sides) > 1.8 * min(sides):
        return None
    centre = np.mean([[c[0], c[1]] for c in chosen], axis=0)
    points = []
    for x, y, _, label in chosen:
        left, top, w, h = (int(v) for v in stats[label][:4])
        ys, xs = np.nonzero(labels[top : top + h, left : left + w] == label)
        xs, ys = xs + left, ys + top
        direction = np.array([x, y]) - centre
        direction /= max(1e-6, float(np.hypot(*direction)))
        # The square's four corners (a photo turns and skews it); the outer one is the corner
        # furthest along the direction from the page's middle.
        pixels = np.column_stack([xs, ys]).astype(np.float32)
        hull = cv2.convexHull(pixels)
        quad4 = cv2.approxPolyDP(hull, 0.08 * cv2.arcLength(hull, True), True).reshape(-1, 2)
        if len(quad4) != 4:
            quad4 = cv2.boxPoints(cv2.minAreaRect(pixels))
        outer = max(quad4, key=lambda p: float(p[0] * direction[0] + p[1] * direction[1]))
        points.append([float(outer[0]), float(outer[1])])
    quad = np.array(points, np.float32)
    if not _plausible(quad):
        return None
    return Corners(quad)


def _plausible(quad: np.ndarray) -> bool:
    """A convex four-sided page of about the sheet's proportions (190 × 277 between squares)."""
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return False
    top = float(np.linalg.norm(quad[1] - quad[0]))
    left = float(np.linalg.norm(quad[3] - quad[0]))
    bottom = float(np.linalg.norm(quad[2] - quad[3]))
    right = float(np.linalg.norm(quad[2] - quad[1]))
    ratio = (top + bottom) / max(1e-6, left + right)
    expected = (fc.PAGE_W - 2 * fc.FIDUCIAL_INSET) / (fc.PAGE_H - 2 * fc.FIDUCIAL_INSET)
    return bool(
        0.6 * expected <= ratio <= 1.5 * expected or 0.6 / expected <= ratio <= 1.5 / expected
    )


def orientations(corners: Corners) -> list[np.ndarray]:
    """The corner orders to try: the sheet upright in the image first, then turned by 180°
    (fed upside down); a sheet lying on its side (a photo) starts from its own top."""
    quad = corners.points
    top = np.linalg.norm(quad[1] - quad[0])
    left = np.linalg.norm(quad[3] - quad[0])
    if top > left:  # landscape in the image: the sheet lies on its side
        quad = np.roll(quad, 1, axis=0)
    return [quad, np.roll(quad, 2, axis=0)]


def homography(
    quad: np.ndarray, scale: float = SCALE, origin: tuple[float, float] = (0, 0)
) -> np.ndarray:
    """The map from image pixels to the straight sheet at `scale` px/mm, `origin` (mm) at 0,0."""
    target = np.array(
        [[(x - origin[0]) * scale, (y - origin[1]) * scale] for x, y in fc.outer_corners()],
        np.float32,
    )
    return cv2.getPerspectiveTransform(quad.astype(np.float32), target)


def straighten(image: np.ndarray, quad: np.ndarray, scale: float = SCALE) -> np.ndarray:
    size = (round(fc.PAGE_W * scale), round(fc.PAGE_H * scale))
    return cv2.warpPerspective(
        image, homography(quad, scale), size, flags=cv2.INTER_LINEAR, borderValue=255
    )


def region(
    image: np.ndarray, quad: np.ndarray, x: float, y: float, w: float, h: float, scale: float
) -> np.ndarray:
    """One rectangle of the sheet (mm), straightened at `scale` px/mm."""
    size = (round(w * scale), round(h * scale))
    return cv2.warpPerspective(
        image, homography(quad, scale, (x, y)), size, flags=cv2.INTER_CUBIC, borderValue=255
    )
