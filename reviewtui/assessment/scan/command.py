"""`reviewtui ballots scan SESSION FILE... [--entry 1|2]`: read every page, record them as one
command, and say what came of each page that is not simply saved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from reviewtui.assessment.ballots import check_entry
from reviewtui.assessment.forms import Form
from reviewtui.assessment.scan import pages as page_files
from reviewtui.assessment.scan.read import read_page
from reviewtui.assessment.scan.save import (
    Outcome,
    PageRead,
    foreign_reason,
    known_pages,
    record,
    voided,
)
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store


def read_images(
    paths: Sequence[Path],
    form: Form,
    *,
    opinions: bool,
    seen: set[str],
    step: Callable[[], None] | None = None,
) -> list[tuple[PageRead, str | None]]:
    """Every page read, with the meeting key its code carries; pages whose SHA-256 is in `seen`
    are not read again. No database here: the ballot screen runs this in a thread."""
    found: list[tuple[PageRead, str | None]] = []
    for path in paths:
        for page in page_files.read(path):
            if page.sha256 in seen:
                found.append(
                    (PageRead(page.file, page.number, page.sha256, None, "", {}, []), None)
                )
            else:
                reading = read_page(page.image, form, opinions=opinions)
                doubts = [
                    {
                        "unit": d.unit,
                        "item": d.item,
                        "why": d.why,
                        "confidence": round(d.confidence, 2),
                    }
                    for d in reading.doubts
                ]
                read = PageRead(
                    page.file,
                    page.number,
                    page.sha256,
                    reading.serial,
                    reading.problem,
                    reading.values,
                    doubts,
                    reading.picture,
                )
                found.append((read, reading.key))
            if step is not None:
                step()
    return found


def of_meeting(store: Store, found: list[tuple[PageRead, str | None]]) -> list[PageRead]:
    """The pages read, a page of another meeting or with an unknown serial made foreign."""
    pages: list[PageRead] = []
    for read, key in found:
        if read.problem or read.serial is not None:
            why = foreign_reason(store, read, key)
            if why:
                read = PageRead(read.file, read.page, read.sha256, None, why, {}, [])
        pages.append(read)
    return pages


def read_files(
    store: Store, paths: Sequence[Path], *, entry: int, step: Callable[[], None] | None = None
) -> list[PageRead]:
    """Every page read (pages already recorded are not read again)."""
    form = Form.of(store.plan)
    opinions = bool(store.plan.assessment.opinions)
    found = read_images(paths, form, opinions=opinions, seen=known_pages(store, entry), step=step)
    return of_meeting(store, found)


def finish(store: Store, pages: list[PageRead], *, entry: int, entered_by: str) -> list[str]:
    """Record the pages read as one command; the lines that say what came of them."""
    outcomes = record(store, pages, entry=entry, entered_by=entered_by)
    return summary(outcomes, voided(store, pages, outcomes), entry)


def scan(
    store: Store, files: Sequence[str], *, entry: int, entered_by: str, show_progress: bool = True
) -> list[str]:
    check_entry(store, entry)
    paths = [Path(f) for f in files]
    total = sum(page_files.count(p) for p in paths)  # every file opens before anything is read
    if total == 0:
        raise UserError(t("scan.no_pages"))
    if show_progress and total > 1:
        from rich.progress import Progress

        with Progress(transient=True) as progress:
            task = progress.add_task(t("scan.reading"), total=total)
            pages = read_files(store, paths, entry=entry, step=lambda: progress.advance(task))
    else:
        pages = read_files(store, paths, entry=entry)
    return finish(store, pages, entry=entry, entered_by=entered_by)


def summary(outcomes: list[Outcome], invalid: dict[str, str], entry: int) -> list[str]:
    counts = Counter(o.outcome for o in outcomes)
    lines = [
        t(
            "scan.summary",
            pages=len(outcomes),
            saved=counts["saved"],
            held=counts["held"],
            duplicate=counts["duplicate"] + counts["again"],
            conflict=counts["conflict"],
            foreign=counts["foreign"],
            entry=entry,
        )
    ]
    for o in outcomes:
        where = t("scan.where", file=o.file, page=o.page)
        if o.outcome == "foreign":
            lines.append(where + t(f"scan.foreign.{o.why}"))
        elif o.outcome == "conflict":
            cells = "、".join(f"{unit}/{item}" for unit, item in o.differs) or "—"
            lines.append(where + t("scan.conflict", serial=o.serial, cells=cells))
        elif o.outcome == "held":
            lines.append(where + t("scan.held", serial=o.serial))
    if counts["held"]:
        lines.append(t("scan.review_hint"))
    if invalid:
        from reviewtui.present.rules import import_lines

        lines += import_lines(invalid)
    return lines
