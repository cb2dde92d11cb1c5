"""`datagen report`: one self-contained HTML page with charts about a dataset."""

from __future__ import annotations

from pathlib import Path

import click

from datagen.report.job import DEFAULT_TITLE, run_report


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True,
              help="JSONL file from `datagen generate` or `datagen evaluate`.")
@click.option("--output", type=click.Path(path_type=Path), default=Path("report.html"), show_default=True,
              help="HTML file to write.")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="registry.json from `datagen build`, to chart tools used against tools available.")
@click.option("--title", default=DEFAULT_TITLE, show_default=True, help="Page title.")
@click.option("--overwrite", is_flag=True, help="Replace an existing --output.")
def report(input_path: Path, output: Path, registry_path: Path | None, title: str, overwrite: bool) -> None:
    """Write an HTML report: domains, patterns, tool coverage, judge scores, grounding.

    One file with inline CSS and SVG charts (no scripts, no network), readable offline; the same
    input gives the same bytes. No Neo4j needed.
    """
    stats = run_report(input_path, output, registry_path, title, overwrite)
    click.echo(f"wrote {output} ({stats.conversations} conversation(s))")
