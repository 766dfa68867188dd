"""Typer's own words ("Usage:", "Options", "[required]") come from public extension points only
(issue 23 item 5): no module of reviewtui imports a private module of Typer (`typer._click`)
or assigns to anything of Typer's; every command of the CLI is one of the localized classes;
and those classes print Typer's words in Chinese, and exactly Typer's own text in English."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
import typer.main
from typer.core import TyperCommand, TyperGroup
from typer.testing import CliRunner

from reviewtui import i18n
from reviewtui.cli.app import app
from reviewtui.cli_help import LocalizedCommand, LocalizedGroup

PACKAGE = Path(__file__).resolve().parent.parent / "reviewtui"


def _is_private(module: str) -> bool:
    """`typer._click`, `typer._types`: a part of the name starting with "_" under `typer`."""
    parts = module.split(".")
    return parts[0] == "typer" and any(part.startswith("_") for part in parts[1:])


def _root(node: ast.expr) -> str | None:
    """The name an attribute chain starts from: `typer` for `typer.core.x`."""
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _targets(node: ast.AST) -> Iterator[ast.expr]:
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from _unpacked(target)
    elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
        yield node.target
    elif isinstance(node, ast.Delete):
        yield from node.targets
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("setattr", "delattr")
        and node.args
    ):
        yield node.args[0]  # setattr(typer.core, "_", ...) assigns as much as `=` does


def _unpacked(target: ast.expr) -> Iterator[ast.expr]:
    if isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _unpacked(element)
    else:
        yield target


def typer_misuse(source: str, where: str = "<source>") -> list[str]:
    """Each import of a private Typer module or name, and each assignment to (or deletion of)
    an attribute of something imported from Typer, as "where:line: what"."""
    tree = ast.parse(source)
    from_typer: set[str] = set()  # local names bound to Typer's modules, classes, functions
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "typer":
                    from_typer.add(alias.asname or alias.name.split(".")[0])
                if _is_private(alias.name):
                    found.append((node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            if node.module.split(".")[0] != "typer":
                continue
            for alias in node.names:
                from_typer.add(alias.asname or alias.name)
                if _is_private(f"{node.module}.{alias.name}"):
                    found.append((node.lineno, f"from {node.module} import {alias.name}"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and _is_private(node.value)
        ):
            found.append((node.lineno, f"names {node.value!r}"))  # import_module("typer._click")
    for node in ast.walk(tree):
        for target in _targets(node):
            if isinstance(target, ast.Name):
                continue  # rebinding a local name changes nothing of Typer's
            if _root(target) in from_typer:
                found.append((node.lineno, f"assigns {ast.unparse(target)}"))
    return [f"{where}:{line}: {what}" for line, what in sorted(found)]


def test_no_module_imports_a_private_typer_module_or_assigns_to_typer() -> None:
    found = [
        line
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in typer_misuse(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert not found, "\n".join(found)


def test_the_scan_finds_what_the_old_cli_help_did() -> None:
    old = """
import typer.core
from typer._click import core as click_core
from typer._click import formatting
from typer.core import _ as gettext_alias
import importlib

