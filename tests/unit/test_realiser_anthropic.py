"""The Anthropic realiser against the loopback fake Messages API (real HTTP, the real `anthropic` client).

What must hold: a realised conversation passes every check and says so in its metadata; an answer
that drops a fixed id, breaks the output schema or has no tool call is asked again once, told why,
then falls back to the offline line byte for byte; an answer paid for is cached, so the same request
again sends nothing; a 429 is retried by the SDK; a refused key or model stops in one line; tokens
and cost are counted; the key never reaches an output, the cache or a log.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest

from datagen.errors import ConfigError
from datagen.evaluator.review import offline_review
from datagen.generator.attempts import run_attempt
from datagen.realiser.anthropic_realiser import AnthropicRealiser
from datagen.realiser.cache import CACHE_FOLDER
from datagen.realiser.checks import checked, problems
from datagen.realiser.prices import cost
from datagen.realiser.prompt import ANSWER_SCHEMA, TOOL_NAME
from datagen.registry.models import Endpoint

from tests.unit.fake_anthropic import SECRET, as_messages, draft_of, error, message, serve, tokens, writer
from tests.unit.test_generator_conversation import HOTEL_CHAIN, _eps
from tests.unit.test_generator_plans import make_plan

MODEL = "claude-haiku-4-5-20251001"


def _offline(seed: int = 7) -> tuple[str, dict[str, Endpoint]]:
    plan = make_plan(_eps(*HOTEL_CHAIN), seed)
    outcome = run_attempt(plan, "build", "run", offline_review)
    assert outcome.line is not None and outcome.reason is None
    return outcome.line, {e.id: e for e in plan.endpoints}


def _realiser(home: Path, **kw: Any) -> AnthropicRealiser:
    return AnthropicRealiser(home, MODEL, review=offline_review, **kw)


def _friendlier(written: dict[str, Any]) -> dict[str, Any]:
    """A model's rewrite: new words in the assistant's first turn (the structure untouched)."""
    return written | {"m1": "Sure, let me look that up for you."}


def _drop_fixed(written: dict[str, Any]) -> dict[str, Any]:
    """Loses the hotel id the next call uses."""
    out = json.loads(json.dumps(written["m2"]))
    for hotel in out["hotels"]:
        hotel["hotel_id"] = "H-0"
    return written | {"m2": out}


def _break_schema(written: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(json.dumps(written["m2"]))
    out["hotels"][0]["star_rating"] = "five"
    out["weather"] = "sunny"
    return written | {"m2": out}


def _break_world(written: dict[str, Any]) -> dict[str, Any]:
    """The picked hotel's details name it as another hotel of the list: one id, two names (R3)."""
    listed = [h["name"] for h in written["m2"]["hotels"] if h["hotel_id"] != written["m6"]["hotel_id"]]
    return written | {"m6": written["m6"] | {"name": listed[0]}}


def test_a_realised_conversation_passes_every_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        realiser = _realiser(tmp_path)
        realised = json.loads(realiser.realise(line, endpoints))
    offline = json.loads(line)
    assert realised["messages"][1]["content"] == "Sure, let me look that up for you."
    assert realised["metadata"]["realiser"] == "anthropic" and realised["metadata"]["model"] == MODEL
    assert realised["tool_calls"] == offline["tool_calls"]
    assert realised["metadata"]["argument_sources"] == offline["metadata"]["argument_sources"]
    answer = {f"m{i}": json.loads(m["content"]) if m["role"] == "tool" else m["content"]
              for i, m in enumerate(realised["messages"])}
    assert checked(offline, answer, endpoints, offline_review)[1] == []
    assert problems(offline, as_messages(answer, draft_of(fake.requests[0])), endpoints, offline_review)[1] == []
    usage = realiser.usage()
    assert (usage.realised, usage.retried, usage.fell_back, usage.requests) == (1, 0, 0, 1)
    body = fake.requests[0]
    assert body["model"] == MODEL and body["tool_choice"] == {"type": "tool", "name": TOOL_NAME}
    assert body["system"][0]["cache_control"] == {"type": "ephemeral"}
    assert body["tools"][0]["input_schema"] == ANSWER_SCHEMA  # constant: the conversation's schema is in the text
    schema = draft_of(body)["schema"]
    assert schema["required"] == [f"m{i}" for i in range(len(offline["messages"]))]
    assert schema["properties"]["m2"]["properties"]["hotels"]["type"] == "array"
    fixed = draft_of(body)["fixed"]
    assert {"slot": "m2", "path": "hotels[].hotel_id"} == {k: fixed[0][k] for k in ("slot", "path")}


@pytest.mark.parametrize("edit", [_drop_fixed, _break_schema, _break_world],
                         ids=["drops-fixed-id", "breaks-schema", "breaks-the-world"])
