"""Shared test helpers: where the real ToolBench data and the seed corpus are."""

from __future__ import annotations

import json
import os
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_DATA = REPO / "seed_data"


def shared_dir() -> Path:
    """`../shared` beside the checkout (CI lays it there too), or `DATAGEN_SHARED`."""
    return Path(os.environ.get("DATAGEN_SHARED", REPO.parent / "shared"))


def tools_beside_observed(toolbench_tools: Path, root: Path, observed: tuple[str, ...],
                          linked: tuple[str, ...] | None = None) -> Path:
    """`root/tools` (links to the real categories `linked`, default all) beside
    `root/response_examples` (the `observed` categories of the real 2023 archive, unpacked at test
    time, never copied into the repo), so a build finds the observed structures on its own."""
    archive = shared_dir() / "toolbench" / "full" / "response_examples-2023-44cat.tar.xz"
    with tarfile.open(archive, "r:xz") as tar:
        members = [m for m in tar.getmembers() if m.name.split("/")[1:2] and m.name.split("/")[1] in observed]
        tar.extractall(root, members=members, filter="data")
    tools = root / "tools"
    tools.mkdir()
    names = linked if linked is not None else tuple(sorted(p.name for p in toolbench_tools.iterdir() if p.is_dir()))
    for name in names:
        (tools / name).symlink_to(toolbench_tools / name, target_is_directory=True)
    return tools


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