typer.core._ = _word
formatting.HelpFormatter.write_usage = usage
setattr(click_core.Command, "get_help_option", help_option)
typer.core.TyperCommand.format_usage, x = usage, 1
importlib.import_module("typer._click.core")
"""
    found = typer_misuse(old)
    assert found == [
        "<source>:3: from typer._click import core",
        "<source>:4: from typer._click import formatting",
        "<source>:5: from typer.core import _",
        "<source>:8: assigns typer.core._",
        "<source>:9: assigns formatting.HelpFormatter.write_usage",
        "<source>:10: assigns click_core.Command",
        "<source>:11: assigns typer.core.TyperCommand.format_usage",
        "<source>:12: names 'typer._click.core'",
    ], found
    assert not typer_misuse("import typer\noption.help = 'x'\nexc.message = 'y'\ntyper = None\n")


def _nodes(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "commands", {}).values():
        yield from _nodes(child)


def test_every_group_and_command_of_the_cli_is_localized() -> None:
    nodes = list(_nodes(typer.main.get_command(app)))
    assert len(nodes) > 10
    wrong = [
        node.name
        for node in nodes
        if not isinstance(node, LocalizedGroup if hasattr(node, "commands") else LocalizedCommand)
    ]
    assert not wrong, f"declare these with cls=LocalizedGroup / cls=LocalizedCommand: {wrong}"


def _later() -> str:  # a default computed when the command runs
    return "x"


def _toy(group: type[TyperGroup], command: type[TyperCommand]) -> typer.Typer:
    """A CLI with what ours lacks: an environment variable, a computed default, a range, a
    default holding "; ", and a missing command."""
    toy = typer.Typer(cls=group, add_completion=False, rich_markup_mode=None)

    @toy.callback()
    def _main() -> None:
        """The toy."""

    @toy.command("go", cls=command, help="go somewhere")
    def go(
        where: Annotated[str, typer.Argument(help="the place")],
        when: Annotated[str, typer.Option(default_factory=_later, help="the time")],
        speed: Annotated[
            int, typer.Option(min=1, max=9, envvar="TOY_SPEED", show_envvar=True, help="how fast")
        ] = 3,
        sep: Annotated[str, typer.Option(help="")] = "a; b",
        level: Annotated[int, typer.Option(min=0)] = 1,
    ) -> None:
        del where, speed, when, sep, level

    @toy.command("stay", cls=command)
    def stay() -> None:
        """Stay here."""

    return toy


def _said(toy: typer.Typer, args: list[str]) -> str:
    result = CliRunner().invoke(toy, args, env={"COLUMNS": "100"}, prog_name="toy")
    return result.output


CASES = [["--help"], ["go", "--help"], ["go"], ["goo"], ["nowhere"], []]


@pytest.fixture
def lang() -> Iterator[Callable[[str], None]]:
    before = i18n.get_lang()
    yield lambda chosen: i18n.set_lang(chosen)
    i18n.set_lang(before)


@pytest.mark.parametrize("args", CASES, ids=lambda args: " ".join(args) or "toy")
def test_in_english_the_classes_print_what_typer_prints(args: list[str], lang) -> None:
    lang("en")
    assert _said(_toy(LocalizedGroup, LocalizedCommand), args) == _said(
        _toy(TyperGroup, TyperCommand), args
    )


def test_in_chinese_the_classes_print_our_words(lang) -> None:
    lang("zh")
    toy = _toy(LocalizedGroup, LocalizedCommand)
    go = _said(toy, ["go", "--help"])
    assert go.startswith("用法：toy go [OPTIONS] {where}\n"), go
    assert (
        "\n参数：\n" in go and "\n选项：\n" in go and "Arguments" not in go and "Options" not in go
    )
    assert "the place  [必填]" in go
    assert "how fast  [环境变量：TOY_SPEED; 默认：3; 1<=x<=9]" in go
    assert "the time  [默认：（运行时确定）]" in go
    assert "[默认：a; b]" in go  # a default with "; " in it, and no help before it
    assert "[默认：1; x>=0]" in go
    assert "显示本帮助并退出" in go
    top = _said(toy, ["--help"])
    assert "\n命令：\n" in top and "Commands" not in top
    assert "Error: 没有命令 'goo'，是否应为 'go'？" in _said(toy, ["goo"])
    assert "Error: 没有命令 'nowhere'\n" in _said(toy, ["nowhere"])
    missing = _said(toy, [])
    assert missing.startswith("用法：toy [OPTIONS] COMMAND [ARGS]...\n"), missing
    assert missing.endswith("Error: 缺少命令\n"), missing


USAGE_ERROR = {
    "zh": "用法：reviewtui run [OPTIONS] {SESSION}\n查看帮助：reviewtui run --help\n\n错误：",
    "en": "Usage: reviewtui run [OPTIONS] {SESSION}\n"
    "Try 'reviewtui run --help' for help.\n\nError: ",
}


@pytest.mark.parametrize("chosen", ["zh", "en"])
def test_a_usage_error_of_the_real_command_line_in_the_users_words(
    lang, chosen: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the command line prints for a usage error (`cli.fast`, through `show_error`): the
    usage, the hint and "Error:" in the user's language; in English as click prints them."""
    from reviewtui.cli.fast import typer_request

    lang(chosen)
    with pytest.raises(SystemExit) as ended:
        typer_request(["run"])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    # The program's name is what launched it (here pytest): said as the console script's.
    usage = err.split(" run [OPTIONS]")[0]
    prog = usage.removeprefix("用法：").removeprefix("Usage: ")
    assert err.replace(prog, "reviewtui").startswith(USAGE_ERROR[chosen]), err


CLICK_WORDS = [
    (["run"], "缺少参数 'SESSION'", "Missing argument 'SESSION'."),
    (["run", "a", "b"], "多余的参数（b）", "Got unexpected extra argument(s) (b)"),
    (["run", "--nope", "x"], "没有选项 --nope", "No such option: --nope"),
    (["run", "--db"], "选项 '--db' 后面要跟一个值", "Option '--db' requires an argument."),
    (
        ["collect", "--port", "99999", "x.toml"],
        "'--port' 的值 99999 不在范围 1<=x<=65535 内",
        "Invalid value for '--port': 99999 is not in the range 1<=x<=65535.",
    ),
    (
        ["collect", "--port", "abc", "x.toml"],
        "'--port' 的值 'abc' 不是整数",
        "Invalid value for '--port': 'abc' is not a valid int range.",
    ),
    (["rn"], "没有命令 'rn'，是否应为 'run'？", "No such command 'rn'. Did you mean 'run'?"),
]


@pytest.mark.parametrize(("args", "zh", "en"), CLICK_WORDS, ids=lambda v: str(v)[:30])
def test_click_s_messages_for_a_mistyped_command_line_in_the_users_words(
    lang, args: list[str], zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error line of a mistyped command line: in Chinese, our words; in English, click's
    own, word for word (the catalog's English is click's)."""
    from reviewtui.cli.fast import typer_request

    for chosen, said in (("zh", "错误：" + zh), ("en", "Error: " + en)):
        lang(chosen)
        with pytest.raises(SystemExit):
            typer_request(args)
        assert capsys.readouterr().err.splitlines()[-1] == said
