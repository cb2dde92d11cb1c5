"""`datagen metrics`: diversity of a JSONL dataset (entropy, Jaccard dissimilarity, distinct-n)."""

from __future__ import annotations

from pathlib import Path

import click

from datagen.evaluator.metrics import compute, render
from datagen.evaluator.records import read_records


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True, help="JSONL file to measure.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
def metrics(input_path: Path, as_json: bool) -> None:
    """Shannon entropy of tools, endpoints, domains, patterns and tool combinations; Jaccard; distinct-n."""
    result = compute(read_records(input_path))
    click.echo(result.model_dump_json(indent=2) if as_json else render(result))
