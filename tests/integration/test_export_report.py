"""Export and report on freshly generated conversations (seed corpus on a real Neo4j).

Thirty mixed-mode conversations (every sampling mode, parallel calls included) are generated from
the seed graph, judged by the offline judge, then exported in all three formats and checked with the
same round-trip checks as the unit tests, and reported on and rendered in headless Chromium.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from neo4j import Driver

from datagen.cli.main import cli
from datagen.generator.job import GenerateSettings, run_generate
from datagen.core.plan import SamplingMode
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA
from tests.unit.export_checks import check_openai_row, check_sharegpt_row
from tests.unit.browser import browser, chromium, png_pixels

N = 30


@pytest.fixture(scope="module")
def generated(clean_db: Driver, neo4j_database: str, cli_env: dict[str, str],
              tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("export_report")
    run_build(clean_db, neo4j_database, SEED_DATA, root / "artifacts")
    output = root / "conversations.jsonl"
    run_generate(clean_db, neo4j_database, GenerateSettings(output=output, n=N, seed=11, mode=SamplingMode.MIXED,
                                                            write_back=False))
    evaluated = root / "evaluated.jsonl"
    result = CliRunner().invoke(cli, ["--quiet", "evaluate", "--input", str(output), "--output", str(evaluated),
                                      "--offline", "--no-write-back"], env=cli_env, catch_exceptions=False)
    assert result.exit_code in (0, 2), result.output
    return {"records": output, "evaluated": evaluated, "registry": root / "artifacts" / "registry.json", "root": root}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _export(files: dict[str, Path], fmt: str, output: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--input", str(files["evaluated"]), "--format", fmt,
                                      "--output", str(output), "--registry", str(files["registry"])],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output


def test_generated_conversations_round_trip_in_every_format(generated: dict[str, Path]) -> None:
    root = generated["root"]
    records = _rows(generated["evaluated"])
    assert len(records) == N
    assert any(len(m.get("tool_calls") or []) >= 2 for r in records for m in r["messages"]), "no parallel calls"
    _export(generated, "openai", root / "openai.jsonl")
    _export(generated, "sharegpt", root / "sharegpt.jsonl")
    openai_rows, shared = _rows(root / "openai.jsonl"), _rows(root / "sharegpt.jsonl")
    assert len(openai_rows) == len(shared) == N
    for record, row, share in zip(records, openai_rows, shared, strict=True):
        check_openai_row(row)
        check_sharegpt_row(share, row)
        calls = [c for m in row["messages"] for c in m.get("tool_calls", [])]
        assert [json.loads(c["function"]["arguments"]) for c in calls] == [c["parameters"] for c in record["tool_calls"]]
    datasets = pytest.importorskip("datasets", reason="the hf extra (`datasets`) is not installed")
    _export(generated, "hf", root / "hf")
    loaded = datasets.load_from_disk(str(root / "hf"))
    assert len(loaded) == N and loaded["conversation_id"] == [r["conversation_id"] for r in records]
    assert loaded["passed"] == [r["passed"] for r in records]


def test_report_on_generated_conversations_renders(generated: dict[str, Path]) -> None:
    root = generated["root"]
    page = root / "report.html"
    result = CliRunner().invoke(cli, ["report", "--input", str(generated["evaluated"]), "--output", str(page),
                                      "--registry", str(generated["registry"])], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert f"{N} conversations" in html and "Not evaluated" not in html
    assert "<script" not in html and "https://" not in html
    binary = chromium()
    shot = root / "shot.png"
    run = browser(binary, root, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    _, _, rows = png_pixels(shot)
    assert len({row[x:x + 3] for row in rows[::8] for x in range(0, len(row), 32)}) > 20
    dom = browser(binary, root, "--dump-dom", page.as_uri())
    assert dom.stdout.count("<svg") >= 9
