"""`datagen validate`: structural check of a JSONL dataset, no judge and no Neo4j."""

from __future__ import annotations

from pathlib import Path

import click

from datagen.evaluator.records import read_records
from datagen.core.checks import check_record


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True, help="JSONL file to check.")
def validate(input_path: Path) -> None:
    """Check every record's structure: keys, role order, answered tool calls, metadata consistency.

    Prints one line per problem with the record's conversation_id; exits 1 when any record is invalid.
    """
    records = read_records(input_path)
    invalid = 0
    for number, record in enumerate(records, start=1):
        problems = check_record(record)
        if problems:
            invalid += 1
            name = record.get("conversation_id") or f"line {number}"
            for problem in problems:
                click.echo(f"{name}: {problem}")
    click.echo(f"{len(records) - invalid}/{len(records)} record(s) valid in {input_path}", err=True)
    if invalid:
        raise SystemExit(1)
