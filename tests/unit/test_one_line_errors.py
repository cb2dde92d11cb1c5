"""Bad inputs end in one line naming the file and the line or field, in every command that reads JSONL.

Real files: the golden records, then one line spoiled in each way the issue found (bytes that are
not UTF-8, JSON nested 1000 deep, `metadata` of the wrong type). Real ToolBench-shaped tool files
for ingest: nested too deep (also skipped by --skip-invalid), symlinked folders, broken links.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.errors import InputError
from datagen.generator.sink import JsonlSink
from datagen.ingest.reader import ingest
from tests.conftest import REPO, SEED_DATA

GOLDEN = REPO / "tests" / "golden" / "mixed_n6_seed7.jsonl"
DEEP = b"[" * 1000 + b"]" * 1000


def _spoiled(tmp_path: Path, kind: str) -> Path:
    lines = GOLDEN.read_bytes().splitlines(keepends=True)
    if kind == "utf8":
        lines[2] = lines[2].replace(b'"messages"', b'"mess\xff\xfeges"')
    elif kind == "deep":
        lines[2] = b'{"conversation_id": "x", "metadata": ' + DEEP + b"}\n"
    else:
        record = json.loads(lines[2])
        record["metadata"] = ["not", "an", "object"]
        lines[2] = (json.dumps(record) + "\n").encode()
    path = tmp_path / f"{kind}.jsonl"
    path.write_bytes(b"".join(lines))
    return path


COMMANDS = [
    ["validate"], ["inspect"], ["metrics"], ["report", "--output", "{tmp}/r.html"],
    ["export", "--format", "openai", "--output", "{tmp}/e.jsonl", "--registry", "{registry}"],
    ["evaluate", "--offline", "--no-write-back", "--output", "{tmp}/ev.jsonl"],
]


@pytest.mark.parametrize("kind", ["utf8", "deep", "metadata"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_bad_jsonl_is_one_line_in_every_command(tmp_path: Path, registry_file: Path, kind: str,
                                                command: list[str]) -> None:
    path = _spoiled(tmp_path, kind)
    args = [a.format(tmp=tmp_path, registry=registry_file) for a in command]
    result = CliRunner().invoke(cli, [args[0], "--input", str(path), *args[1:]])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "line 3" in lines[0], result.output
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


@pytest.mark.parametrize("kind", ["utf8", "deep"])
def test_resume_of_a_bad_partial_is_an_input_error(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out.jsonl"
    out.with_name(out.name + ".partial").write_bytes(_spoiled(tmp_path, kind).read_bytes())
    with pytest.raises(InputError, match="line 3"):
        JsonlSink(out, {"seed": 7}).open(resume=True, limit=10)


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "tools"
    shutil.copytree(SEED_DATA, root)
    return root


def test_deep_tool_file_is_one_error_and_skip_invalid_skips_it(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    category = next(p for p in sorted(root.iterdir()) if p.is_dir())
    (category / "zz_deep.json").write_bytes(DEEP)
    with pytest.raises(InputError, match="zz_deep.json: \\$: JSON nested too deep"):
        ingest(root)
    result = ingest(root, skip_invalid=True)
    assert [s.file.endswith("zz_deep.json") for s in result.skipped] == [True]


def test_symlinked_folders_are_read_and_broken_links_are_named(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    plain = len(ingest(root).tools)
    outside = tmp_path / "more"
    category = next(p for p in sorted(root.iterdir()) if p.is_dir())
    shutil.copytree(category, outside)
    (root / "Linked").symlink_to(outside, target_is_directory=True)
    (root / "Loop").symlink_to(root, target_is_directory=True)  # a cycle is walked once
    linked = ingest(root)
    assert len(linked.tools) == plain + len(list(outside.glob("*.json")))
    (category / "gone.json").symlink_to(tmp_path / "missing.json")
    with pytest.raises(InputError, match="gone.json: \\$: broken symlink"):
        ingest(root)
    assert [s.reason.startswith("broken symlink") for s in ingest(root, skip_invalid=True).skipped] == [True]
