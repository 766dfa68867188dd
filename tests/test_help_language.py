"""Help in the user's language (issue 28 item 3): under a Chinese locale `reviewtui --help` and
every command's help hold no English sentence, Typer's own words ("Usage:", "Options",
"[required]", "Show this message and exit.") included."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

COMMANDS = [
    [],
    ["run"],
    ["demo"],
    ["check"],
    ["projector"],
    ["results"],
    ["export"],
    ["template"],
    ["new"],
    ["print"],
    ["collect"],
    ["amend"],
    ["ballots"],
    ["ballots", "import"],
    ["ballots", "export"],
]
# Two or more English words in a row, or one of the words Typer prints alone.
SENTENCE = re.compile(
    r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,})+\b|\b(?:Usage|Options|Arguments|Commands)\b"
)
# What is no sentence: the program and command names, metavars, option names.
METAVARS = re.compile(
    r"python -m reviewtui(?: [a-z]+){0,2}|ballots (?:import|export)"
    r"|\[OPTIONS\]|COMMAND \[ARGS\]\.\.\.|\{[^}]*\}|--?[a-z][a-z-]*"
)


def _help(args: list[str], lang: str) -> str:
    env = {**os.environ, "LANG": lang, "LC_ALL": ""}
    done = subprocess.run(
        [sys.executable, "-m", "reviewtui", *args, "--help"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a) or "reviewtui")
def test_help_under_a_chinese_locale_has_no_english_sentence(args: list[str]) -> None:
    text = METAVARS.sub("", _help(args, "zh_CN.UTF-8"))
    assert not SENTENCE.findall(text), text


def test_help_in_english_keeps_its_words() -> None:
    text = _help(["export"], "C.UTF-8")
    assert "Usage:" in text and "Show this message and exit." in text
    assert "a folder gets the file inside" in " ".join(text.split())  # -o naming a folder
