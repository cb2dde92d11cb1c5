"""A full disk ends in one line and leaves no `.tmp` (nor lock) behind: a real 16 KB tmpfs.

Needs the right to mount (root, as in CI); elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from tests.conftest import REPO

RECORDS = REPO / "tests" / "golden" / "sequential_n50_seed42.jsonl"


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.mark.parametrize("command", [
    ["evaluate", "--offline", "--no-write-back", "--output", "{out}/evaluated.jsonl"],
    ["export", "--format", "openai", "--output", "{out}/openai.jsonl", "--registry", "{registry}"],
])
def test_full_disk_is_one_line_and_leaves_nothing(full_disk: Path, registry_file: Path, command: list[str]) -> None:
    args = [a.format(out=full_disk, registry=registry_file) for a in command]
    result = CliRunner().invoke(cli, [args[0], "--input", str(RECORDS), *args[1:]])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0] and "unchanged" in lines[0], result.output
    assert list(full_disk.iterdir()) == []
