"""`generate --realiser anthropic` without a key: one line, exit 2, before any file, lock or server."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli


def test_no_key_is_one_line_exit_2_and_nothing_is_made(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home"))
    output = tmp_path / "out" / "c.jsonl"
    result = CliRunner().invoke(cli, ["--neo4j-uri", "bolt://127.0.0.1:1", "generate", "--realiser", "anthropic",
                                      "--n", "2", "--output", str(output)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "Error: --realiser anthropic needs ANTHROPIC_API_KEY in the environment (or leave out --realiser to "
        "generate offline)"]
    assert not output.parent.exists() and not (tmp_path / "home").exists()


def test_max_cost_without_the_realiser_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--neo4j-uri", "bolt://127.0.0.1:1", "generate", "--max-cost", "1",
                                      "--output", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 2 and "--max-cost applies to --realiser anthropic" in result.output
    assert not (tmp_path / "c.jsonl").exists()
