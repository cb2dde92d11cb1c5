"""Crash-safe JSONL output with resume.

A run writes `<output>.partial` (one `os.write` per batch of whole lines, then fsync) and renames it
to `<output>` only when complete, so an existing dataset is replaced only by a finished one and a
killed run leaves whole records on disk. `<output>.partial.json` holds the run's settings; `--resume`
checks them and every record before changing a byte, drops a torn last line if any, and continues
after the last whole record. A finished output is never turned back into a partial one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from datagen.core.atomic import write_bytes_atomic
from datagen.core.record import Record
from datagen.errors import ConfigError, InputError, WriteError


# Run settings and the record metadata field that shows them.
_RECORD_FIELDS = {"seed": "seed", "corpus_memory": "corpus_memory_enabled", "build_id": "build_id",
                  "run_id": "run_id"}


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
        self._complete = False

    def _check_settings(self, source: Path, found: dict[str, Any]) -> None:
        for key, value in self.settings.items():
            if key in found and found[key] != value:
                raise ConfigError(f"cannot resume {source}: it was generated with {key}={found[key]!r}, "
                                  f"not {value!r}; rerun with the same flags, or with --overwrite to start over")

    def open(self, resume: bool, overwrite: bool = False, limit: int | None = None) -> list[Record]:
        """Open for writing; with `resume`, return the records already written (in order).

        Everything is checked before a byte changes: the settings in `<output>.partial.json`, every
        record's seed, build and run (the run id covers the mode), the count against `limit`. A
        finished `<output>` is never moved: it is copied to `<output>.partial` when extended, and
        left as it is when it already holds `limit` records. Without `resume`, an interrupted run's
        `.partial` is discarded only with `overwrite`.
        """
        self.output.parent.mkdir(parents=True, exist_ok=True)
        if not resume:
            if self.partial.exists() and not overwrite:
                raise ConfigError(f"{self.partial} holds an interrupted run: continue it with --resume, "
                                  f"or pass --overwrite to discard it")
            self.partial.unlink(missing_ok=True)
            self.meta.write_text(json.dumps(self.settings), encoding="utf-8")
            self._fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            return []
        source = self.partial if self.partial.exists() else self.output if self.output.exists() else None
        existing: list[Record] = []
        data = b""
        if source is not None:
            if source == self.partial and self.meta.exists():
                self._check_settings(self.partial, json.loads(self.meta.read_text(encoding="utf-8")))
            existing, data = self._read_whole_records(source)
            if limit is not None and len(existing) > limit:
                raise ConfigError(f"cannot resume {source}: it already holds {len(existing)} records, more than "
                                  f"--n {limit}; pass --n {len(existing)} or more, or choose another --output")
        if source == self.output and limit is not None and len(existing) == limit:
            self._complete = True  # finished already: nothing to write, nothing to move
            return existing
        if source == self.output:
            write_bytes_atomic(self.partial, data)  # the finished file stays until the longer one is done
        elif source == self.partial:
            with open(self.partial, "r+b") as handle:  # drop a torn line, close an unterminated record
                handle.truncate(len(data.rstrip(b"\n")))
                handle.seek(0, os.SEEK_END)
                if data:
                    handle.write(b"\n")
        self.meta.write_text(json.dumps(self.settings), encoding="utf-8")
        self._fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        return existing

    def _read_whole_records(self, path: Path) -> tuple[list[Record], bytes]:
        """The whole records of `path` and their bytes (newline-terminated), checked; `path` is not changed.

        A last line without its newline is kept if it is a whole record (a JSON object cannot be cut
        into a shorter valid one) and dropped as torn otherwise.
        """
        data = path.read_bytes()
        lines = data.split(b"\n")
        tail = lines.pop()  # b"" when the file ends with a newline
        if tail:
            try:
                json.loads(tail)
                lines.append(tail)
            except ValueError:
                pass
        records = []
        for number, line in enumerate(lines, start=1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                raise InputError(str(path), f"line {number}", f"not a JSON record ({exc}); "
                                 f"rerun with --overwrite to start over") from exc
            except RecursionError as exc:
                raise InputError(str(path), f"line {number}", "JSON nested too deep") from exc
            meta = record.get("metadata", {}) if isinstance(record, dict) else {}
            meta = meta if isinstance(meta, dict) else {}
            for key, field in _RECORD_FIELDS.items():
                if key in self.settings and field in meta and meta[field] != self.settings[key]:
                    raise ConfigError(f"cannot resume {path}: line {number} has {field}={meta[field]!r}, "
                                      f"not {self.settings[key]!r} (another seed, mode, corpus memory or build); "
                                      f"rerun with the same flags, or with --overwrite to start over")
            try:
                records.append(Record.model_validate(record))
            except ValidationError as exc:
                raise InputError(str(path), f"line {number}", f"not a datagen record ({_first(exc)})") from exc
        return records, b"".join(line + b"\n" for line in lines)

    def append(self, lines: list[str]) -> None:
        """Append whole lines in one write, then flush them to disk."""
        if self._complete:
            raise RuntimeError("sink holds a finished output")
        if self._fd is None:
            raise RuntimeError("sink not open")
        if lines:
            data = ("\n".join(lines) + "\n").encode("utf-8")
            try:
                written = os.write(self._fd, data)
                if written != len(data):
                    raise OSError(28, "No space left on device")
                os.fsync(self._fd)
            except OSError as exc:
                raise WriteError(f"cannot write {self.partial} ({exc.strerror}): free some space, then rerun with "
                                 f"--resume (the whole records already written are kept)") from exc

    def finish(self) -> None:
        """Close and publish: `<output>.partial` becomes `<output>` (a finished output is left as it is)."""
        self.close()
        if self._complete:
            return
        os.replace(self.partial, self.output)
        self.meta.unlink(missing_ok=True)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
