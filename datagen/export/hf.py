"""A Hugging Face `datasets` directory (`save_to_disk`) of the OpenAI-format export.

Needs the `hf` extra (`pip install 'datagen[hf]'`); without it the export stops with that hint. The
columns are declared, not inferred, so every row has the same Arrow schema:

- `conversation_id`, `domain`, `pattern_type`, `sampling_mode` (strings), `num_tool_calls` (int),
  `passed` (bool or null), `mean_score` (float or null), from the record;
- `messages`: role, content, tool_calls (id, type, function{name, arguments}), tool_call_id, with null
  for a field a message does not have;
- `tools`: the function definitions as a JSON string, because JSON-schema objects differ per function
  and Arrow would otherwise merge every property of every tool into one sparse struct.

The directory is written beside the target and renamed into place; an existing target is replaced
only if it is itself a saved dataset.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from datagen.errors import ConfigError

Row = dict[str, Any]
INSTALL_HINT = "the hf format needs the `datasets` package: pip install 'datagen[hf]'"


def require_datasets() -> Any:
    """The `datasets` module, or a `ConfigError` saying how to install it."""
    try:
        import datasets  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError as exc:
        raise ConfigError(INSTALL_HINT) from exc
    return datasets


def features(ds: Any) -> Any:
    """The declared schema of the dataset."""
    string = ds.Value("string")
    call = {"id": string, "type": string, "function": {"name": string, "arguments": string}}
    message = {"role": string, "content": string, "tool_calls": [call],
               "tool_call_id": string}
    return ds.Features({
        "conversation_id": string, "domain": string, "pattern_type": string, "sampling_mode": string,
        "num_tool_calls": ds.Value("int32"), "passed": ds.Value("bool"), "mean_score": ds.Value("float64"),
        "messages": [message], "tools": string,
    })


def hf_row(record: Row, openai_row: Row) -> Row:
    """One dataset row: the OpenAI messages with every field present, the tools as JSON text."""
    meta = record.get("metadata") or {}
    scores = record.get("judge_scores") or {}
    messages = [{"role": m["role"], "content": m.get("content"), "tool_calls": m.get("tool_calls") or [],
                 "tool_call_id": m.get("tool_call_id")} for m in openai_row["messages"]]
    return {
        "conversation_id": record.get("conversation_id"), "domain": meta.get("domain"),
        "pattern_type": meta.get("pattern_type"), "sampling_mode": meta.get("sampling_mode"),
        "num_tool_calls": len(record.get("tool_calls") or []), "passed": record.get("passed"),
        "mean_score": scores.get("mean_score"), "messages": messages,
        "tools": json.dumps([t["function"] for t in openai_row["tools"]], ensure_ascii=False),
    }


def openai_messages(row: Row) -> list[Row]:
    """A dataset row's messages back in OpenAI form (null fields and empty call lists dropped)."""
    return [{k: v for k, v in m.items() if v is not None and not (k == "tool_calls" and not v)}
            for m in row["messages"]]


def save_hf(records: list[Row], openai_rows: list[Row], output: Path) -> int:
    """Write the dataset directory at `output`; returns the number of rows."""
    ds = require_datasets()
    if output.exists() and not (output.is_dir() and ((output / "dataset_info.json").is_file() or not any(output.iterdir()))):
        raise ConfigError(f"{output} exists and is not a saved dataset; choose another --output or remove it")
    rows = [hf_row(r, o) for r, o in zip(records, openai_rows, strict=True)]
    quiet = getattr(ds, "disable_progress_bars", None) or getattr(ds, "disable_progress_bar", None)
    if quiet is not None:
        quiet()  # library code draws no progress bars; the CLI prints one summary line
    schema = features(ds)
    # Column-wise, so an empty dataset still gets its declared columns (from_list infers them from row 0).
    dataset = ds.Dataset.from_dict({col: [row[col] for row in rows] for col in schema}, features=schema)
    tmp = output.with_name(output.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    dataset.save_to_disk(str(tmp))
    if output.exists():
        shutil.rmtree(output)
    tmp.rename(output)
    return len(rows)
