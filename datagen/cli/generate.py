"""`datagen generate`: grounded multi-turn tool-use conversations from the graph, as JSONL."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from datagen.cli.context import Context, pass_context
from datagen.cli.evaluate import report_lines
from datagen.cli.options import neo4j_uri_option, progress_bar, realiser_model_option
from datagen.core.plan import SamplingMode
from datagen.evaluator.endpoints import endpoints_from_graph
from datagen.evaluator.job import score_file_inline
from datagen.evaluator.judges import make_judge
from datagen.evaluator.records import read_records
from datagen.evaluator.review import offline_review
from datagen.generator.job import GenerateSettings, GenerateSummary, run_generate
from datagen.generator.realise import RealiserUsage
from datagen.realiser.anthropic_realiser import AnthropicRealiser, has_api_key
from datagen.realiser.batch import POLL_SECONDS, Fetched, job_collect, prefetch
from datagen.realiser.run_node import store_usage

DEFAULT_JUDGE_MODEL = "claude-haiku-4-5-20251001"


class _Refused(click.ClickException):
    """A flag that cannot run here (say a missing key): one line, exit 2, before anything is made."""

    exit_code = 2


def realiser_lines(name: str, usage: RealiserUsage, stopped: bool, partial: Path) -> list[str]:
    """The summary lines of a realised run: conversations, requests, tokens, estimated cost."""
    cost = "unknown (no price for this model)" if usage.cost_usd is None else f"${usage.cost_usd:.4f}"
    lines = [f"[realiser] {name}: {usage.realised} conversation(s) realised, {usage.retried} retried once, "
             f"{usage.fell_back} kept offline after a failed retry",
             f"[realiser] {usage.requests} request(s) sent, {usage.cache_hits} answered from the cache; tokens: "
             f"{usage.input_tokens} in, {usage.output_tokens} out, {usage.cache_write_tokens} cache write, "
             f"{usage.cache_read_tokens} cache read; estimated cost {cost}"]
    if usage.batched:
        lines.append(f"[realiser] {usage.batched} answer(s) paid through a Message Batch, at the batch price "
                     f"(counted above as cache hits)")
    if stopped:
        lines.append(f"[realiser] stopped at the --max-cost cap: the records so far are in {partial}; "
                     f"rerun the same command with --resume to continue")
    return lines


def _bars(title: str, counts: dict[str, int]) -> list[str]:
    width = max((len(k) for k in counts), default=0)
    top = max(counts.values(), default=1)
    lines = [f"[coverage] {title} ({len(counts)}):"]
    for key, n in counts.items():
        bar = "█" * max(1, round(30 * n / top))
        lines.append(f"  {key:<{width}}  {n:>5} {bar}")
    return lines


def coverage_report(summary: GenerateSummary) -> str:
    """Domain and pattern distribution with bars, and the underrepresented domains."""
    lines = _bars("Domain distribution", summary.domains)
    lines += _bars("Pattern distribution", summary.patterns)
    lines += _bars("Sampling modes", summary.modes)
    rare = sorted(d for d, n in summary.domains.items() if n == 1)
    if rare:
        lines.append(f"[coverage] Underrepresented domains (1 conversation each): {rare}")
    return "\n".join(lines)


@click.command()
@click.option("--n", "n", type=click.IntRange(min=1), default=50, show_default=True, help="Number of conversations.")
@click.option("--seed", type=int, default=42, show_default=True, help="Same seed and graph, same bytes out.")
@click.option("--mode", type=click.Choice([m.value for m in SamplingMode]), default="sequential", show_default=True,
              help="Sampler mode; mixed draws one per conversation from the seed.")
@click.option("--output", type=click.Path(path_type=Path), default=Path("output/conversations.jsonl"),
              show_default=True, help="Output JSONL path.")
@click.option("--evaluate", is_flag=True, help="Score each conversation inline: the Anthropic judge with ANTHROPIC_API_KEY, else the offline rules.")
@click.option("--judge-model", default=DEFAULT_JUDGE_MODEL, show_default=True, help="Judge model when --evaluate is set.")
@click.option("--no-corpus-memory", is_flag=True, help="Disable cross-conversation steering (Run A of the diversity experiment).")
@click.option("--guessed-outputs", is_flag=True,
              help="Also use endpoints whose ToolBench entry documents no response (their answers are guessed).")
@click.option("--no-write-back", is_flag=True, help="Do not write conversations and lineage back to Neo4j.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run of the same settings to the same bytes.")
@click.option("--overwrite", is_flag=True, help="Replace an existing --output (and discard an interrupted run of it).")
@click.option("--no-review", is_flag=True,
              help="Keep the first valid attempt even when the offline judge fails it (the raw generator).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for the agents [default: one per CPU]; the output is the same for any number.")
@click.option("--realiser", type=click.Choice(["offline", "anthropic"]), default="offline", show_default=True,
              help="Who writes the turns and tool outputs over the fixed structure: the offline generator, or a "
                   "Claude model (needs ANTHROPIC_API_KEY; checked, retried once, else kept offline; answers "
                   "cached under DATAGEN_HOME/realiser-cache).")
@realiser_model_option("--realiser")
@click.option("--max-cost", type=click.FloatRange(min=0.0), default=None,
              help="With --realiser anthropic: stop at the conversation boundary once this many estimated US "
                   "dollars are spent (the records so far stay .partial; --resume continues).")
@click.option("--batch", "batch", is_flag=True,
              help="With --realiser anthropic: send the first request of every conversation through the Message "
                   "Batches API (half the price; waits for the batch, polling with a progress bar), then check, "
                   "retry directly and fall back as without it. --resume polls a batch still in flight.")
@click.option("--batch-poll", type=click.FloatRange(min=0.0), default=POLL_SECONDS, show_default=True,
              help="Seconds between two polls of a Message Batch.")
@click.option("--verbose", is_flag=True, help="Log rejected conversations.")
@neo4j_uri_option
@pass_context
def generate(obj: Context, n: int, seed: int, mode: str, output: Path, evaluate: bool, judge_model: str,
             no_corpus_memory: bool, guessed_outputs: bool, no_write_back: bool, resume: bool, overwrite: bool,
             no_review: bool, workers: int | None, realiser: str, realiser_model: str, max_cost: float | None,
             batch: bool, batch_poll: float, verbose: bool) -> None:
    """Generate conversations from the graph built by `datagen build` and print a coverage report."""
    review = None if no_review else offline_review
    realise = None
    if realiser == "anthropic":  # checked before any file, lock, server or node is made
        if not has_api_key():
            raise _Refused("--realiser anthropic needs ANTHROPIC_API_KEY in the environment "
                           "(or leave out --realiser to generate offline)")
        realise = AnthropicRealiser(obj.settings.home, realiser_model, review=offline_review, max_cost=max_cost)
    elif max_cost is not None:
        raise _Refused("--max-cost applies to --realiser anthropic only")
    if batch and realise is None:
        raise _Refused("--batch applies to --realiser anthropic only")
    if batch and max_cost is not None:
        raise _Refused("--max-cost cannot stop a Message Batch half-way: leave out --batch to cap the cost")
    settings = GenerateSettings(n=n, seed=seed, mode=SamplingMode(mode), output=output,
                                corpus_memory=not no_corpus_memory, guessed_outputs=guessed_outputs,
                                write_back=not no_write_back,
                                resume=resume, overwrite=overwrite, verbose=verbose, workers=workers)
    driver = obj.driver()
    fetched: Fetched | None = None
    with progress_bar(Console(stderr=True), obj.quiet) as advance:
        if batch and realise is not None:
            collect = job_collect(driver, obj.database, settings, review, obj.settings.home, advance)
            fetched = prefetch(realise, output, collect, resume=resume, overwrite=overwrite,
                               poll_seconds=batch_poll, progress=advance)
        summary = run_generate(driver, obj.database, settings,
                               progress=lambda done, total: advance("generating conversations", done, total),
                               review=review, realiser=realise)
    click.echo(coverage_report(summary))
    resumed = f" ({summary.resumed} resumed)" if summary.resumed else ""
    if summary.flagged:
        click.echo(f"[review] {summary.flagged} attempt(s) the offline judge would fail gave way to the next candidate")
    if summary.hollow:
        shown = ", ".join(summary.hollow[:5]) + (", …" if len(summary.hollow) > 5 else "")
        click.echo(f"[worth] {len(summary.hollow)} conversation(s) kept although every attempt was thin or flagged "
                   f"(no candidate did better): {shown}")
    click.echo(f"wrote {summary.records} conversations{resumed} to {summary.output}")
    if fetched is not None:
        ids = ", ".join(fetched.batches) or "none needed (every answer was cached)"
        click.echo(f"[realiser] Message Batch(es): {ids}{' (resumed)' if fetched.resumed else ''}; "
                   f"{fetched.answered} answered, {fetched.failed} not answered there (asked directly)")
    if summary.realiser is not None and summary.realiser_usage is not None:
        for line in realiser_lines(summary.realiser, summary.realiser_usage, summary.stopped_at_cost,
                                   output.with_name(output.name + ".partial")):
            click.echo(line)
        if summary.run_node is not None:
            store_usage(driver, obj.database, summary.run_node, "anthropic", realiser_model, summary.realiser_usage)
    if summary.written_back is not None:
        wb = summary.written_back
        click.echo(f"Neo4j run {summary.run_node}: {wb['conversations']} conversations, {wb['messages']} messages, "
                   f"{wb['tool_calls']} tool calls, {wb['lineage']} lineage edges")
    if evaluate and not summary.stopped_at_cost:  # a stopped run has no finished file to score yet
        endpoints = endpoints_from_graph(driver, obj.database, read_records(output))  # the plans' endpoints
        # a judge outage stops scoring in one line and keeps what was judged; --resume continues it
        report = score_file_inline(output, make_judge(judge_model, offline=False, endpoints=endpoints),
                                   driver=driver if settings.write_back else None, database=obj.database,
                                   resume=resume)
        for line in report_lines(report):
            click.echo(line)
        if not report.quality_assertion.passed:  # reported, not an exit code: the conversations are written
            click.echo(report.quality_assertion.message())
