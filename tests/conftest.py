"""Shared test helpers: where the real ToolBench data and the seed corpus are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_DATA = REPO / "seed_data"


def shared_dir() -> Path:
    """`../shared` beside the checkout (CI lays it there too), or `DATAGEN_SHARED`."""
    return Path(os.environ.get("DATAGEN_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def toolbench_tools() -> Path:
    """The 600 real ToolBench tools; a missing copy fails in CI and skips elsewhere."""
    path = shared_dir() / "toolbench" / "tools"
    if not path.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"real ToolBench data missing at {path}")
        pytest.skip(f"real ToolBench data not found at {path} (set DATAGEN_SHARED)")
    return path


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`registry.json` of the seed corpus, as `datagen build` writes it (no server needed)."""
    from datagen.ingest.reader import ingest
    from datagen.registry.build import build_registry

    registry = build_registry(ingest(SEED_DATA).tools)
    path = tmp_path_factory.mktemp("artifacts") / "registry.json"
    path.write_text(json.dumps(registry.model_dump(mode="json")), encoding="utf-8")
    return path
