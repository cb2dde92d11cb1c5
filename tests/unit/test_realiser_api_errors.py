"""The judge and the realiser map the SDK's errors through one table (`evaluator.api_errors`).

What must hold, against the loopback fake Messages API: a refused key reads the same for both; an
unknown model reads the same but for the flag that sets it; a failure after the SDK's retries is the
judge's `JudgeError` (recorded, the run goes on) and the realiser's `RealiserError` with the resume
hint; a 400 refuses only the realiser's one request; no message holds the key or a second line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from datagen.errors import ConfigError, JudgeError
from datagen.evaluator.anthropic_judge import AnthropicJudge
from datagen.realiser.cache import ResponseCache
from datagen.realiser.client import RESUME_HINT, CachedMessages, RealiserError, RequestRefused

from tests.unit.fake_anthropic import SECRET, error, serve

MODEL = "claude-haiku-4-5-20251001"
BODY = {"model": MODEL, "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}
RECORD = {"conversation_id": "c", "messages": [{"role": "user", "content": "hi"}], "metadata": {}}


def _both(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answer: tuple[int, dict[str, object], float]) -> list[Exception]:
    """What the judge and then the realiser raise for the same scripted answer."""
    caught: list[Exception] = []
    with serve(monkeypatch) as fake:
        fake.script = [answer]
        for ask in (lambda: AnthropicJudge(MODEL, max_retries=0).judge(RECORD),
                    lambda: CachedMessages(MODEL, ResponseCache(tmp_path), max_retries=0).send(BODY)):
            with pytest.raises(Exception) as info:
                ask()
            caught.append(info.value)
    for exc in caught:
        assert "\n" not in str(exc) and SECRET not in str(exc)
    return caught


def test_a_refused_key_reads_the_same(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    judge, realiser = _both(monkeypatch, tmp_path, error(401, "authentication_error", "bad key"))
    assert isinstance(judge, ConfigError) and isinstance(realiser, ConfigError)
    assert str(judge) == str(realiser) == "the Anthropic API refused the key (HTTP 401): check ANTHROPIC_API_KEY"


def test_an_unknown_model_names_the_flag_that_sets_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    judge, realiser = _both(monkeypatch, tmp_path, error(404, "not_found_error", "no such model"))
    assert str(judge) == f"the Anthropic API does not serve model {MODEL!r}: check --model"
    assert str(realiser) == f"the Anthropic API does not serve model {MODEL!r}: check --realiser-model"


def test_a_failure_after_retries_is_each_caller_s_own_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    judge, realiser = _both(monkeypatch, tmp_path, error(500, "api_error", "boom"))
    assert isinstance(judge, JudgeError) and str(judge) == "the judge's request failed with HTTP 500 after retries"
    assert isinstance(realiser, RealiserError)
    assert str(realiser) == f"the realiser's request failed with HTTP 500 after retries; {RESUME_HINT}"


def test_a_bad_request_refuses_only_the_realiser_s_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    judge, realiser = _both(monkeypatch, tmp_path, error(400, "invalid_request_error", "schema too deep"))
    assert isinstance(judge, JudgeError) and "HTTP 400" in str(judge)
    assert isinstance(realiser, RequestRefused) and "schema too deep" in str(realiser)