def test_a_failed_check_is_retried_once_then_falls_back_to_the_offline_line(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, edit: Any) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(edit)]
        realiser = _realiser(tmp_path)
        assert realiser.realise(line, endpoints) == line  # byte for byte: no realiser metadata
    assert len(fake.requests) == 2
    retry = fake.requests[1]["messages"]
    assert retry[1]["content"][0]["type"] == "tool_use"
    result = retry[2]["content"][0]
    assert result["type"] == "tool_result" and result["is_error"] is True
    expected = {_drop_fixed: "fixed value", _break_schema: "m2", _break_world: "conflicting_facts"}[edit]
    assert expected in result["content"], result["content"]
    usage = realiser.usage()
    assert (usage.realised, usage.retried, usage.fell_back) == (0, 1, 1)


def test_a_retry_that_passes_is_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_drop_fixed), writer(_friendlier)]
        realiser = _realiser(tmp_path)
        realised = json.loads(realiser.realise(line, endpoints))
    assert realised["metadata"]["realiser"] == "anthropic"
    usage = realiser.usage()
    assert (usage.realised, usage.retried, usage.fell_back, usage.requests) == (1, 1, 0, 2)


def test_a_cache_hit_sends_no_request_and_writes_the_same_bytes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        first = _realiser(tmp_path).realise(line, endpoints)
        assert len(fake.requests) == 1
        again = _realiser(tmp_path)
        assert again.realise(line, endpoints) == first
        assert len(fake.requests) == 1  # answered from $DATAGEN_HOME/realiser-cache
    usage = again.usage()
    assert (usage.requests, usage.cache_hits, usage.input_tokens, usage.cost_usd) == (0, 1, 0, 0.0)
    assert len(list((tmp_path / CACHE_FOLDER).glob("*.json"))) == 1


def test_429_then_success(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [error(429, "rate_limit_error", "slow down"), writer(_friendlier)]
        realiser = _realiser(tmp_path)
        realised = json.loads(realiser.realise(line, endpoints))
    assert len(fake.requests) == 2 and realised["metadata"]["realiser"] == "anthropic"
    assert realiser.usage().requests == 1  # one answer paid for


@pytest.mark.parametrize("answer", [
    (200, {"id": "m", "type": "message", "role": "assistant", "model": "x", "stop_reason": "end_turn",
           "content": [{"type": "text", "text": "Here you go"}], "usage": {"input_tokens": 5, "output_tokens": 5}}, 0.0),
    (200, message("not an object", name=TOOL_NAME), 0.0),
    (200, message({"m0": "slots as keys"}, name=TOOL_NAME), 0.0),
    (200, message({"messages": [{"slot": "m0", "text": "only one slot"}]}, name=TOOL_NAME), 0.0),
    (200, message({"messages": [{"slot": "m0", "text": "a"}, {"slot": "m0", "text": "b"}]}, name=TOOL_NAME), 0.0),
], ids=["no-tool-call", "string-input", "no-messages-list", "missing-slots", "a-slot-twice"])
def test_a_malformed_answer_is_retried_then_falls_back(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                       answer: Any) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [answer]
        realiser = _realiser(tmp_path)
        assert realiser.realise(line, endpoints) == line
    assert len(fake.requests) == 2 and realiser.usage().fell_back == 1


@pytest.mark.parametrize("status,kind,says", [(401, "authentication_error", "refused the key"),
                                              (404, "not_found_error", "does not serve model")])
def test_a_refused_key_or_model_stops_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   status: int, kind: str, says: str) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [error(status, kind, "no")]
        with pytest.raises(ConfigError, match=says) as caught:
            _realiser(tmp_path).realise(line, endpoints)
    assert "\n" not in str(caught.value) and SECRET not in str(caught.value)


def test_no_key_is_refused_before_anything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ANTHROPIC_API_KEY", raising=False)
    with pytest.raises(ConfigError, match="ANTHROPIC_API_KEY"):
        _realiser(tmp_path)
    assert not (tmp_path / CACHE_FOLDER).exists()


def test_tokens_and_cost_are_counted_and_the_cap_stops(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_friendlier)]
        realiser = _realiser(tmp_path, max_cost=1e-9)
        assert not realiser.exhausted()
        realiser.realise(line, endpoints)
    usage = realiser.usage()
    sent = fake.requests[0]
    assert usage.input_tokens + usage.cache_write_tokens + usage.cache_read_tokens == tokens(sent)
    assert usage.input_tokens > 0 and usage.cache_write_tokens > 0 and usage.output_tokens > 0
    assert usage.cost_usd == pytest.approx(cost(MODEL, usage.input_tokens, usage.output_tokens,
                                                usage.cache_write_tokens, usage.cache_read_tokens))
    assert realiser.exhausted()


def test_max_cost_needs_a_priced_model(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    with pytest.raises(ConfigError, match="price"):
        AnthropicRealiser(tmp_path, "claude-unpriced", max_cost=1.0)


def test_the_key_never_reaches_outputs_cache_or_logs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    line, endpoints = _offline()
    with serve(monkeypatch) as fake:
        fake.script = [writer(_drop_fixed), writer(_friendlier)]
        out = _realiser(tmp_path).realise(line, endpoints)
    assert fake.headers[0]["x-api-key"] == SECRET  # it was sent, as a header only
    cached = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / CACHE_FOLDER).glob("*.json"))
    assert cached and SECRET not in cached
    assert SECRET not in out and SECRET not in caplog.text
    assert all(SECRET not in json.dumps(body) for body in fake.requests)
