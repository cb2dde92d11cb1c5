"""The export job: a generated JSONL dataset → a format trainers read.

Reads the records (`datagen.evaluator.records`, so a bad line names its line) and the registry
(`registry.json` from `datagen build`, for the function schemas); writes the converted dataset to
`output` and the function-name mapping (name → endpoint id) to `<output>.functions.json`, all
through temporary files and renames. Every record is converted before anything is written, so a
bad record leaves no half-exported file behind.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel

from datagen.core.atomic import write_atomic
from datagen.core.outputs import check_output, output_lock
from datagen.errors import ConfigError, InputError
from datagen.evaluator.records import read_records
from datagen.export.hf import require_datasets, save_hf
from datagen.export.openai import dumps_lines, export_openai
from datagen.export.sharegpt import export_sharegpt
from datagen.export.tools import FunctionCatalog, load_registry


class ExportFormat(StrEnum):
    """The formats `datagen export` writes."""

    OPENAI = "openai"
    SHAREGPT = "sharegpt"
    HF = "hf"


class ExportSummary(BaseModel):
    """What an export wrote."""

    format: ExportFormat
    output: str
    mapping: str
    conversations: int
    functions: int


def mapping_path(output: Path) -> Path:
    """Where the function-name mapping of an export goes."""
    return output.with_name(output.name + ".functions.json")


def run_export(input_path: Path, fmt: ExportFormat, output: Path, registry_path: Path,
               overwrite: bool = False) -> ExportSummary:
    """Convert `input_path` to `fmt` at `output`; see the module doc for what is written.

    Existing outputs (the dataset and its mapping) are replaced only with `overwrite`; an output
    that is an input is refused.
    """
    check_output(output, inputs=[input_path, registry_path], beside=[mapping_path(output)], overwrite=overwrite,
                 directory=fmt is ExportFormat.HF)
    with output_lock(output):
        return _export(input_path, fmt, output, registry_path)


def _export(input_path: Path, fmt: ExportFormat, output: Path, registry_path: Path) -> ExportSummary:
    if fmt is ExportFormat.HF:
        require_datasets()  # fail on a missing extra before reading anything
    catalog = FunctionCatalog(load_registry(registry_path), registry_path)
    records = read_records(input_path)
    if not records:
        raise InputError(str(input_path), "$", "no records to export")
    openai_rows = export_openai(records, catalog, input_path)
    if fmt is ExportFormat.OPENAI:
        write_atomic(output, dumps_lines(openai_rows))
    elif fmt is ExportFormat.SHAREGPT:
        write_atomic(output, dumps_lines(export_sharegpt(openai_rows, str(input_path))))
    else:
        save_hf(records, openai_rows, output)
    mapping = catalog.mapping()
    write_atomic(mapping_path(output), json.dumps(mapping, ensure_ascii=False, indent=2) + "\n")
    return ExportSummary(format=fmt, output=str(output), mapping=str(mapping_path(output)),
                         conversations=len(records), functions=len(mapping))
