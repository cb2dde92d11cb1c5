"""Crash-safe JSONL output with resume.

A run writes `<output>.partial` (one `os.write` per batch of whole lines, then fsync) and renames it
to `<output>` only when complete, so an existing dataset is replaced only by a finished one and a
killed run leaves whole records on disk. `<output>.partial.json` holds the run's settings; `--resume`
checks them, drops a torn last line if any, and continues after the last whole record.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from datagen.core.record import Record
from datagen.errors import ConfigError, InputError


# Run settings and the record metadata field that shows them.
_RECORD_FIELDS = {"seed": "seed", "corpus_memory": "corpus_memory_enabled", "build_id": "build_id"}


def _first(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}"


class JsonlSink:
    """The output file of one generate run."""

    def __init__(self, output: Path, settings: dict[str, Any]) -> None:
        self.output = output
        self.partial = output.with_name(output.name + ".partial")
        self.meta = output.with_name(output.name + ".partial.json")
        self.settings = settings
        self._fd: int | None = None

    def _check_settings(self, source: Path, found: dict[str, Any]) -> None:
        for key, value in self.settings.items():
            if key in found and found[key] != value:
                raise ConfigError(f"cannot resume {source}: it was generated with {key}={found[key]!r}, "
                                  f"not {value!r}; rerun without --resume to start over")

    def open(self, resume: bool) -> list[Record]:
        """Open for writing; with `resume`, return the records already written (in order)."""
        self.output.parent.mkdir(parents=True, exist_ok=True)
        existing: list[Record] = []
        if resume and not self.partial.exists() and self.output.exists():
            self._read_whole_records(self.output)  # refuses a file of other settings before moving it
            os.replace(self.output, self.partial)
            self.meta.write_text(json.dumps(self.settings), encoding="utf-8")
        if resume and self.partial.exists():
            if self.meta.exists():
                self._check_settings(self.partial, json.loads(self.meta.read_text(encoding="utf-8")))
            existing = self._read_whole_records(self.partial)
        else:
            self.partial.unlink(missing_ok=True)
            self.meta.write_text(json.dumps(self.settings), encoding="utf-8")
        self._fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        return existing

    def _read_whole_records(self, path: Path) -> list[Record]:
        """The whole records of `path` (a torn last line is cut off), checked against the settings."""
        data = path.read_bytes()
        keep = data.rfind(b"\n") + 1
        if keep != len(data):
            with open(path, "r+b") as handle:
                handle.truncate(keep)
        records = []
        for number, line in enumerate(data[:keep].splitlines(), start=1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"line {number}", f"not a JSON record ({exc.msg})") from exc
            meta = record.get("metadata", {}) if isinstance(record, dict) else {}
            for key, field in _RECORD_FIELDS.items():
                if key in self.settings and field in meta and meta[field] != self.settings[key]:
                    raise ConfigError(f"cannot resume {path}: line {number} has {field}={meta[field]!r}, "
                                      f"not {self.settings[key]!r}; rerun without --resume to start over")
            try:
                records.append(Record.model_validate(record))
            except ValidationError as exc:
                raise InputError(str(path), f"line {number}", f"not a datagen record ({_first(exc)})") from exc
        return records

    def append(self, lines: list[str]) -> None:
        """Append whole lines in one write, then flush them to disk."""
        if self._fd is None:
            raise RuntimeError("sink not open")
        if lines:
            os.write(self._fd, ("\n".join(lines) + "\n").encode("utf-8"))
            os.fsync(self._fd)

    def finish(self) -> None:
        """Close and publish: `<output>.partial` becomes `<output>`."""
        self.close()
        os.replace(self.partial, self.output)
        self.meta.unlink(missing_ok=True)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
