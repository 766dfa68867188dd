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
        _x, _y, w, h, area = stats[label]
        if not (side_min <= w <= side_max and side_min <= h <= side_max):
            continue
        if not 0.6 <= w / h <= 1.66:
            continue
        side = float(np.sqrt(area))
        if area < 0.55 * w * h:  # solid: a square, even tilted 10° or in perspective
            continue
        candidates.append((float(centroids[label][0]), float(centroids[label][1]), side, label))
    if len(candidates) < 3:
        return None
    # The candidates nearest each corner of the image.
    chosen = []
    for cx, cy in ((0, 0), (width, 0), (width, height), (0, height)):
        best = min(candidates, key=lambda c: abs(c[0] - cx) + abs(c[1] - cy) - 2 * c[2])
        chosen.append(best)
    centre = np.mean([[c[0], c[1]] for c in chosen], axis=0)
    if len({c[3] for c in chosen}) == 4 and _alike([c[2] for c in chosen]):
        quad = np.array([_outer(labels, stats, c, centre) for c in chosen], np.float32)
        if _plausible(quad):
            return Corners(quad)
    # A photo that cut one square off at the image's edge: the other three, and the inner
    # corner of what is left of the fourth.
    for missing in range(4):
        three = [c for k, c in enumerate(chosen) if k != missing]
        if len({c[3] for c in three}) < 3 or not _alike([c[2] for c in three]):
            continue
        found = _complete(labels, stats, dark, chosen, missing)
        if found is not None and _plausible(found):
            return Corners(found)
    return None


def _alike(sides: list[float]) -> bool:
    """Squares of one sheet (a photo's perspective makes the far ones a little smaller; a
    filled box, 4 mm, is not one)."""
    return max(sides) <= 1.45 * min(sides)


def _outer(
    labels: np.ndarray, stats: np.ndarray, square: tuple[float, float, float, int], centre: object
) -> list[float]:
    """A square's corner furthest from the page's middle (a photo turns and skews it)."""
    x, y, _, label = square
    left, top, w, h = (int(v) for v in stats[label][:4])
    ys, xs = np.nonzero(labels[top : top + h, left : left + w] == label)
    xs, ys = xs + left, ys + top
    direction = np.array([x, y]) - np.asarray(centre)
    direction /= max(1e-6, float(np.hypot(*direction)))
    pixels = np.column_stack([xs, ys]).astype(np.float32)
    hull = cv2.convexHull(pixels)
    quad4 = cv2.approxPolyDP(hull, 0.08 * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(quad4) != 4:
        quad4 = cv2.boxPoints(cv2.minAreaRect(pixels))
    outer = max(quad4, key=lambda p: float(p[0] * direction[0] + p[1] * direction[1]))
    return [float(outer[0]), float(outer[1])]


def _complete(
    labels: np.ndarray,
    stats: np.ndarray,
    dark: np.ndarray,
    chosen: list[tuple[float, float, float, int]],
    missing: int,
) -> np.ndarray | None:
    """The four outer corners from three squares and the inner corner of the fourth, cut by the
    image's edge; None when no part of it is there."""
    height, width = dark.shape
    opposite, after, before = (missing + 2) % 4, (missing + 1) % 4, (missing + 3) % 4
    rough = np.array([[c[0], c[1]] for c in chosen], np.float64)
    rough[missing] = rough[after] + rough[before] - rough[opposite]
    centre = rough.mean(axis=0)
    points = {
        k: np.array(_outer(labels, stats, chosen[k], centre)) for k in (opposite, after, before)
    }
    guess = points[after] + points[before] - points[opposite]
    side = float(np.mean([c[2] for k, c in enumerate(chosen) if k != missing]))
    reach = int(4 * side)  # a photo's perspective moves it from where three squares put it
    x0, y0 = max(0, int(guess[0]) - reach), max(0, int(guess[1]) - reach)
    x1, y1 = min(width, int(guess[0]) + reach), min(height, int(guess[1]) + reach)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return None
    window = labels[y0:y1, x0:x1]
    best_label, best_distance = 0, float("inf")
    for label in np.unique(window[window > 0]):
        left, top, w, h, area = (int(v) for v in stats[label])
        cut = left == 0 or top == 0 or left + w == width or top + h == height
        if not cut or area < 0.15 * side * side or area < 0.5 * w * h or max(w, h) > 1.6 * side:
            continue
        distance = float(np.hypot(left + w / 2 - guess[0], top + h / 2 - guess[1]))
        if distance < best_distance:
            best_label, best_distance = int(label), distance
    if not best_label:
        return None
    label = best_label
    ys, xs = np.nonzero(window == label)
    inward = centre - guess
    inward /= max(1e-6, float(np.hypot(*inward)))
    best = int(np.argmax(xs * inward[0] + ys * inward[1]))
    inner = np.array([xs[best] + x0, ys[best] + y0], np.float64)
    # The sheet as it lies in the image: portrait or landscape, corners in the image's order.
    sides = [(opposite, after), (opposite, before)]
    across = next(pair for pair in sides if tuple(sorted(pair)) in {(0, 1), (2, 3)})
    down = next(pair for pair in sides if pair is not across)
    w_img = float(np.linalg.norm(points[across[0]] - points[across[1]]))
    h_img = float(np.linalg.norm(points[down[0]] - points[down[1]]))
    long, short = fc.PAGE_H - 2 * fc.FIDUCIAL_INSET, fc.PAGE_W - 2 * fc.FIDUCIAL_INSET
    w_mm, h_mm = (short, long) if w_img < h_img else (long, short)
    canon = np.array([[0, 0], [w_mm, 0], [w_mm, h_mm], [0, h_mm]], np.float64)
    step = np.array([1 if missing in (0, 3) else -1, 1 if missing in (0, 1) else -1])
    source = [points[opposite], points[after], points[before], inner]
    target = [canon[opposite], canon[after], canon[before], canon[missing] + fc.FIDUCIAL * step]
    matrix = cv2.getPerspectiveTransform(np.array(source, np.float32), np.array(target, np.float32))
    at = np.array([[canon[missing]]], np.float32)
    corner = cv2.perspectiveTransform(at, np.linalg.inv(matrix))
    quad = np.array([points.get(k, corner[0, 0]) for k in range(4)], np.float32)
    return quad


def _plausible(quad: np.ndarray) -> bool:
    """A convex four-sided page of about the sheet's proportions (190 × 277 between squares)."""
    if not cv2.isContourConvex(quad.reshape(-1, 1, 2)):
        return False
    # Each corner near where the other three put it: a photo's perspective moves it a little,
    # a square taken for another thing (a filled box) a lot.
    diagonal = float(np.linalg.norm(quad[2] - quad[0]))
    for k in range(4):
        guess = quad[(k + 1) % 4] + quad[(k + 3) % 4] - quad[(k + 2) % 4]
        if float(np.linalg.norm(quad[k] - guess)) > 0.2 * diagonal:
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
