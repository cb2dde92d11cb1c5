"""`datagen inspect`: per-conversation compliance breakdown, and the lineage with --verbose."""

from __future__ import annotations

from pathlib import Path

import click

from datagen.evaluator.inspect import render
from datagen.evaluator.records import read_records


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True, help="JSONL file to inspect.")
@click.option("--verbose", is_flag=True, help="Show the grounding chain: which field of which step fed each argument.")
@click.option("--id", "conversation_id", default=None, help="Only this conversation (e.g. conv_42_0001).")
def inspect(input_path: Path, verbose: bool, conversation_id: str | None) -> None:
    """Per-conversation compliance: grounded arguments, mock fallbacks, structure and judge verdict."""
    records = read_records(input_path)
    if conversation_id is not None:
        records = [r for r in records if r.get("conversation_id") == conversation_id]
        if not records:
            raise click.ClickException(f"no conversation {conversation_id!r} in {input_path}")
    click.echo(render(records, verbose))
