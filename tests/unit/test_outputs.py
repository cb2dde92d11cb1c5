"""No silent overwrite: `check_output`, the output lock, and `generate --resume` on the real sink.

The records are the golden files' (real output of `generate`), so the sink reads what a run wrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from datagen.core.outputs import check_output, lock_path, output_lock
from datagen.errors import ConfigError
from datagen.generator.sink import JsonlSink
from tests.conftest import REPO

GOLDEN = REPO / "tests" / "golden" / "mixed_n6_seed7.jsonl"


def _settings(**changes: Any) -> dict[str, Any]:
    meta = json.loads(GOLDEN.read_text(encoding="utf-8").splitlines()[0])["metadata"]
    base = {"seed": meta["seed"], "mode": "mixed", "corpus_memory": meta["corpus_memory_enabled"],
            "build_id": meta["build_id"], "run_id": meta["run_id"]}
    return {**base, **changes}


def _finished(tmp_path: Path, *, newline: bool = True) -> Path:
    out = tmp_path / "out.jsonl"
    data = GOLDEN.read_bytes()
    out.write_bytes(data if newline else data.rstrip(b"\n"))
    return out


def test_existing_output_needs_overwrite(tmp_path: Path) -> None:
    out = _finished(tmp_path)
    with pytest.raises(ConfigError, match="already exists: pass --overwrite"):
        check_output(out)
    check_output(out, overwrite=True)
    report = tmp_path / "evaluation_report.json"
    report.write_text("{}")
    with pytest.raises(ConfigError, match="evaluation_report.json already exists"):
        check_output(tmp_path / "new.jsonl", beside=[report])


def test_output_equal_to_an_input_is_refused_even_with_overwrite(tmp_path: Path) -> None:
    out = _finished(tmp_path)
    link = tmp_path / "link.jsonl"
    link.symlink_to(out)
    for given in (out, link, tmp_path / "." / "out.jsonl"):
        with pytest.raises(ConfigError, match="would overwrite the input"):
            check_output(given, inputs=[out], overwrite=True)


def test_directory_or_file_parent_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory"):
        check_output(tmp_path)
    check_output(tmp_path, directory=True, overwrite=True)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ConfigError, match="is a file, not a folder"):
        check_output(blocker / "sub" / "out.jsonl")


def test_second_writer_is_refused_and_the_lock_is_gone_after(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with output_lock(out):
        assert lock_path(out).exists()
        with pytest.raises(ConfigError, match="another datagen command is writing"), output_lock(out):
            pass
    assert not lock_path(out).exists()
    with output_lock(out):  # free again
        pass


def test_plain_run_keeps_an_interrupted_partial(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(GOLDEN.read_bytes())
    with pytest.raises(ConfigError, match="--resume"):
        JsonlSink(out, _settings()).open(resume=False)
    assert partial.read_bytes() == GOLDEN.read_bytes()
    sink = JsonlSink(out, _settings())
    assert sink.open(resume=False, overwrite=True) == []
    sink.close()
    assert partial.read_bytes() == b""


@pytest.mark.parametrize("change", [{"seed": 8}, {"run_id": "run_other_mode"}, {"build_id": "b"}])
def test_resume_with_other_settings_changes_no_byte(tmp_path: Path, change: dict[str, Any]) -> None:
    out = _finished(tmp_path, newline=False)  # the last record lacks its newline
    before = out.read_bytes()
    with pytest.raises(ConfigError, match="cannot resume"):
        JsonlSink(out, _settings(**change)).open(resume=True, limit=10)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_resume_with_smaller_n_leaves_a_finished_file_finished(tmp_path: Path) -> None:
    out = _finished(tmp_path)
    with pytest.raises(ConfigError, match="more than --n 3"):
        JsonlSink(out, _settings()).open(resume=True, limit=3)
    assert out.read_bytes() == GOLDEN.read_bytes()
    sink = JsonlSink(out, _settings())
    assert len(sink.open(resume=True, limit=6)) == 6
    sink.finish()
    assert out.read_bytes() == GOLDEN.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_extending_a_finished_file_keeps_it_until_the_longer_one_is_done(tmp_path: Path) -> None:
    out = _finished(tmp_path, newline=False)
    sink = JsonlSink(out, _settings())
    existing = sink.open(resume=True, limit=10)
    assert len(existing) == 6  # the unterminated last line is a whole record, kept
    assert out.read_bytes() == GOLDEN.read_bytes().rstrip(b"\n")  # untouched while the run goes on
    assert sink.partial.read_bytes() == GOLDEN.read_bytes()
    sink.close()


def test_resume_drops_only_a_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    partial = out.with_name(out.name + ".partial")
    lines = GOLDEN.read_bytes().splitlines(keepends=True)
    partial.write_bytes(b"".join(lines[:4]) + lines[4][:50])
    sink = JsonlSink(out, _settings())
    assert len(sink.open(resume=True, limit=10)) == 4
    sink.close()
    assert partial.read_bytes() == b"".join(lines[:4])
