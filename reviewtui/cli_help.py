"""The command line's own words in the user's language: Typer (and the click it carries) print
"Usage:", "Options", "[required]", "Show this message and exit." in English whatever the help
texts say; these are looked up in the catalog instead, when the help is printed.

Typer marks its words for gettext (`typer.core._`); the click it vendors writes "Usage: " and the
help option's text as plain strings, so those two are set where they are made.
"""

from __future__ import annotations

from typing import Any

from reviewtui.i18n import CATALOG, t

# Typer's gettext message ids -> catalog keys.
_WORDS = {
    "Arguments": "cli.words.arguments",
    "Options": "cli.words.options",
    "Commands": "cli.words.commands",
    "required": "cli.words.required",
    "default: {default}": "cli.words.default",
    "(dynamic)": "cli.words.dynamic",
    "Aborted!": "cli.words.aborted",
    "Missing command.": "cli.words.missing_command",
    "No such command {name!r}.": "cli.words.no_such_command",
    "env var: {var}": "cli.words.env_var",
}


def _word(message: str) -> str:
    key = _WORDS.get(message)
    return t(key) if key is not None and key in CATALOG else message


def localize_typer() -> None:
    """Route Typer's and its click's words through the catalog (once, at import of the CLI)."""
    import typer.core
    from typer._click import core as click_core
    from typer._click import formatting

    typer.core._ = _word

    write_usage = formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, t("cli.words.usage") if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]

    get_help_option = click_core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = t("cli.words.help_option")
        return option

    click_core.Command.get_help_option = help_option  # type: ignore[method-assign]
