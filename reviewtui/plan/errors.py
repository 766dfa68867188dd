"""What is wrong with a session file: each error with its key path and line."""

from __future__ import annotations

from typing import NamedTuple

from reviewtui.i18n import t


class PlanError(NamedTuple):
    key: str  # key path, e.g. "units[3].commenter"; "" for the whole file
    message: str
    line: int | None = None

    def render(self, path: str) -> str:
        if not self.key:
            if self.line:
                return t("plan.where_file_line", path=path, line=self.line) + self.message
            return t("plan.where_file", path=path) + self.message
        if self.line:
            return t("plan.where", path=path, line=self.line, key=self.key) + self.message
        return t("plan.where_noline", path=path, key=self.key) + self.message


class PlanInvalid(Exception):
    """The session file cannot be used; `errors` says every reason."""

    def __init__(self, path: str, errors: list[PlanError]) -> None:
        super().__init__(f"{path}: {len(errors)} error(s)")
        self.path = path
        self.errors = errors

    def render(self) -> list[str]:
        return [error.render(self.path) for error in self.errors]
