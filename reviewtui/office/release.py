"""The release in the properties of every document written (SPEC 11).

Word: the core property `version` holds the release, and app.xml names the application and its
version (AppVersion is "XX.YYYY" by the OOXML schema: 0.3.0 is "00.0300"). Excel: openpyxl
writes its own app.xml, so the workbook's core properties carry it (`version`, `creator`).
"""

from __future__ import annotations

from typing import Any

from reviewtui import __version__

APPLICATION = "reviewtui"


def app_version() -> str:
    """`__version__` as OOXML's AppVersion: two digits, a dot, four digits."""
    parts = [int(part) if part.isdigit() else 0 for part in __version__.split(".")]
    major, minor, patch = [*parts, 0, 0, 0][:3]
    return f"{major:02d}.{minor:02d}{patch:02d}"


def app_properties() -> bytes:
    """docProps/app.xml of our own: no application, page or word count of the template's."""
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'extended-properties">'
        b"<Application>" + APPLICATION.encode() + b"</Application><DocSecurity>0</DocSecurity>"
        b"<AppVersion>" + app_version().encode() + b"</AppVersion></Properties>"
    )


def stamp_workbook(book: Any) -> None:
    """An openpyxl workbook says which release wrote it (not "openpyxl")."""
    book.properties.creator = APPLICATION
    book.properties.version = __version__
