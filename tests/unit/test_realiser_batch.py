"""`--batch`: the realiser's first requests through the fake Message Batches API (real HTTP, the real client).

What must hold: one batch with a custom_id per conversation and, as params, the very body a direct
request sends; polled until it ends, with progress; each answer cached under the direct request's key,
so the direct path then sends nothing and writes the bytes a direct run writes, and a rerun without
--batch is free; a batch answer is paid at half the price; an answer that fails a check is retried
directly, a request the batch did not answer is asked directly; a run killed while its batch is in
flight polls that batch on --resume instead of submitting again; the CLI refuses --batch without the
realiser and with --max-cost.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.errors import ConfigError
from datagen.evaluator.review import offline_review
from datagen.realiser.anthropic_realiser import AnthropicRealiser
from datagen.realiser.batch import STATE_SUFFIX, Collector, Fetched, prefetch
from datagen.realiser.prices import cost
from datagen.registry.models import Endpoint
from tests.unit.fake_anthropic import error, serve, writer
from tests.unit.test_realiser_anthropic import MODEL, _drop_fixed, _friendlier, _offline


def _realiser(home: Path) -> AnthropicRealiser:
    return AnthropicRealiser(home, MODEL, review=offline_review)


def _collect(line: str, endpoints: dict[str, Endpoint]) -> Any:
    def collect(collector: Collector) -> None:
        collector.realise(line, endpoints)
    return collect


def _prefetch(realiser: AnthropicRealiser, output: Path, line: str, endpoints: dict[str, Endpoint],
              **kw: Any) -> Fetched:
    return prefetch(realiser, output, _collect(line, endpoints), resume=kw.pop("resume", False),
                    overwrite=False, poll_seconds=0.0, sleep=kw.pop("sleep", lambda _s: None), **kw)


def test_batch_answers_are_the_direct_path_s_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    cid = json.loads(line)["conversation_id"]
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        direct = _realiser(tmp_path / "direct")
        expected = direct.realise(line, endpoints)
        direct_body = fake.requests[0]
        fake.polls_before_end = 2
        seen: list[tuple[str, int, int]] = []
        batched = _realiser(tmp_path / "batched")
        fetched = _prefetch(batched, tmp_path / "out.jsonl", line, endpoints,
                            progress=lambda step, done, total: seen.append((step, done, total)))
        assert len(fake.requests) == 1  # nothing sent directly by the batch step
        assert [b["requests"] for b in fake.batches] == [[{"custom_id": cid, "params": direct_body}]]
        assert len(seen) == 3 and seen[0][1:] == (0, 1) and seen[-1][1:] == (1, 1)  # polled until it ended
        assert (fetched.batches, fetched.answered, fetched.failed) == (["msgbatch_0000"], 1, 0)
        assert not (tmp_path / ("out.jsonl" + STATE_SUFFIX)).exists()
        assert batched.realise(line, endpoints) == expected  # the direct path, answered from the cache
        again = _realiser(tmp_path / "batched")  # a rerun without --batch: free too
        assert again.realise(line, endpoints) == expected
        assert len(fake.requests) == 1 and len(fake.batches) == 1
    usage, paid = batched.usage(), direct.usage()
    assert (usage.batched, usage.requests, usage.cache_hits, usage.realised) == (1, 0, 1, 1)
    assert usage.output_tokens == paid.output_tokens
    # the same request: the same tokens in, here read from the prompt cache the direct request wrote
    sent = [u.input_tokens + u.cache_write_tokens + u.cache_read_tokens for u in (usage, paid)]
    assert sent[0] == sent[1] and usage.cache_read_tokens > 0 == paid.cache_read_tokens
    assert usage.cost_usd == pytest.approx(cost(MODEL, usage.input_tokens, usage.output_tokens, usage.cache_write_tokens,
                                                usage.cache_read_tokens, batch=True)) and usage.cost_usd


def test_batch_price_is_half_the_direct_price() -> None:
    assert cost(MODEL, 1000, 2000, 300, 400, batch=True) == pytest.approx(0.5 * (cost(MODEL, 1000, 2000, 300, 400) or 0))


def test_a_batch_answer_that_fails_a_check_is_retried_directly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_drop_fixed), writer(_friendlier)]
        realiser = _realiser(tmp_path)
        _prefetch(realiser, tmp_path / "out.jsonl", line, endpoints)
        realised = json.loads(realiser.realise(line, endpoints))
        assert len(fake.batches) == 1 and len(fake.requests) == 1  # the retry, sent directly
        assert fake.requests[0]["messages"][2]["content"][0]["type"] == "tool_result"
    assert realised["metadata"]["realiser"] == "anthropic"
    usage = realiser.usage()
    assert (usage.batched, usage.requests, usage.retried, usage.realised) == (1, 1, 1, 1)


def test_a_request_the_batch_did_not_answer_is_asked_directly(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [error(500, "api_error", "boom"), writer(_friendlier)]
        realiser = _realiser(tmp_path)
        fetched = _prefetch(realiser, tmp_path / "out.jsonl", line, endpoints)
        assert (fetched.answered, fetched.failed) == (0, 1)
        realised = json.loads(realiser.realise(line, endpoints))
        assert len(fake.requests) == 1 and fake.requests[0] == fake.batch_bodies[0]  # the same first request
    assert realised["metadata"]["realiser"] == "anthropic"
    assert (realiser.usage().batched, realiser.usage().retried) == (0, 0)


class _Killed(Exception):
    """Stands for a kill while the batch is in flight."""


def _killed(_seconds: float) -> None:
    raise _Killed


def test_resume_polls_the_batch_in_flight_instead_of_submitting_again(monkeypatch: pytest.MonkeyPatch,
                                                                      tmp_path: Path) -> None:
    line, endpoints = _offline()
    output = tmp_path / "out.jsonl"
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        fake.batches_run.set()
        with pytest.raises(_Killed):
            _prefetch(_realiser(tmp_path), output, line, endpoints, sleep=_killed)
        state = json.loads((tmp_path / ("out.jsonl" + STATE_SUFFIX)).read_text(encoding="utf-8"))
        assert state["batches"] == ["msgbatch_0000"] and list(state["keys"]) == [json.loads(line)["conversation_id"]]
        with pytest.raises(ConfigError, match="--resume"):  # a new run does not silently pay again
            _prefetch(_realiser(tmp_path), output, line, endpoints)
        fake.batches_run.clear()
        realiser = _realiser(tmp_path)

        def no_collect(_collector: Collector) -> None:
            raise AssertionError("a resumed batch does not collect or submit again")
        fetched = prefetch(realiser, output, no_collect, resume=True, overwrite=False, poll_seconds=0.0)
        assert fetched.resumed and fetched.answered == 1 and len(fake.batches) == 1
        assert json.loads(realiser.realise(line, endpoints))["metadata"]["realiser"] == "anthropic"
        assert fake.requests == []
    assert not (tmp_path / ("out.jsonl" + STATE_SUFFIX)).exists()


def test_nothing_to_submit_when_every_answer_is_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        _realiser(tmp_path).realise(line, endpoints)
        fetched = _prefetch(_realiser(tmp_path), tmp_path / "out.jsonl", line, endpoints)
    assert fetched.batches == [] and fake.batches == []


@pytest.mark.parametrize("args,says", [
    (["--batch"], "--batch applies to --realiser anthropic only"),
    (["--realiser", "anthropic", "--batch", "--max-cost", "1"], "--max-cost cannot stop a Message Batch"),
])
def test_the_cli_refuses_batch_where_it_cannot_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   args: list[str], says: str) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    monkeypatch.setenv("DATAGEN_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(cli, ["--neo4j-uri", "bolt://127.0.0.1:1", "generate", *args,
                                      "--output", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 2 and says in result.output
    assert not (tmp_path / "c.jsonl").exists()
