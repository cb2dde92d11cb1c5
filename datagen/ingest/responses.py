"""Read ToolBench's observed response structures (`response_examples/<Category>/<tool>.json`).

ToolBench called each API once (2023) and kept the structure of the answer with its values replaced
by type names (`"str"`, `"int"`, `"list of str with length 1"`, `"empty list"`, `"NoneType"`):
`{"api_list": [{"name": <API name>, "schema": <structure>}]}`. Ingest only reads and checks the
envelope; the registry decides what a structure means (error bodies, type names). A file is keyed
by its category folder and file stem, the same pair that names a tool file of the tools tree, so a
tool file finds its observed answers without either folder knowing the other's layout.

A bad file is one `InputError` naming it (or, with `skip_invalid`, one `SkippedInput`). An empty file
is not bad: ToolBench's own folder has a few (it observed nothing for those tools); they are counted.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from datagen.errors import InputError
from datagen.ingest.models import SkippedInput

log = logging.getLogger(__name__)

FOLDER_NAME = "response_examples"
"""The folder name ToolBench gives the observed structures; one beside the tools folder is used by default."""


class ObservedApi(BaseModel):
    """One observed answer: the API's name as written in the file, where it sits, and its structure."""

    name: str
    source: str = Field(description="file and JSON path of the structure, for provenance")
    structure: Any


class ObservedResponses(BaseModel):
    """Every observed structure by (category folder, tool file stem), plus what was skipped."""

    root: str
    tools: dict[str, list[ObservedApi]] = Field(default_factory=dict)
    skipped: list[SkippedInput] = Field(default_factory=list)
    files: int = 0
    empty_files: int = 0

    def for_tool_file(self, source_file: str) -> list[ObservedApi]:
        """The observed answers of the tool file at `source_file` (`…/<Category>/<tool>.json`)."""
        path = Path(source_file.split(" $", 1)[0])
        return self.tools.get(tool_key(path.parent.name, path.stem), [])


def tool_key(category: str, stem: str) -> str:
    """The key a tool file and its response-examples file share: `<Category>/<stem>`."""
    return f"{category}/{stem}"


def default_folder(data: Path) -> Path | None:
    """`<data>/../response_examples` when `data` is a tools folder and that folder exists, else None."""
    if not data.is_dir():
        return None
    beside = data.resolve().parent / FOLDER_NAME
    return beside if beside.is_dir() and beside != data.resolve() else None


def _apis(file: Path, data: Any) -> list[ObservedApi]:
    if not isinstance(data, dict) or not isinstance(data.get("api_list"), list):
        raise InputError(str(file), "$", "expected an object with an api_list (ToolBench response_examples format)")
    apis: list[ObservedApi] = []
    for index, item in enumerate(data["api_list"]):
        where = f"$.api_list[{index}]"
        if not isinstance(item, dict):
            raise InputError(str(file), where, f"expected an object, got {type(item).__name__}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError(str(file), f"{where}.name", "API name missing or blank")
        apis.append(ObservedApi(name=name, source=f"{file} {where}.schema", structure=item.get("schema")))
    return apis


def _read(file: Path) -> list[ObservedApi] | None:
    """The file's observed answers; None for an empty file."""
    try:
        text = file.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(str(file), "$", f"cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(file), "$", f"not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        return None  # ToolBench ships a few empty files: it observed nothing for that tool
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(str(file), "$", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputError(str(file), "$", "JSON nested too deep to be a response structure") from exc
    return _apis(file, data)


def read_observed(root: Path, *, skip_invalid: bool = False) -> ObservedResponses:
    """Read every `<root>/<Category>/<tool>.json`, in a stable order.

    Raises:
        InputError: `root` is not a folder, or (without `skip_invalid`) a file is not valid JSON in the
            response_examples format; the message names the file.
    """
    if not root.is_dir():
        raise InputError(str(root), "$", "--responses must be a response_examples folder (<root>/<Category>/<tool>.json)")
    found = ObservedResponses(root=str(root))
    for category in sorted(p for p in root.iterdir() if p.is_dir()):
        for file in sorted(p for p in category.iterdir() if p.name.endswith(".json")):
            try:
                apis = _read(file)
            except InputError as exc:
                if not skip_invalid:
                    raise InputError(exc.file, exc.json_path,
                                     f"{exc.reason}: fix or remove it, or pass --skip-invalid") from exc
                found.skipped.append(SkippedInput(file=exc.file, json_path=exc.json_path, reason=exc.reason))
                log.warning("skipped %s %s: %s", exc.file, exc.json_path, exc.reason)
                continue
            found.files += 1
            found.empty_files += apis is None
            if apis:
                found.tools[tool_key(category.name, file.stem)] = apis
    return found

