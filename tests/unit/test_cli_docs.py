"""Every command has help text and is documented in the README; bad connections fail in one line."""

from __future__ import annotations

import click
from click.testing import CliRunner

from datagen.cli.main import cli
from tests.conftest import REPO


def _commands(group: click.Group, prefix: str = "datagen") -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        found.append((path, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = _commands(cli)
    assert len(commands) >= 8
    for path, command in commands:
        assert (command.help or "").strip(), f"{path} has no help text"
        assert path in readme, f"{path} is not documented in README.md"
        result = CliRunner().invoke(cli, [*path.split()[1:], "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_unreachable_explicit_uri_is_one_clean_line(tmp_path: object) -> None:
    result = CliRunner().invoke(cli, ["--quiet", "build", "--neo4j-uri", "bolt://127.0.0.1:1"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1")
    assert "datagen neo4j start" in lines[0]
