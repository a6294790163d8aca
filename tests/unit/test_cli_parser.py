"""Opening the app parses only its own options; anything else gets the whole command line."""

from __future__ import annotations

import sys

import pytest

from prodcom_tui.cli.main import build_parser, names_a_command

OPTIONS_ONLY = [[], ["--db", "x.db"], ["--db=x.db"], ["--today", "2026-11-26", "--demo"], ["--demo", "--db", "report"],
                ["--today=2026-11-26", "--db", "a b.db"]]
MORE = [["report"], ["--db", "x.db", "report", "--format", "txt"], ["--help"], ["-h"], ["--version"], ["--bogus"],
        ["import", "mail", "box.mbox"], ["x.db"]]


@pytest.mark.parametrize("argv", OPTIONS_ONLY)
def test_the_app_options_alone_parse_as_the_whole_command_line_does(argv: list[str]) -> None:
    assert not names_a_command(argv)
    assert vars(build_parser(commands=False).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", MORE)
def test_a_command_help_or_a_mistake_gets_the_whole_parser(argv: list[str]) -> None:
    assert names_a_command(argv)


def test_opening_the_app_imports_no_command_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing the app's options imports no command module (main imports app_cmd afterwards, to open the app)."""
    for name in [m for m in sys.modules if m.startswith("prodcom_tui.cli.") and m.endswith(("_cmd", "_mail"))]:
        monkeypatch.delitem(sys.modules, name)
    build_parser(commands=names_a_command(["--db", "x.db"])).parse_args(["--db", "x.db"])
    assert not [m for m in sys.modules if m.startswith("prodcom_tui.cli.") and m.endswith("_cmd")]
