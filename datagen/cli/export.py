"""`datagen export`: a generated JSONL dataset in OpenAI, ShareGPT or Hugging Face `datasets` form."""

from __future__ import annotations

from pathlib import Path

import click

from datagen.export.job import ExportFormat, run_export
from datagen.export.tools import DEFAULT_REGISTRY


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True,
              help="JSONL file from `datagen generate` or `datagen evaluate`.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in ExportFormat]), required=True,
              help="openai: JSONL of {messages, tools}; sharegpt: JSONL of {conversations, tools}; "
                   "hf: a `datasets` directory (needs `pip install 'datagen[hf]'`).")
@click.option("--output", type=click.Path(path_type=Path), required=True,
              help="Output JSONL file (openai, sharegpt) or directory (hf).")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=DEFAULT_REGISTRY,
              show_default=True, help="registry.json written by `datagen build` (function schemas).")
@click.option("--overwrite", is_flag=True, help="Replace an existing --output and its .functions.json.")
def export(input_path: Path, fmt: str, output: Path, registry_path: Path, overwrite: bool) -> None:
    """Convert a dataset for trainers: tool calls with ids, JSON-schema tools from the registry.

    Function names are endpoint ids made safe (`tool::endpoint` → `tool__endpoint`); the mapping
    back to endpoint ids is written to `<output>.functions.json`. No Neo4j needed.
    """
    summary = run_export(input_path, ExportFormat(fmt), output, registry_path, overwrite)
    click.echo(f"wrote {summary.conversations} conversation(s) as {summary.format.value} to {summary.output} "
               f"({summary.functions} function(s); names in {summary.mapping})")
