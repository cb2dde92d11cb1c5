"""The guide's grounding chain in a real Neo4j Browser: headless Chromium (Debian's, driven by
Playwright with `executable_path`, no browser download) logs in to the managed test server's Browser,
opens the guide from `GuideServer`, runs its `:style`, `:params` and chain blocks by clicking them as a
user would, and saves a screenshot in the test's temporary folder. What the picture must show without a
click is read off the drawn SVG: every call captioned with its step and endpoint, every GROUNDED_FROM
edge with its argument, and nothing Browser's "connect result nodes" added.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from datagen.browser.server import GuideServer
from datagen.core.plan import SamplingMode
from datagen.db.queries import load
from datagen.db.scratch import ScratchTarget
from datagen.generator.job import GenerateSettings, run_generate
from datagen.graph.build import run_build
from tests.conftest import SEED_DATA
from tests.unit.browser import chromium, png_pixels

TOOLCALL_FILL = (0xF7, 0x97, 0x67)  # the guide's :style for ToolCall nodes
GROUNDED_FILL = "#D9534F"  # and for GROUNDED_FROM edges


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("the playwright package is missing (pip install -e '.[test]')")
        pytest.skip("the playwright package is missing (pip install -e '.[test]'); required in CI")
    return sync_playwright


def _expected(driver: Driver, database: str) -> tuple[list[str], list[tuple[str, str]], int, int]:
    """What the chain query returns for the default conversation: call captions in step order,
    (param, caption) of each GROUNDED_FROM edge, and how many nodes and relationships it holds."""
    chain = load("browser/grounding_chain")
    records = driver.execute_query(chain.text, chain.params(conversation_id=""), database_=database).records
    nodes: dict[str, Any] = {}
    rels: dict[str, Any] = {}
    for record in records:
        for path in (record["step"], record["fed"]):
            if path is not None:
                nodes.update({n.element_id: n for n in path.nodes})
                rels.update({r.element_id: r for r in path.relationships})
    calls = sorted((n for n in nodes.values() if "ToolCall" in n.labels), key=lambda n: n["idx"])
    edges = [(r["param"], r["caption"]) for r in rels.values() if r.type == "GROUNDED_FROM"]
    return [c["caption"] for c in calls], edges, len(nodes), len(rels)


def _shown(drawn: str, full: str) -> bool:
    """Browser draws a caption whole, or cut with an ellipsis where it lacks room."""
    return drawn == full or (drawn.endswith("…") and full.startswith(drawn[:-1].rstrip()))


def _run_block(page: Any, block: Any) -> None:
    block.click()  # a guide block goes into the editor on click
    page.click('[data-testid="editor-Run"]')


def test_the_chain_reads_without_a_click(clean_db: Driver, neo4j_database: str, neo4j_target: ScratchTarget,
                                         tmp_path: Path) -> None:
    binary = chromium()
    sync_playwright = _playwright()
    if neo4j_target.server is None or (info := neo4j_target.server.running()) is None:
        pytest.skip("needs the tests' managed server, whose Browser jar and HTTP port this test knows")
    run_build(clean_db, neo4j_database, SEED_DATA, tmp_path)
    run_generate(clean_db, neo4j_database, GenerateSettings(n=12, seed=42, mode=SamplingMode.MIXED,
                                                            output=tmp_path / "c.jsonl"))
    captions, edges, node_count, rel_count = _expected(clean_db, neo4j_database)
    assert len(captions) >= 2 and edges, "the default conversation should have a grounded chain"
    user, password = neo4j_target.server.credentials()
    shot = tmp_path / "grounding_chain.png"

    with GuideServer() as guide, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.set_default_timeout(60_000)
            page.goto(f"{info.browser_url}?dbms=bolt://127.0.0.1:{info.bolt_port}")
            page.fill('[data-testid="username"]', user)
            page.fill('[data-testid="password"]', password)
            page.click('[data-testid="connect"]')
            page.get_by_text("You are connected as user").wait_for()  # ~4 s; a query sent before fails
            page.locator("#monaco-main-editor").click()
            page.keyboard.type(guide.command)
            page.keyboard.press("Control+Enter")
            title = page.get_by_role("heading", name="One conversation's grounding chain")
            while not title.is_visible():
                page.click('[data-testid="guideNextSlide"]')
            blocks = page.locator("pre.runnable:visible")
            texts = blocks.all_inner_texts()
            for marker in (":style", ":params", "MATCH (r:Run)"):
                _run_block(page, blocks.nth(next(i for i, t in enumerate(texts) if t.lstrip().startswith(marker))))
                page.wait_for_timeout(1000)
            page.wait_for_function("n => document.querySelectorAll('svg g.node').length >= n", arg=node_count)
            collapse = page.locator('[title="Collapse the node properties display"]')
            if collapse.count():
                collapse.first.click()
            page.wait_for_timeout(2500)  # let the layout settle before the picture
            # a loaded machine settles later: wait until the edges' captions stop changing (up to 10 s more),
            # since Browser cuts a caption to the length its edge has at the moment it is drawn
            captions_now = "svg g.relationship text"
            before = page.eval_on_selector_all(captions_now, "ts => ts.map(t => t.textContent)")
            for _ in range(10):
                page.wait_for_timeout(1000)
                after = page.eval_on_selector_all(captions_now, "ts => ts.map(t => t.textContent)")
                if after == before:
                    break
                before = after
            page.screenshot(path=str(shot))
            drawn_nodes = page.eval_on_selector_all("svg g.node", "gs => gs.map(g => [...g.querySelectorAll("
                                                    "'text.caption')].map(t => t.textContent.trim()).join(' '))")
            drawn_edges = page.eval_on_selector_all("svg g.relationship", "gs => gs.map(g => [g.querySelector("
                                                    "'path.b-outline').getAttribute('fill'), g.querySelector("
                                                    "'text').textContent.trim()])")
        finally:
            browser.close()

    # nothing but the chain: "connect result nodes" (on by default) found no edge to add
    assert len(drawn_nodes) == node_count and len(drawn_edges) == rel_count
    # which call is which: each call's step and endpoint, in its own node
    for caption in captions:
        step = caption.split(" · ")[0]
        assert any(d.startswith(f"{step} · ") and _shown(d, caption) for d in drawn_nodes), (caption, drawn_nodes)
    # what fed what: every GROUNDED_FROM edge drawn in its colour with its argument (and field where it fits)
    grounded = sorted(text for fill, text in drawn_edges if fill.upper() == GROUNDED_FILL)
    assert len(grounded) == len(edges)
    for text in grounded:
        assert any(_shown(text, caption) and (text == caption or len(text) > len(param)) for param, caption in edges), \
            (text, edges)
    # and the picture saved is that styled graph, not an empty frame
    width, height, rows = png_pixels(shot)
    orange = sum(1 for row in rows for x in range(0, len(row) - 2, len(row) // width)
                 if all(abs(row[x + i] - TOOLCALL_FILL[i]) <= 6 for i in range(3)))
    assert orange > 2000, f"no ToolCall-coloured area in {shot}"
