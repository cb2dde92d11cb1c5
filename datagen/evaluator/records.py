"""Read and write JSONL record files for the evaluator commands.

Every evaluator command takes a file written by `generate` (or by `evaluate`). A bad line is an
`InputError` naming the file and the line, so a user can open the file at the right place; writes go
through a temporary file and a rename, so a crash never leaves a half-written dataset behind.
"""

from __future__ import annotations

import json
from pathlib import Path

from datagen.core.atomic import write_atomic
from datagen.core.record import RecordDict as Record
from datagen.core.record import dumps
from datagen.errors import InputError

# Top-level fields every command reads by shape: a wrong type is named here, not met as a traceback.
_SHAPES: dict[str, type] = {"metadata": dict, "messages": list, "tool_calls": list, "tool_outputs": list}
_KIND_NAMES: dict[type, str] = {dict: "an object", list: "an array"}


def parse_line(path: Path, number: int, line: str) -> Record:
    """One record from line `number` (1-based) of `path`; `InputError` if it is not a JSON object."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"line {number}", f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(str(path), f"line {number}", "JSON nested too deep to be a record") from exc
    if not isinstance(value, dict):
        raise InputError(str(path), f"line {number}", f"expected a JSON object, got {type(value).__name__}")
    for key, kind in _SHAPES.items():
        if key in value and not isinstance(value[key], kind):
            raise InputError(str(path), f"line {number}: $.{key}",
                             f"expected {_KIND_NAMES[kind]}, got {type(value[key]).__name__}")
    return value


def read_records(path: Path) -> list[Record]:
    """Every record of a JSONL file, in order (blank lines are skipped)."""
    if not path.is_file():
        raise InputError(str(path), "$", "no such file (run `datagen generate` first, or check --input)")
    records: list[Record] = []
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(str(path), f"line {number}", f"not UTF-8 text (byte {exc.start + 1} of the line): "
                                 f"re-save the file as UTF-8") from exc
            if line.strip():
                records.append(parse_line(path, number, line))
    return records


def write_records(path: Path, records: list[Record]) -> None:
    """Write records as JSONL with the same serialisation as `generate` (deterministic bytes)."""
    write_atomic(path, "".join(dumps(r) + "\n" for r in records))
