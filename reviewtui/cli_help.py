"""The command line's own words in the user's language: Typer (and the click it carries) print
"Usage:", "Options", "[required]", "Show this message and exit." in English whatever the help
texts say; the command classes here print the catalog's words instead.

Only public extension points: Typer's `cls=` takes subclasses of `typer.core.TyperGroup` and
`TyperCommand`, which override click's public methods that print these words. Python's gettext
offers no public way to hand `gettext.gettext` (which Typer calls) a translation of ours: it
reads `.mo` files chosen by LANGUAGE/LC_MESSAGES, not by our language rule, so it is not used.
The English path prints what Typer itself prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from reviewtui.i18n import t

# click's formatter, context, parameters and commands reach us as arguments; their classes
# live in Typer's private copy of click, so they are read by their public attributes only.
Context = Any
Formatter = Any
Param = Any


class _LocalizedWords:
    """What a command and a group share: the usage line, the help option, the parameters."""

    def format_usage(self, ctx: Context, formatter: Formatter) -> None:
        _write_usage(self, ctx, formatter)

    def get_help_option(self, ctx: Context) -> Any:
        return _localized_help_option(super().get_help_option(ctx))  # type: ignore[misc]

    def format_options(self, ctx: Context, formatter: Formatter) -> None:
        _write_parameters(self, ctx, formatter)


class LocalizedCommand(_LocalizedWords, TyperCommand):
    """A command whose help and usage errors say Typer's words in the user's language."""


class LocalizedGroup(_LocalizedWords, TyperGroup):
    """A group (`reviewtui`, `reviewtui ballots`) as `LocalizedCommand`, with its command list
    and its "missing command" / "no such command" errors in the user's language too."""

    def format_options(self, ctx: Context, formatter: Formatter) -> None:
        _write_parameters(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: Context, formatter: Formatter) -> None:
        # As TyperGroup.format_commands, under our heading.
        shown = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            rows = [(name, command.get_short_help_str(limit)) for name, command in shown]
            with _section(formatter, t("cli.words.commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except typer.TyperException as exc:  # click's UsageError is one
            if getattr(exc, "ctx", None) is ctx and exc.message == "Missing command.":
                exc.message = t("cli.words.missing_command")
            raise

    def resolve_command(self, ctx: Context, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except typer.TyperException as exc:
            # Typer says "No such command 'x'." and may add ". Did you mean 'y'?" after it.
            english = f"No such command {args[0]!r}" if args else None
            if english is not None and exc.message.startswith(english):
                ours, rest = (
                    t("cli.words.no_such_command", name=args[0]),
                    exc.message[len(english) :],
                )
                suggested = re.fullmatch(r"\. Did you mean (?P<names>.+)\?", rest)
                if suggested:
                    ours = t(
                        "cli.words.did_you_mean", message=ours.rstrip("."), names=suggested["names"]
                    )
                exc.message = ours
            raise


@contextmanager
def _section(formatter: Formatter, heading: str) -> Iterator[None]:
    """As click's `HelpFormatter.section`, but the heading's colon is the catalog's own (a
    Chinese heading takes the full-width one: 选项：, not 选项:)."""
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{heading}\n")
    formatter.indent()
    try:
        yield
    finally:
        formatter.dedent()


def show_error(exc: Any) -> None:
    """A usage error as click shows it (`UsageError.show`, `ClickException.show`): the usage
    line, the hint to ask for help and the error, with our words. An error that shows itself
    some other way (`--help` asked for by a group called bare) does so."""
    classes: dict[str, Any] = {cls.__name__: cls for cls in type(exc).__mro__}
    usage, plain = classes.get("UsageError"), classes.get("ClickException")
    ctx = getattr(exc, "ctx", None)
    own = type(exc).show
    if usage is not None and own is usage.show:
        if ctx is not None:  # a parser's error may have none: then the error alone, as click
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                command, option = ctx.command_path, ctx.help_option_names[0]
                hint = t("cli.words.try_help", command=command, option=option) + "\n"
            typer.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=ctx.color)
    elif plain is None or own is not plain.show:
        exc.show()
        return
    color = ctx.color if ctx is not None else None
    message = _localized_message(exc.format_message())
    typer.echo(t("cli.words.error", message=message), err=True, color=color)


# click's own messages for a mistyped command line, as its English reads them, and the catalog
# key that says each (its English is click's, word for word). Any other message stays as it is.
_CLICK_MESSAGES = (
    (r"Missing argument (?P<name>'[^']*')\.", "cli.click.missing_argument"),
    (r"Missing option (?P<name>'[^']*')\.", "cli.click.missing_option"),
    (r"No such option: (?P<name>\S+)", "cli.click.no_such_option"),
    (r"No such option: (?P<name>\S+) \(Possible options: (?P<names>.+)\)",
     "cli.click.no_such_option_of"),
    (r"Got unexpected extra argument\(s\) \((?P<args>.*)\)", "cli.click.extra_arguments"),
    (r"Option (?P<name>'[^']*') requires an argument\.", "cli.click.needs_value"),
    (r"Invalid value for (?P<name>.+?): (?P<value>.+) is not in the range (?P<range>\S+)\.",
     "cli.click.out_of_range"),
    (r"Invalid value for (?P<name>.+?): (?P<value>'.*') is not a valid int range\.",
     "cli.click.not_integer"),
)  # fmt: skip


def _localized_message(message: str) -> str:
    for pattern, key in _CLICK_MESSAGES:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found:
            return t(key, **found.groupdict())
    return message


def _write_usage(command: Any, ctx: Context, formatter: Formatter) -> None:
    # As click's Command.format_usage, with our "Usage: ".
    pieces = " ".join(command.collect_usage_pieces(ctx))
    formatter.write_usage(ctx.command_path, pieces, t("cli.words.usage"))


def _localized_help_option(option: Param | None) -> Param | None:
    if option is not None:
        option.help = t("cli.words.help_option")
    return option


def _write_parameters(command: Any, ctx: Context, formatter: Formatter) -> None:
    """The Arguments and Options sections, as Typer writes them (core._typer_format_options),
    under our headings and with our words in each parameter's "[default: …; required]"."""
    rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is not None and param.param_type_name in rows:
            names, text = record
            rows[param.param_type_name].append((names, _localized_extra(param, text)))
    for kind, heading in (("argument", "cli.words.arguments"), ("option", "cli.words.options")):
        if rows[kind]:
            with _section(formatter, t(heading)):
                formatter.write_dl(rows[kind])


def _localized_extra(param: Param, text: str) -> str:
    """`text` is the parameter's help, then Typer's "  [item; item]": items `env var: V`
    (translated for options only, as Typer does), `default: D`, a range such as `1<=x<=9`,
    `required`. Each word is said in the user's language; the help itself is ours already."""
    head = f"{param.help}  [" if param.help else "["
    if not (text.startswith(head) and text.endswith("]")):
        return text  # nothing added
    items = text[len(head) : -1].split("; ")
    return head + "; ".join(_localized_item(item, param.param_type_name) for item in items) + "]"


def _localized_item(item: str, kind: str) -> str:
    if item == "required":
        return t("cli.words.required")
    if item.startswith("default: "):
        default = item.removeprefix("default: ").replace("(dynamic)", t("cli.words.dynamic"))
        return t("cli.words.default", default=default)
    if item.startswith("env var: ") and kind == "option":
        return t("cli.words.env_var", var=item.removeprefix("env var: "))
    return item  # a range, or a part of a value that held "; "
