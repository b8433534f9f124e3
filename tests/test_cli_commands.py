"""Every subcommand of `python -m catalogue` names the function that runs it (argparse `set_defaults(handler=…)`),
so that a new command cannot parse its arguments and then do nothing."""

from __future__ import annotations

import argparse

from catalogue import cli


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    action = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_has_a_handler() -> None:
    commands = _subcommands()
    assert {"check", "report", "translations", "build", "new-town"} <= set(commands)
    missing = sorted(name for name, parser in commands.items() if not callable(parser.get_default("handler")))
    assert not missing, f"subcommands without set_defaults(handler=…): {missing}"


def test_the_handler_runs_and_its_exit_code_is_returned(tmp_path, capsys) -> None:
    code = cli.main(["check", "--config", str(tmp_path / "missing.yml")])
    assert code == cli.EXIT_USAGE
    assert "missing.yml" in capsys.readouterr().err
