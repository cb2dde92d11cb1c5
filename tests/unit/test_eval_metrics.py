"""`metrics` on a hand-made file whose entropies, Jaccard and distinct-n are computed by hand here."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from datagen.cli.main import cli
from datagen.evaluator.metrics import entropy, jaccard_dissimilarity

from tests.unit.eval_fixtures import write_jsonl


def _record(cid: str, calls: list[str], domain: str, pattern: str, users: list[str]) -> dict[str, Any]:
    return {"conversation_id": cid, "tool_calls": [{"name": c, "parameters": {}} for c in calls],
            "messages": [{"role": "user", "content": u} for u in users],
            "metadata": {"domain": domain, "pattern_type": pattern}}


RECORDS = [
    _record("c1", ["a::x", "b::y"], "Travel", "sequential_multi_step", ["book a room", "thanks a lot"]),
    _record("c2", ["a::x", "a::z"], "Travel", "parallel", ["book a flight"]),
    _record("c3", ["c::w", "b::y"], "Finance", "sequential_multi_step", ["convert money"]),
    _record("c4", ["a::x", "b::y"], "Music", "multi_tool_chain", ["play a song"]),
]


def test_metrics_match_hand_computed_values(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    result = CliRunner().invoke(cli, ["metrics", "--input", str(path), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    m = json.loads(result.output)
    # tools over 8 calls: a 4, b 3, c 1
    tools = -(4 / 8 * math.log2(4 / 8) + 3 / 8 * math.log2(3 / 8) + 1 / 8 * math.log2(1 / 8))
    assert m["tools"] == {"entropy_bits": round(tools, 4), "distinct": 3, "total": 8}
    # endpoints: a::x 3, b::y 3, a::z 1, c::w 1
    endpoints = -(2 * 3 / 8 * math.log2(3 / 8) + 2 * 1 / 8 * math.log2(1 / 8))
    assert m["endpoints"]["entropy_bits"] == round(endpoints, 4)
    # domains: Travel 2, Finance 1, Music 1 → 1.5 bits exactly
    assert m["domains"]["entropy_bits"] == 1.5
    assert m["patterns"]["entropy_bits"] == 1.5
    # combinations: {a,b} ×2, {a}, {b,c} → 1.5 bits
    assert m["tool_combinations"] == {"entropy_bits": 1.5, "distinct": 3, "total": 4}
    # Jaccard distances of the 6 pairs: ab-a 1/2, ab-bc 2/3, ab-ab 0 (c1,c4); a-bc 1, a-ab 1/2; bc-ab 2/3
    assert m["mean_jaccard_dissimilarity"] == round((0.5 + 2 / 3 + 0 + 1 + 0.5 + 2 / 3) / 6, 4)
    # user turns: 14 words, distinct: book a room thanks lot flight convert money play song = 10
    assert m["distinct_1"] == round(10 / 14, 4)
    # bigrams: 3+2+3+2+3... per text: (book a)(a room) (thanks a)(a lot) (book a)(a flight) (convert money) (play a)(a song)
    assert m["distinct_2"] == round(8 / 9, 4)
    assert m["conversations"] == 4


def test_text_output_names_every_metric(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", RECORDS)
    out = CliRunner().invoke(cli, ["metrics", "--input", str(path)], catch_exceptions=False).output
    for word in ("tools", "endpoints", "domains", "patterns", "tool_combinations", "Jaccard", "distinct-2"):
        assert word in out


@given(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=40))
def test_entropy_is_bounded_by_log_of_support(items: list[str]) -> None:
    d = entropy(items)
    assert 0 <= d.entropy_bits <= round(math.log2(d.distinct), 4) + 1e-9  # both rounded to 4 places


@given(st.lists(st.frozensets(st.sampled_from("abcd")), min_size=2, max_size=12))
def test_grouped_jaccard_equals_the_naive_pairwise_mean(sets: list[frozenset[str]]) -> None:
    pairs = [(a, b) for i, a in enumerate(sets) for b in sets[i + 1:]]
    naive = sum(1 - len(a & b) / len(a | b) if a | b else 0.0 for a, b in pairs) / len(pairs)
    assert jaccard_dissimilarity(sets) == round(naive, 4)
