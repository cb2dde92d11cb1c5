"""Read ToolBench tool JSON from disk into `RawToolRecord`s.

Accepted inputs: a tools tree (`<root>/<Category>/<tool>.json`), a single tool file, or a file holding
a JSON array of tools. Every problem becomes an `InputError` naming the file and the JSON path; with
`skip_invalid` the problem is recorded and the file (or array element) is passed over instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from datagen.errors import InputError
from datagen.ingest.models import IngestResult, RawTool, RawToolRecord, SkippedInput

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


def json_path(loc: tuple[int | str, ...], prefix: str = "$") -> str:
    """Render a pydantic error location as a JSON path (`$.api_list[2].name`)."""
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


_UNION_MEMBER = re.compile(r"^(str|int|float|bool|none|any|dict\[.*\]|list\[.*\]|function-.*)$")


def _first_error(exc: ValidationError, prefix: str) -> tuple[str, str]:
    """The first problem as (JSON path, message); union-member names are not part of the path."""
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and _UNION_MEMBER.match(p)))
    msg = err["msg"]
    if len(loc) < len(err["loc"]) and err["type"] != "value_error":
        msg = f"unexpected {type(err['input']).__name__} value ({msg.lower()} or another accepted type)"
    return json_path(loc, prefix), msg


def list_input_files(path: Path) -> list[Path]:
    """The JSON files under `path` (a folder is walked recursively), in a stable order."""
    if not path.exists():
        raise InputError(str(path), "$", "no such file or folder")
    if path.is_file():
        return [path]
    files = sorted(_walk_json(path))
    if not files:
        raise InputError(str(path), "$", "folder holds no .json tool files")
    return files


def _category_for(file: Path, root: Path, tool: RawTool) -> str:
    """The category: the tool's own `category_name`/`category`, else its folder under the root."""
    for value in (tool.category_name, tool.category):
        if value and value.strip():
            return value.strip()
    if root.is_dir() and file.parent != root:
        return file.relative_to(root).parts[0]
    return file.parent.name or "Uncategorized"


def _parse_tool(data: Any, file: Path, prefix: str) -> RawTool:
    if not isinstance(data, dict):
        raise InputError(str(file), prefix, f"expected a tool object, got {type(data).__name__}")
    try:
        tool = RawTool.model_validate(data)
    except ValidationError as exc:
        where, msg = _first_error(exc, prefix)
        raise InputError(str(file), where, msg) from exc
    if tool.display_name() is None:
        raise InputError(str(file), f"{prefix}.tool_name", "tool has no tool_name, name or title")
    return tool


def _walk_json(root: Path) -> list[Path]:
    """Every `.json` under `root`, following symlinked folders and files (each real folder once).

    Why: a tools tree assembled with symlinks is common, and `rglob` skips linked folders silently.
    A `.json` link whose target is missing is an input error, not a file to pass over in silence.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for folder, dirs, names in os.walk(root, followlinks=True):
        real = Path(folder).resolve()
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in names:
            file = Path(folder) / name
            if not name.endswith(".json"):
                continue
            if file.is_file() or (file.is_symlink() and not file.exists()):  # a broken link fails when read
                found.append(file)
    return found


def _read_file(file: Path, raw: bytes) -> list[tuple[int | None, Any]]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(str(file), "$", f"not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(file), "$", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputError(str(file), "$", "JSON nested too deep to be a tool description") from exc
    if isinstance(data, list):
        return list(enumerate(data))
    return [(None, data)]


def iter_records(
    file: Path, raw: bytes, root: Path, skip_invalid: bool, skipped: list[SkippedInput]
) -> Iterator[RawToolRecord]:
    """Parse one file into records; invalid elements raise, or are recorded when skipping."""
    shown = str(file)
    try:
        items = _read_file(file, raw)
    except InputError as exc:
        if not skip_invalid:
            raise
        skipped.append(SkippedInput(file=shown, json_path=exc.json_path, reason=exc.reason))
        return
    for index, data in items:
        prefix = "$" if index is None else f"$[{index}]"
        try:
            tool = _parse_tool(data, file, prefix)
        except InputError as exc:
            if not skip_invalid:
                raise
            skipped.append(SkippedInput(file=shown, json_path=exc.json_path, reason=exc.reason))
            continue
        yield RawToolRecord(
            source_file=shown, source_index=index, category=_category_for(file, root, tool), tool=tool
        )


def ingest(path: Path, *, skip_invalid: bool = False, progress: Progress | None = None) -> IngestResult:
    """Parse every tool under `path`.

    Without `skip_invalid` the first invalid input raises `InputError` (nothing has been written
    anywhere yet: ingest only reads). With it, invalid files and array elements are listed in
    `IngestResult.skipped` with their reason and the rest is returned.
    """
    files = list_input_files(path)
    root = path if path.is_dir() else path.parent
    records: list[RawToolRecord] = []
    skipped: list[SkippedInput] = []
    hashes: dict[str, str] = {}
    for done, file in enumerate(files, start=1):
        try:
            raw = file.read_bytes()
        except OSError as exc:
            what = f"broken symlink to {os.readlink(file)}" if file.is_symlink() else f"cannot read ({exc.strerror})"
            if not skip_invalid:
                raise InputError(str(file), "$", f"{what}: fix or remove it, or pass --skip-invalid") from exc
            skipped.append(SkippedInput(file=str(file), json_path="$", reason=what))
            continue
        hashes[str(file)] = hashlib.sha256(raw).hexdigest()
        records.extend(iter_records(file, raw, root, skip_invalid, skipped))
        if progress is not None:
            progress(done, len(files))
    for item in skipped:
        log.warning("skipped %s %s: %s", item.file, item.json_path, item.reason)
    return IngestResult(tools=records, skipped=skipped, file_hashes=hashes)
