"""The build job: ingest → registry → Neo4j graph → artifacts.

Reads a ToolBench tools tree (or file); writes the graph to Neo4j and `registry.json` plus
`build_manifest.json` to the artifacts folder. Ingest and registry run entirely before the first
write, so an invalid input (without `skip_invalid`) stops the build with the database untouched.
The manifest's counts are read back from the database after the write, not taken from memory.
"""

from __future__ import annotations

import json
import os
import platform
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from neo4j import Driver
from pydantic import BaseModel

import datagen
from datagen.config import NEO4J_VERSION
from datagen.graph.writer import build_id, read_counts, read_feeds_coverage, write_graph
from datagen.ingest.models import SkippedInput
from datagen.ingest.reader import ingest
from datagen.registry.build import build_registry
from datagen.registry.models import Duplicate

Progress = Callable[[str, int, int], None]


class BuildManifest(BaseModel):
    """What `build_manifest.json` holds."""

    build_id: str
    data_path: str
    created_at: str
    counts: dict[str, dict[str, int]]
    registry_counts: dict[str, int]
    feeds_coverage: dict[str, Any]
    response_field_sources: dict[str, int]
    tools_without_endpoints: list[str]
    skipped: list[SkippedInput]
    duplicates: list[Duplicate]
    input_files: dict[str, str]
    seconds: dict[str, float]
    versions: dict[str, str]


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON through a temp file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=2, sort_keys=False)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _server_version(driver: Driver) -> str:
    info = driver.get_server_info()
    return str(info.agent)


def run_build(driver: Driver, database: str, data: Path, artifacts: Path, *, skip_invalid: bool = False,
              progress: Progress | None = None) -> BuildManifest:
    """Run the whole build and return its manifest (also written to `artifacts/`)."""
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    ingested = ingest(data, skip_invalid=skip_invalid,
                      progress=None if progress is None else (lambda d, t: progress("ingest", d, t)))
    seconds["ingest"] = time.perf_counter() - started

    started = time.perf_counter()
    registry = build_registry(ingested.tools)
    seconds["registry"] = time.perf_counter() - started

    started = time.perf_counter()
    graph_seconds = write_graph(driver, database, registry, progress)
    seconds["graph"] = time.perf_counter() - started
    seconds.update({f"graph.{k}": v for k, v in graph_seconds.items()})

    started = time.perf_counter()
    counts = read_counts(driver, database)
    coverage = read_feeds_coverage(driver, database)
    seconds["read_back"] = time.perf_counter() - started

    endpoints = registry.endpoints()
    sources: dict[str, int] = {}
    for endpoint in endpoints:
        kind = endpoint.response_fields[0].source.value if endpoint.response_fields else "none"
        sources[kind] = sources.get(kind, 0) + 1
    manifest = BuildManifest(
        build_id=build_id(registry),
        data_path=str(data),
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        counts=counts,
        registry_counts={
            "categories": len(registry.categories), "tools": len(registry.tools),
            "endpoints": len(endpoints),
            "parameters": sum(len(e.parameters) for e in endpoints),
            "response_fields": sum(len(e.response_fields) for e in endpoints),
        },
        feeds_coverage=coverage,
        response_field_sources=dict(sorted(sources.items())),
        tools_without_endpoints=[t.id for t in registry.tools if not t.endpoints],
        skipped=ingested.skipped,
        duplicates=registry.duplicates,
        input_files=ingested.file_hashes,
        seconds={k: round(v, 3) for k, v in seconds.items()},
        versions={
            "datagen": datagen.__version__, "python": platform.python_version(),
            "neo4j_server": _server_version(driver), "neo4j_pinned": NEO4J_VERSION,
        },
    )
    write_json_atomic(artifacts / "registry.json", registry.model_dump(mode="json"))
    write_json_atomic(artifacts / "build_manifest.json", manifest.model_dump(mode="json"))
    return manifest
