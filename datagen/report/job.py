"""The report job: JSONL records (+ optional registry) → one self-contained HTML file.

Reads the records with `datagen.evaluator.records` (bad lines name their line) and, when given, the
registry from `datagen build` for the "available" side of coverage; writes the page atomically. The
page holds no timestamp, so the same input gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from datagen.core.atomic import write_atomic
from datagen.core.outputs import check_output, output_lock
from datagen.evaluator.records import read_records
from datagen.export.tools import load_registry
from datagen.report.html import render
from datagen.report.stats import ReportStats, compute

DEFAULT_TITLE = "datagen dataset report"


def run_report(input_path: Path, output: Path, registry_path: Path | None = None,
               title: str = DEFAULT_TITLE, overwrite: bool = False) -> ReportStats:
    """Write the report of `input_path` to `output` and return the numbers it shows.

    An existing `output` is replaced only with `overwrite`; an output that is an input is refused.
    """
    inputs = [input_path] if registry_path is None else [input_path, registry_path]
    check_output(output, inputs=inputs, overwrite=overwrite)
    with output_lock(output):
        registry = load_registry(registry_path) if registry_path is not None else None
        stats = compute(read_records(input_path), registry)
        write_atomic(output, render(stats, title, input_path.name))
    return stats
