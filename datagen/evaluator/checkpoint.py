"""Where an evaluation stopped: the records judged so far, kept so a rerun pays for nothing twice.

Why: the Anthropic judge costs money and time per record. When it stops answering part-way (the
network, the key, an outage), the records it did judge are kept in `<output>.judged.partial` (JSONL,
exactly the records as they will appear in the output, in input order) with `<output>.judged.partial.json`
beside it (the input's sha256, the judge and gate settings, how many passed before repair). A rerun
with `--resume` checks all of that before it changes a byte, judges only the records after them and
publishes the whole output. Nothing in the partial is a failed judging: records of a failure streak
that stopped the run are not kept (they are judged again), so no null score is ever presented as a
result. The suffix differs from `generate`'s `<output>.partial`, because `generate --evaluate`
scores its own output in place and a scoring checkpoint must never look like an interrupted generation.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from datagen.core.atomic import write_atomic
from datagen.core.record import RecordDict as Record
from datagen.errors import ConfigError, DatagenError
from datagen.evaluator.records import read_records, write_records

SUFFIX = ".judged.partial"


def partial_path(output: Path) -> Path:
    """The records judged so far by a stopped evaluation of `output`."""
    return output.with_name(output.name + SUFFIX)


def meta_path(output: Path) -> Path:
    """The settings of a stopped evaluation of `output`."""
    return output.with_name(output.name + SUFFIX + ".json")


def file_digest(path: Path) -> str:
    """sha256 of a file's bytes (the input a checkpoint belongs to)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def save(output: Path, settings: dict[str, Any], judged: list[Record], initial_passed: int) -> None:
    """Keep the judged records and the settings (records first, so a meta file always has its records)."""
    write_records(partial_path(output), judged)
    write_atomic(meta_path(output), json.dumps({**settings, "records": len(judged),
                                                "initial_passed": initial_passed}, sort_keys=True) + "\n")


def discard(output: Path) -> None:
    """Remove a checkpoint (the evaluation finished, or the user chose to start over)."""
    partial_path(output).unlink(missing_ok=True)
    meta_path(output).unlink(missing_ok=True)


def exists(output: Path) -> bool:
    """Whether a stopped evaluation of `output` can be continued."""
    return partial_path(output).exists() or meta_path(output).exists()


def load(output: Path, settings: dict[str, Any], inputs: list[Record]) -> tuple[list[Record], int]:
    """The records a stopped evaluation judged and how many of them passed before repair.

    Raises:
        ConfigError: the checkpoint belongs to another input or other settings, or is damaged; the
            message says to rerun with the same flags or with --overwrite to start over.
    """
    where, again = partial_path(output), "rerun with the same input and flags, or with --overwrite to start over"
    try:
        meta = json.loads(meta_path(output).read_text(encoding="utf-8"))
        judged = read_records(where)
    except (OSError, ValueError, DatagenError) as exc:  # a missing file, bad JSON, a torn line
        raise ConfigError(f"cannot continue from {where} ({exc}); {again}") from None
    for key, value in settings.items():
        if meta.get(key) != value:
            raise ConfigError(f"cannot continue from {where}: it was judged with {key}={meta.get(key)!r}, "
                              f"not {value!r}; {again}")
    if meta.get("records") != len(judged) or len(judged) > len(inputs):
        raise ConfigError(f"cannot continue from {where}: it holds {len(judged)} record(s), its settings say "
                          f"{meta.get('records')}; {again}")
    for n, (done, source) in enumerate(zip(judged, inputs), start=1):
        if done.get("conversation_id") != source.get("conversation_id"):
            raise ConfigError(f"cannot continue from {where}: record {n} is {done.get('conversation_id')!r}, the "
                              f"input's is {source.get('conversation_id')!r}; {again}")
    return judged, int(meta.get("initial_passed", 0))
