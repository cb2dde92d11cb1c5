"""`datagen evaluate`: judge a JSONL dataset, gate it, optionally repair it, and report."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console

from datagen.cli.context import Context, pass_context
from datagen.core.outputs import check_output, output_lock
from datagen.cli.options import neo4j_uri_option, progress_bar
from datagen.evaluator.anthropic_judge import DEFAULT_JUDGE_MODEL
from datagen.evaluator.endpoints import endpoints_from_file, endpoints_from_graph
from datagen.evaluator.job import EvaluateSettings, run_evaluate
from datagen.evaluator.judges import make_judge
from datagen.evaluator.records import read_records
from datagen.evaluator.report import EvaluationReport


def report_lines(report: EvaluationReport) -> list[str]:
    """The summary printed after an evaluation."""
    m = report.means
    lines = [f"judge {report.judge_model}: {report.records} conversation(s), {report.passed} passed "
             f"({100 * report.pass_rate:.1f}%, {100 * report.initial_pass_rate:.1f}% before repair)",
             f"means: tool_correctness {m['tool_correctness']}, task_completion {m['task_completion']}, "
             f"naturalness {m['naturalness']}, mean_score {m['mean_score']}"]
    if report.failed_gate_counts:
        lines.append("failed gates: " + ", ".join(f"{g} {n}" for g, n in report.failed_gate_counts.items()))
    if report.judge_errors:
        lines.append(f"judge errors: {report.judge_errors}")
    if report.repair["conversations_attempted"]:
        lines.append(f"repair: {report.repair['conversations_repaired']}/{report.repair['conversations_attempted']} "
                     f"repaired in {report.repair['attempts']} attempt(s)")
    if report.write_back is not None:
        wb = report.write_back
        lines.append(f"Neo4j: {wb['scores_written']} score(s) written, {wb['conversations_missing']} conversation(s) "
                     f"not in the graph (generated with --no-write-back?)")
    return lines


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True, help="Input JSONL (from `datagen generate`).")
@click.option("--output", type=click.Path(path_type=Path), default=Path("output/evaluated.jsonl"), show_default=True,
              help="Output JSONL with judge_scores; evaluation_report.json is written next to it.")
@click.option("--repair", is_flag=True, help="Repair failing conversations (surgical first, then a full rewrite).")
@click.option("--threshold", type=click.FloatRange(1.0, 5.0), default=3.5, show_default=True, help="Pass threshold on mean_score.")
@click.option("--max-repairs", type=click.IntRange(min=0), default=2, show_default=True, help="Max repair attempts per conversation.")
@click.option("--model", default=DEFAULT_JUDGE_MODEL, show_default=True, help="Anthropic judge model (used when ANTHROPIC_API_KEY is set).")
@click.option("--offline", is_flag=True, help="Use the deterministic offline judge even when ANTHROPIC_API_KEY is set.")
@click.option("--no-write-back", is_flag=True, help="Do not write scores to Neo4j (no server needed unless --repair).")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="registry.json from `datagen build` (e.g. artifacts/registry.json), for the offline judge's "
                   "schema and link-scope checks [default: the graph when a server is used, else the records alone].")
@click.option("--verbose", is_flag=True, help="Log per-conversation decisions.")
@click.option("--overwrite", is_flag=True, help="Replace an existing --output and the evaluation_report.json beside it.")
@neo4j_uri_option
@pass_context
def evaluate(obj: Context, input_path: Path, output: Path, repair: bool, threshold: float, max_repairs: int,
             model: str, offline: bool, no_write_back: bool, registry_path: Path | None, verbose: bool,
             overwrite: bool) -> None:
    """Score conversations with the judge, optionally repair failing ones, and write evaluation_report.json.

    Exits with code 2 when the mean quality assertion fails (mean of mean_score below --threshold).
    """
    if verbose:
        logging.getLogger("datagen.evaluator").setLevel(logging.INFO)
    check_output(output, inputs=[input_path] if registry_path is None else [input_path, registry_path],
                 beside=[output.with_name("evaluation_report.json")], overwrite=overwrite)
    with output_lock(output):
        _evaluate(obj, input_path, output, repair, threshold, max_repairs, model, offline, no_write_back,
                  registry_path, verbose)


def _evaluate(obj: Context, input_path: Path, output: Path, repair: bool, threshold: float, max_repairs: int,
              model: str, offline: bool, no_write_back: bool, registry_path: Path | None, verbose: bool) -> None:
    settings = EvaluateSettings(input=input_path, output=output, repair=repair, threshold=threshold,
                                max_repairs=max_repairs, write_back=not no_write_back, verbose=verbose)
    driver = obj.driver() if (repair or not no_write_back) else None
    endpoints = None
    if registry_path is not None:
        endpoints = endpoints_from_file(registry_path)
    elif driver is not None:
        endpoints = endpoints_from_graph(driver, obj.database, read_records(input_path))
    judge = make_judge(model, offline, endpoints)
    with progress_bar(Console(stderr=True), obj.quiet) as advance:
        report = run_evaluate(settings, judge, driver, obj.database,
                              progress=lambda done, total: advance("judging conversations", done, total))
    for line in report_lines(report):
        click.echo(line)
    click.echo(f"wrote {output} and {output.with_name('evaluation_report.json')}")
    qa = report.quality_assertion
    if not qa.passed:
        click.echo(f"quality assertion failed: mean score {qa.mean_score} < threshold {qa.threshold}", err=True)
        sys.exit(2)
