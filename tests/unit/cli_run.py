"""Run `datagen` the way a user does (a subprocess with its own DATAGEN_HOME) and read its one error line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

QUICK = 30.0
"""Seconds within which a command that noticed its problem has answered (the old waits were 120 s)."""


def datagen(home: Path, *args: str | bytes, timeout: float = QUICK,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m datagen ARGS` with `home` as DATAGEN_HOME and no NEO4J_* (unless `env` sets them).

    Arguments may be bytes, as a shell passes a non-UTF-8 argv. A command that hangs fails the test.
    """
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    full.update({"DATAGEN_HOME": str(home), **(env or {})})
    try:
        return subprocess.run([sys.executable, "-m", "datagen", *args], cwd=REPO, env=full, capture_output=True,
                              text=True, errors="replace", timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"datagen {' '.join(map(str, args))} did not answer within {timeout:.0f} s")


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The single `Error: ...` line of a failed command: exit 1, no traceback, nothing else on stderr."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return lines[0]
