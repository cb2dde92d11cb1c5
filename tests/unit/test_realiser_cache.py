"""Prompt caching that engages: a constant prefix, long enough, read by every request after the first.

What must hold: two different conversations' requests have byte-identical `tools` and `system` (the
API caches by prefix in the order tools, system, messages, so anything per conversation before the
messages would break it); that prefix is at least the default model's minimum cacheable length by
the fake API's token count; there are exactly two cache marks (end of system, the conversation);
realising two conversations in one run, the second reads the shared prefix from the fake API's
prompt cache, and the counts and cost use the cache prices; a retry reads the conversation's prefix.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from datagen.evaluator.review import offline_review
from datagen.realiser.anthropic_realiser import DEFAULT_REALISER_MODEL, AnthropicRealiser
from datagen.realiser.prices import PRICES, cost, min_cache_tokens
from datagen.realiser.prompt import request_body
from datagen.registry.models import Endpoint

from tests.unit.fake_anthropic import marked_prefixes, serve, tokens, writer
from tests.unit.test_realiser_anthropic import _drop_fixed, _friendlier, _offline


def _two() -> list[tuple[str, dict[str, Endpoint]]]:
    pair = [_offline(7), _offline(12)]  # two seeds the offline review passes: two different conversations
    assert json.loads(pair[0][0])["messages"] != json.loads(pair[1][0])["messages"]
    return pair


def _marks(body: dict[str, Any]) -> list[str]:
    blocks = [*body["tools"], *body["system"], *(b for m in body["messages"] for b in m["content"])]
    return [b.get("type", "tool") for b in blocks if "cache_control" in b]


def test_the_constant_prefix_is_identical_and_long_enough() -> None:
    bodies = [request_body(json.loads(line), endpoints, DEFAULT_REALISER_MODEL) for line, endpoints in _two()]
    assert bodies[0]["messages"] != bodies[1]["messages"]
    assert json.dumps(bodies[0]["tools"]) == json.dumps(bodies[1]["tools"])
    assert json.dumps(bodies[0]["system"]) == json.dumps(bodies[1]["system"])
    assert _marks(bodies[0]) == ["text", "text"] and "cache_control" in bodies[0]["system"][-1]
    shared = tokens([*bodies[0]["tools"], *bodies[0]["system"]])
    assert marked_prefixes(bodies[0])[0][1] == shared
    assert shared >= min_cache_tokens(DEFAULT_REALISER_MODEL) == 4096


def test_every_model_in_the_table_has_a_documented_minimum() -> None:
    assert {p.min_cache_tokens for p in PRICES.values()} <= {1024, 2048, 4096}
    assert min_cache_tokens("claude-unknown") == 4096


def test_the_second_conversation_reads_the_shared_prefix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (first, endpoints), (second, endpoints2) = _two()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        realiser = AnthropicRealiser(tmp_path, DEFAULT_REALISER_MODEL, review=offline_review)
        assert json.loads(realiser.realise(first, endpoints))["metadata"]["realiser"] == "anthropic"
        assert json.loads(realiser.realise(second, endpoints2))["metadata"]["realiser"] == "anthropic"
    shared = marked_prefixes(fake.requests[0])[0][1]
    one, two = fake.usages
    assert one["cache_read_input_tokens"] == 0 and one["cache_creation_input_tokens"] > shared
    assert two["cache_read_input_tokens"] == shared > 0
    assert two["cache_creation_input_tokens"] == marked_prefixes(fake.requests[1])[-1][1] - shared
    usage = realiser.usage()
    assert usage.cache_read_tokens == shared and usage.cache_write_tokens > 0
    assert usage.input_tokens + usage.cache_write_tokens + usage.cache_read_tokens == sum(map(tokens, fake.requests))
    assert usage.cost_usd == pytest.approx(cost(DEFAULT_REALISER_MODEL, usage.input_tokens, usage.output_tokens,
                                                usage.cache_write_tokens, usage.cache_read_tokens))
    no_cache = cost(DEFAULT_REALISER_MODEL, sum(map(tokens, fake.requests)), usage.output_tokens, 0, 0)
    assert usage.cost_usd < (no_cache or 0)


def test_a_retry_reads_the_conversation_prefix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_drop_fixed), writer(_friendlier)]
        realiser = AnthropicRealiser(tmp_path, DEFAULT_REALISER_MODEL, review=offline_review)
        assert json.loads(realiser.realise(line, endpoints))["metadata"]["realiser"] == "anthropic"
    conversation = marked_prefixes(fake.requests[0])[-1][1]
    assert conversation > marked_prefixes(fake.requests[0])[0][1]
    assert fake.usages[1]["cache_read_input_tokens"] == conversation
    assert fake.usages[1]["cache_creation_input_tokens"] == 0


def test_a_prefix_below_the_minimum_is_not_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The fake is honest: a marked prefix shorter than the model's minimum is neither written nor read."""
    short = {"model": DEFAULT_REALISER_MODEL, "max_tokens": 10, "system": [
        {"type": "text", "text": "Be brief.", "cache_control": {"type": "ephemeral"}}],
        "messages": [{"role": "user", "content": "hi"}]}
    with serve(monkeypatch) as fake:
        for _ in range(2):
            fake.cached(short, {"usage": {"input_tokens": 1, "output_tokens": 1}})
    assert [(u["cache_creation_input_tokens"], u["cache_read_input_tokens"]) for u in fake.usages] == [(0, 0), (0, 0)]
    assert fake.usages[1]["input_tokens"] == tokens(short)
