"""`datagen build`: ToolBench files → registry → Neo4j graph + FEEDS projection → artifacts/."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from datagen.cli.context import Context, pass_context
from datagen.cli.options import neo4j_uri_option, progress_bar
from datagen.graph.build import BuildManifest, run_build


def _summary(manifest: BuildManifest, console: Console) -> None:
    table = Table(title=f"build {manifest.build_id}", show_header=True)
    table.add_column("in Neo4j")
    table.add_column("count", justify="right")
    for label, n in manifest.counts["nodes"].items():
        table.add_row(f"(:{label})", str(n))
    for rel, n in manifest.counts["relationships"].items():
        table.add_row(f"[:{rel}]", str(n))
    console.print(table)
    cov = manifest.feeds_coverage
    total = max(1, cov["endpoints"])
    console.print(
        f"FEEDS: {cov['with_out']}/{cov['endpoints']} endpoints feed another, {cov['with_in']} are fed, "
        f"{cov['with_both']} ({100 * cov['with_both'] / total:.0f}%) both, "
        f"{cov['with_any']} ({100 * cov['with_any'] / total:.0f}%) in some chain; "
        f"{len(cov['categories_with_feeds'])}/{cov['categories']} categories have FEEDS edges"
    )
    scopes = ", ".join(f"{scope} {n}" for scope, n in cov["feeds_by_scope"].items())
    console.print(f"FEEDS by scope: {scopes}")
    if manifest.responses_path is not None:
        how = "found beside the tools folder" if manifest.responses_beside else "given with --responses"
        obs = manifest.observed
        console.print(
            f"observed responses: {manifest.responses_path} ({how}): {obs.get('used', 0)} endpoint(s) documented "
            f"by them, {obs.get('schema_first', 0)} kept their schema, {obs.get('dropped_error_body', 0)} error "
            f"bodies and {obs.get('dropped_no_fields', 0) + obs.get('dropped_too_deep', 0)} without known fields "
            f"dropped; {obs.get('borrowed', 0)} borrowed a sibling's shape"
        )
    sources = ", ".join(f"{kind} {n}" for kind, n in manifest.response_field_sources.items())
    console.print(f"response fields by source (endpoints): {sources}; "
                  f"mean realisability {manifest.realisability.get('mean', 0.0)}")
    if manifest.skipped:
        console.print(f"skipped {len(manifest.skipped)} invalid input(s): see build_manifest.json")
    if manifest.duplicates:
        console.print(f"deduplicated {len(manifest.duplicates)} tool/endpoint name(s): see build_manifest.json")


@click.command()
@click.option("--data", type=click.Path(path_type=Path), default=Path("seed_data"), show_default=True,
              help="A ToolBench tools folder (<root>/<Category>/<tool>.json), one tool file, or a JSON array of tools.")
@click.option("--artifacts", type=click.Path(path_type=Path), default=Path("artifacts"), show_default=True,
              help="Where registry.json and build_manifest.json are written.")
@click.option("--skip-invalid", is_flag=True,
              help="Skip invalid files (listed with reasons in the manifest) instead of stopping at the first.")
@click.option("--responses", type=click.Path(path_type=Path), default=None,
              help="A ToolBench response_examples folder (<root>/<Category>/<tool>.json) of observed answers, for "
                   "endpoints without a schema. Default: a response_examples folder beside --data, if there is one.")
@neo4j_uri_option
@pass_context
def build(obj: Context, data: Path, artifacts: Path, skip_invalid: bool, responses: Path | None) -> None:
    """Ingest ToolBench tools and write the tool graph and its FEEDS projection to Neo4j.

    Without --neo4j-uri/NEO4J_URI the managed local Neo4j is started (installed on first use).
    """
    console = Console(stderr=True, quiet=obj.quiet)
    driver = obj.driver()
    with progress_bar(console, obj.quiet) as advance:
        manifest = run_build(driver, obj.database, data, artifacts, skip_invalid=skip_invalid, progress=advance,
                             responses=responses)
    _summary(manifest, Console())
    click.echo(f"wrote {artifacts / 'registry.json'} and {artifacts / 'build_manifest.json'}")
