"""The report job: JSONL records (+ optional registry) → one self-contained HTML file.

Reads the records with `datagen.evaluator.records` (bad lines name their line) and, when given, the
registry from `datagen build` for the "available" side of coverage; writes the page atomically. The
page holds no timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from datagen.core.atomic import write_atomic
from datagen.errors import ConfigError
from datagen.evaluator.records import read_records
from datagen.export.tools import load_registry
from datagen.report.html import render
from datagen.report.stats import ReportStats, compute

DEFAULT_TITLE = "datagen dataset report"


def run_report(input_path: Path, output: Path, registry_path: Path | None = None,
               title: str = DEFAULT_TITLE) -> ReportStats:
    """Write the report of `input_path` to `output` and return the numbers it shows."""
    if output.resolve() == input_path.resolve():
        raise ConfigError(f"--output {output} would overwrite the input; choose another path")
    registry = load_registry(registry_path) if registry_path is not None else None
    stats = compute(read_records(input_path), registry)
    write_atomic(output, render(stats, title, input_path.name))
    return stats
