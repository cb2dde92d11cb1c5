"""`datagen evaluate`: judge a JSONL dataset, gate it, optionally repair it, and report."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from rich.console import Console

from datagen.cli.context import Context, pass_context
from datagen.core.outputs import check_output, output_lock
from datagen.cli.options import neo4j_uri_option, progress_bar, realiser_model_option
from datagen.evaluator.anthropic_judge import DEFAULT_JUDGE_MODEL
from datagen.evaluator.endpoints import endpoints_from_file, endpoints_from_graph
from datagen.errors import ConfigError
from datagen.evaluator import checkpoint
from datagen.evaluator.job import MIN_PASS_RATE, EvaluateSettings, run_evaluate
from datagen.evaluator.judges import make_judge
from datagen.evaluator.records import read_records
from datagen.evaluator.report import EvaluationReport
from datagen.realiser.anthropic_realiser import has_api_key
from datagen.realiser.repair import RealiserRepair


class _Refused(click.ClickException):
    """A flag that cannot run here (a missing key): one line, exit 2, before anything is read or made."""

    exit_code = 2


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
    used = report.repair.get("realiser")
    if used:
        cost = "unknown (no price for this model)" if used["cost_usd"] is None else f"${used['cost_usd']:.4f}"
        lines.append(f"[realiser] repair by {used['name']}: {used['realised']} rewrite(s) passed the checks, "
                     f"{used['fell_back']} fell back; {used['requests']} request(s) sent, {used['cache_hits']} "
                     f"answered from the cache; tokens {used['input_tokens']} in, {used['output_tokens']} out; "
                     f"estimated cost {cost}")
    if report.write_back is not None:
        wb = report.write_back
        lines.append(f"Neo4j: {wb['scores_written']} score(s) written, {wb['conversations_missing']} conversation(s) "
                     f"not in the graph (generated with --no-write-back?)"
                     + (f", {wb['judge_errors_skipped']} judge error(s) not written as scores"
                        if wb.get("judge_errors_skipped") else ""))
    return lines


@click.command()
@click.option("--input", "input_path", type=click.Path(path_type=Path), required=True, help="Input JSONL (from `datagen generate`).")
@click.option("--output", type=click.Path(path_type=Path), default=Path("output/evaluated.jsonl"), show_default=True,
              help="Output JSONL with judge_scores.")
@click.option("--report", "report_path", type=click.Path(path_type=Path), default=None,
              help="Where to write the report [default: evaluation_report.json beside --output].")
@click.option("--repair", is_flag=True, help="Repair failing conversations (surgical first, then a full rewrite).")
@click.option("--threshold", type=click.FloatRange(1.0, 5.0), default=3.5, show_default=True, help="Pass threshold on mean_score.")
@click.option("--min-pass-rate", type=click.FloatRange(0.0, 1.0), default=MIN_PASS_RATE, show_default=True,
              help="Exit 2 when fewer than this share of conversations pass (after repair).")
@click.option("--max-repairs", type=click.IntRange(min=0), default=2, show_default=True, help="Max repair attempts per conversation.")
@click.option("--repair-realiser", type=click.Choice(["offline", "anthropic"]), default="offline", show_default=True,
              help="With --repair: first have a Claude model rewrite only the turns and outputs the failed gates name, "
                   "with the realiser's request and checks (needs ANTHROPIC_API_KEY; answers cached under "
                   "DATAGEN_HOME/realiser-cache); a rewrite that fails a check falls back to the offline repairs.")
@realiser_model_option("--repair-realiser")
@click.option("--model", default=DEFAULT_JUDGE_MODEL, show_default=True, help="Anthropic judge model (used when ANTHROPIC_API_KEY is set).")
@click.option("--offline", is_flag=True, help="Use the deterministic offline judge even when ANTHROPIC_API_KEY is set.")
@click.option("--no-write-back", is_flag=True, help="Do not write scores to Neo4j (no server needed unless --repair).")
@click.option("--registry", "registry_path", type=click.Path(path_type=Path), default=None,
              help="registry.json from `datagen build` (e.g. artifacts/registry.json), for the offline judge's "
                   "schema and link-scope checks [default: the graph when a server is used, else the records alone].")
@click.option("--verbose", is_flag=True, help="Log per-conversation decisions.")
@click.option("--overwrite", is_flag=True, help="Replace an existing --output and report (and discard a stopped evaluation).")
@click.option("--resume", is_flag=True, help="Continue an evaluation the judge stopped, judging only the conversations it had not.")
@neo4j_uri_option
@pass_context
def evaluate(obj: Context, input_path: Path, output: Path, report_path: Path | None, repair: bool, threshold: float,
             min_pass_rate: float, max_repairs: int, repair_realiser: str, realiser_model: str, model: str,
             offline: bool, no_write_back: bool, registry_path: Path | None, verbose: bool, overwrite: bool,
             resume: bool) -> None:
    """Score conversations with the judge, optionally repair failing ones, and write the report.

    Exits with code 2 when the quality assertion fails: the mean of mean_score is below --threshold,
    or the share of conversations that pass (after repair) is below --min-pass-rate; one line says
    which. When the judge fails on 3 conversations in a row (API unreachable,
    5xx after the client's retries, timeouts), or refuses the key, the evaluation stops: the
    conversations judged before are kept in <output>.judged.partial, no output, report or score is
    written, and the same command with --resume judges only the rest.
    """
    if repair_realiser == "anthropic" and not repair:
        raise _Refused("--repair-realiser applies to --repair only")
    if repair_realiser == "anthropic" and not has_api_key():
        raise _Refused("--repair-realiser anthropic needs ANTHROPIC_API_KEY in the environment "
                       "(or leave it out to repair offline)")
    if verbose:
        logging.getLogger("datagen.evaluator").setLevel(logging.INFO)
    report = report_path or output.with_name("evaluation_report.json")
    _check_paths(output, report, overwrite, resume)
    check_output(output, inputs=[input_path] if registry_path is None else [input_path, registry_path],
                 beside=[report], overwrite=overwrite or (resume and checkpoint.exists(output)))
    with output_lock(output):
        settings = EvaluateSettings(input=input_path, output=output, report=report, repair=repair,
                                    threshold=threshold, min_pass_rate=min_pass_rate, max_repairs=max_repairs,
                                    write_back=not no_write_back, verbose=verbose, resume=resume)
        _evaluate(obj, settings, model, offline, registry_path,
                  realiser_model if repair_realiser == "anthropic" else None)


def _check_paths(output: Path, report: Path, overwrite: bool, resume: bool) -> None:
    """Refusals `check_output` cannot word: a report over the output, a stopped run, a report's collision."""
    if report.resolve() == output.resolve():
        raise ConfigError(f"--report {report} is the --output file; choose another --report")
    if overwrite:
        return
    if resume and not checkpoint.exists(output) and output.exists():
        raise ConfigError(f"{output} is finished (no stopped evaluation to continue): pass --overwrite to judge it again")
    if not resume and checkpoint.exists(output):
        raise ConfigError(f"{checkpoint.partial_path(output)} holds a stopped evaluation: continue it with --resume, "
                          f"or pass --overwrite to discard it")
    if not output.exists() and (report.exists() or report.is_symlink()) and not (resume and checkpoint.exists(output)):
        raise ConfigError(f"{report} already exists (another evaluation's report?): pass --report PATH to write "
                          f"this one elsewhere, or --overwrite to replace it")


def _evaluate(obj: Context, settings: EvaluateSettings, model: str, offline: bool, registry_path: Path | None,
              realiser_model: str | None) -> None:
    input_path, output, repair, no_write_back = settings.input, settings.output, settings.repair, not settings.write_back
    driver = obj.driver() if (repair or not no_write_back) else None
    endpoints = None
    if registry_path is not None:
        endpoints = endpoints_from_file(registry_path)
    elif driver is not None:
        endpoints = endpoints_from_graph(driver, obj.database, read_records(input_path))
    judge = make_judge(model, offline, endpoints)
    model_repair = RealiserRepair(obj.settings.home, endpoints, realiser_model) if realiser_model else None
    with progress_bar(Console(stderr=True), obj.quiet) as advance:
        report = run_evaluate(settings, judge, driver, obj.database,
                              progress=lambda done, total: advance("judging conversations", done, total),
                              model=model_repair)
    for line in report_lines(report):
        click.echo(line)
    click.echo(f"wrote {output} and {settings.report}")
    qa = report.quality_assertion
    if not qa.passed:
        click.echo(qa.message(), err=True)
        sys.exit(2)
