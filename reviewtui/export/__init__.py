"""Exports: a registry of formats, each a renderer of the one minutes model.

    store = Store.open_reader(path)
    data = export_store(store, "docx", layout="column")   # bytes (binary) or str (text)
    write(data, default_path(store.path, "docx", "column"))

Renderers are imported on first use, so `reviewtui export --format json` never loads python-docx
or openpyxl. No renderer touches the database: `read_minutes` does, once.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewtui.errors import UserError
from reviewtui.export.common import ProgressFn
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, read_minutes
from reviewtui.output import write_file
from reviewtui.store import Store

Renderer = Callable[..., "str | bytes"]

LAYOUTS = ("minutes", "column")


@dataclass(frozen=True)
class ExportFormat:
    name: str
    ext: str
    binary: bool  # binary formats cannot go to stdout
    stem_suffix: str  # default file: <db stem>-<stem_suffix>.<ext>
    module: str
    layouts: tuple[str, ...] = ("minutes",)
    # Takes `digest`: a visible SHA-256 line on request (md, docx). The others always carry it
    # (the xlsx footer, a csv column, the json key).
    digest_line: bool = False
    ballots: bool = False  # takes `--ballots` (the per-ballot sheet, an internal copy)

    def renderer(self) -> Renderer:
        return importlib.import_module(self.module).render  # type: ignore[no-any-return]


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("docx", "docx", True, "minutes", "reviewtui.export.docx", LAYOUTS, True),
        ExportFormat("md", "md", False, "minutes", "reviewtui.export.md", digest_line=True),
        ExportFormat("xlsx", "xlsx", True, "results", "reviewtui.export.xlsx", ballots=True),
        ExportFormat("csv", "csv", False, "ranking", "reviewtui.export.csv"),
        ExportFormat("timings", "csv", False, "timings", "reviewtui.export.timings"),
        ExportFormat("json", "json", False, "minutes", "reviewtui.export.json"),
        ExportFormat("rectify", "xlsx", True, "rectify", "reviewtui.export.rectify"),
        ExportFormat("feedback", "docx", True, "feedback", "reviewtui.export.feedback"),
        ExportFormat("notice", "docx", True, "notice", "reviewtui.export.notice"),
    )
}


def validate(
    fmt: str, layout: str = "minutes", *, to_stdout: bool = False, ballots: bool = False
) -> ExportFormat:
    """The format, or a UserError saying what is wrong with the request."""
    spec = FORMATS.get(fmt)
    if spec is None:
        raise UserError(t("cli.bad_format", fmt=fmt, choices=", ".join(FORMATS)))
    if layout not in LAYOUTS:
        raise UserError(t("export.bad_layout", layout=layout, choices=", ".join(LAYOUTS)))
    if layout not in spec.layouts:
        raise UserError(t("export.layout_not_for", layout=layout, fmt=fmt))
    if ballots and not spec.ballots:
        raise UserError(t("export.ballots_not_for", fmt=fmt))
    if to_stdout and spec.binary:
        raise UserError(t("export.binary_stdout", fmt=fmt))
    return spec


def default_path(db: Path, fmt: str, layout: str = "minutes") -> Path:
    """Next to the database: meeting-minutes.docx, meeting-column.docx, meeting-results.xlsx…"""
    spec = FORMATS[fmt]
    stem_suffix = "column" if layout == "column" else spec.stem_suffix
    return db.with_name(f"{db.stem}-{stem_suffix}.{spec.ext}")


def render(
    minutes: Minutes,
    fmt: str,
    *,
    layout: str = "minutes",
    progress: ProgressFn | None = None,
    digest: bool = False,
    ballots: bool = False,
) -> str | bytes:
    """`digest`: the visible SHA-256 line, for the formats that print one only on request;
    `ballots`: the per-ballot sheet of the xlsx (an internal copy); no other format has it."""
    spec = validate(fmt, layout, ballots=ballots)
    extra: dict[str, bool] = {"digest": digest} if spec.digest_line else {}
    if ballots:
        extra["ballots"] = True
    return spec.renderer()(minutes, layout=layout, progress=progress, **extra)


def export_store(
    store: Store,
    fmt: str,
    *,
    layout: str = "minutes",
    progress: ProgressFn | None = None,
    digest: bool = False,
    ballots: bool = False,
) -> str | bytes:
    """Read the minutes from `store` and render them; a reader store is enough."""
    validate(fmt, layout, ballots=ballots)
    minutes = read_minutes(store)
    return render(minutes, fmt, layout=layout, progress=progress, digest=digest, ballots=ballots)


def to_bytes(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write(data: str | bytes, path: Path, *, protect: Iterable[str | Path] = ()) -> Path:
    """Write atomically and safely (`reviewtui.output`): never onto the meeting's own files
    (`protect`, see `output.protected_paths`), a link, a device or a folder."""
    return write_file(data, path, protect=protect)
