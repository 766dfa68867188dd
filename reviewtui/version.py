"""The release, as `reviewtui --version`, the database (`meta`) and document properties say it.

The number itself is `reviewtui.__version__` (its one place; pyproject reads it from there).
"""

from __future__ import annotations

from reviewtui import __version__


def version_line() -> str:
    """`reviewtui 0.3.0`: what --version prints and the database records."""
    return f"reviewtui {__version__}"
