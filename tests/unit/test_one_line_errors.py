"""Bad inputs end in one line naming the file and the line or field, in every command that reads JSONL.

Also arguments a shell can pass that the code could not print or send: a query parameter holding
bytes that are not UTF-8, and an --output in a folder nothing can be created in (/proc).

Real files: the golden records, then one line spoiled in each way the issue found (bytes that are
not UTF-8, JSON nested 1000 deep, `metadata` of the wrong type). Real ToolBench-shaped tool files
for ingest: nested too deep (also skipped by --skip-invalid), symlinked folders, broken links.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.core.outputs import check_output, output_lock
from datagen.errors import ConfigError, InputError
from datagen.generator.sink import JsonlSink
from datagen.ingest.reader import ingest
from tests.conftest import REPO, SEED_DATA
from tests.unit.cli_run import datagen, one_error_line

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


@pytest.mark.parametrize("param", [b"conversation_id=a\xffb", b"conv\xff=1"], ids=["value", "name"])
def test_query_param_with_bytes_that_are_not_utf8_is_one_line(tmp_path: Path, param: bytes) -> None:
    """Refused before connecting (nothing listens on port 1), naming the parameter as the user typed it."""
    result = datagen(tmp_path, "query", "conversation_lineage", "--param", param,
                     env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    line = one_error_line(result)
    name = os.fsdecode(param.partition(b"=")[0]).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    assert f"--param {name}:" in line and "not UTF-8" in line and "\\xff" in line, line


@pytest.mark.parametrize("command", [
    ["evaluate", "--offline", "--no-write-back", "--input", str(GOLDEN)],
    ["export", "--format", "openai", "--input", str(GOLDEN), "--registry", "{registry}"],
], ids=lambda c: c[0])
@pytest.mark.parametrize("output", ["/proc/datagen-nowhere/out.jsonl", "/proc/out.jsonl"])
def test_output_where_nothing_can_be_created_is_one_line(tmp_path: Path, registry_file: Path, command: list[str],
                                                          output: str) -> None:
    args = [a.format(registry=registry_file) for a in command]
    line = one_error_line(datagen(tmp_path, *args, "--output", output))
    assert f"--output {output}: cannot create files in /proc" in line and "choose another path" in line, line
    assert not os.path.lexists(output) and not os.path.lexists("/proc/datagen-nowhere")


def test_check_output_and_lock_refuse_a_folder_that_takes_no_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot create files in /proc"):
        check_output(Path("/proc/datagen-nowhere/out.jsonl"))
    with pytest.raises(ConfigError, match="cannot create the lock file /proc/datagen-nowhere/.out.jsonl.lock"):
        with output_lock(Path("/proc/datagen-nowhere/out.jsonl")):
            pass
    check_output(tmp_path / "new" / "out.jsonl")
    assert list(tmp_path.iterdir()) == []  # the check leaves nothing behind
