"""`datagen report` without a server: the numbers, the self-contained page, and a real browser render.

The browser test runs Debian's `chromium` headless (see `tests.unit.browser`): a screenshot, decoded
to prove it is not blank, and `--dump-dom`, to prove the SVG charts are in the rendered DOM.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.report.stats import compute, histogram_counts
from tests.unit.browser import browser, chromium, png_pixels
from tests.unit.eval_fixtures import load_records, write_jsonl

SCORES = [(5.0, 4.5, 4.0), (2.0, 3.0, 4.5), (4.0, 4.0, 4.0)]


def _evaluated() -> list[dict[str, Any]]:
    records = copy.deepcopy(load_records())
    for record, (tc, tk, nat) in zip(records, SCORES):
        mean = round((tc + tk + nat) / 3, 2)
        passed = mean >= 3.5
        record["judge_scores"] = {"tool_correctness": tc, "task_completion": tk, "naturalness": nat, "mean_score": mean,
                                  "reasoning": "", "judge_model": "offline-rules-v1", "passed": passed,
                                  "failed_gates": [] if passed else ["threshold"]}
        record["passed"] = passed
    return records


def _report(input_path: Path, output: Path, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["report", "--input", str(input_path), "--output", str(output), *extra],
                              catch_exceptions=False)


def test_stats_count_what_the_records_say(registry_file: Path) -> None:
    from datagen.export.tools import load_registry

    stats = compute(_evaluated(), load_registry(registry_file))
    assert stats.conversations == 3 and stats.tool_calls == 8
    assert stats.domains == [("Travel", 2), ("Entertainment", 1)]
    assert stats.judge.evaluated == 3 and stats.judge.passed == 2 and stats.judge.failed_gates == [("threshold", 1)]
    assert stats.coverage is not None and stats.coverage.endpoints_used == 6 and stats.coverage.tools_used == 2
    assert stats.coverage.unknown_endpoints == []
    assert dict(stats.argument_sources)["step_output"] > 0
    assert histogram_counts([0.0, 0.5, 1.0, 1.0], [0.0, 0.5, 1.0]) == [1, 3]


def test_report_is_self_contained_and_deterministic(registry_file: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "ev.jsonl", _evaluated())
    assert _report(path, tmp_path / "a.html", "--registry", str(registry_file)).exit_code == 0
    assert _report(path, tmp_path / "b.html", "--registry", str(registry_file)).exit_code == 0
    html = (tmp_path / "a.html").read_text(encoding="utf-8")
    assert html == (tmp_path / "b.html").read_text(encoding="utf-8")
    for forbidden in ("<script", "http://", "https://", "<link", "src=", "@import", "url("):
        assert forbidden not in html, forbidden
    assert html.count("<svg") >= 9
    for heading in ("Domains", "Patterns", "Tools used vs available", "Judge scores", "Grounding", "tool_correctness"):
        assert heading in html
    assert "not evaluated" not in html.lower()


def test_report_without_scores_or_registry_says_so(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", load_records())
    result = _report(path, tmp_path / "r.html")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Not evaluated" in html and "--registry" in html


def test_report_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"conversation_id": "x"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--input", str(bad), "--output", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "line 2" in result.output
    assert len(result.output.strip().splitlines()) == 1 and not (tmp_path / "r.html").exists()


def test_report_renders_in_headless_chromium(registry_file: Path, tmp_path: Path) -> None:
    binary = chromium()
    path = write_jsonl(tmp_path / "ev.jsonl", _evaluated())
    page = tmp_path / "report.html"
    assert _report(path, page, "--registry", str(registry_file)).exit_code == 0
    shot = tmp_path / "shot.png"
    run = browser(binary, tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", page.as_uri())
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    assert shot.stat().st_size > 20_000
    width, height, rows = png_pixels(shot)
    assert (width, height) == (1280, 2000)
    colors = {row[x:x + 3] for row in rows[::8] for x in range(0, len(row), 4 * 8)}
    assert len(colors) > 20, "screenshot looks blank"
    blue = sum(1 for row in rows[::4] for x in range(0, len(row), 16) if row[x:x + 3] == bytes((0x3b, 0x6f, 0xb6)))
    assert blue > 50, "no chart bars in the first screen"
    dom = browser(binary, tmp_path, "--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert dom.stdout.count("<svg") >= 9 and "<rect" in dom.stdout
    assert "Conversations by domain" in dom.stdout and "tool_correctness histogram" in dom.stdout
