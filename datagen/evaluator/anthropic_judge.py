"""The Anthropic judge: one forced tool call per conversation, validated with pydantic.

The model is given the conversation (messages, calls, outputs and the argument lineage) and must call
the `record_scores` tool, whose input schema is `Verdict`: so the answer is structured by the API and
checked again here. HTTP failures (429, 5xx, timeouts, dropped connections) are retried with backoff
by the SDK (`max_retries`, 2 by default: the SDK waits about 0.5 s then 1 s, so an unreachable API
costs a record about 2 s, not the ~8 s of the SDK's own 4 retries; connecting may take `connect_timeout`
seconds, a whole answer `timeout`); a malformed tool input is asked again up to `malformed_retries` times; what
still fails becomes a `JudgeError`, which the evaluator records in the record instead of crashing. A
rejected key or unknown model is a `ConfigError` and stops the run, since every call would fail
(`evaluator.api_errors`, the mapping the realiser shares).

The API key comes from `ANTHROPIC_API_KEY` only (the SDK reads it, and `ANTHROPIC_BASE_URL`); it is
never logged, printed or put in an error message.
"""

from __future__ import annotations

import json
import logging
import os
import time
from typing import Any, cast

import anthropic
from anthropic.types import ToolParam
from pydantic import ValidationError

from datagen.errors import ConfigError, JudgeError
from datagen.evaluator.api_errors import sdk_errors
from datagen.evaluator.lineage import sources
from datagen.evaluator.types import Verdict

log = logging.getLogger(__name__)

DEFAULT_JUDGE_MODEL = "claude-haiku-4-5-20251001"
TOOL_NAME = "record_scores"
MAX_OUTPUT_CHARS = 1500

SYSTEM = (
    "You grade synthetic tool-use conversations for a training dataset. Score each dimension from 1 "
    "(broken) to 5 (flawless). tool_correctness: the right endpoints were called, every argument is "
    "either stated by the user, answered in a clarification, a sensible default, or copied from an "
    "earlier tool output exactly as the lineage says, with the right type. task_completion: the final "
    "assistant answer resolves the request and states values the tools actually returned, inventing "
    "nothing. naturalness: roles alternate sensibly, clarification questions are asked before the call "
    "that needs them and answered, turns are varied rather than template echoes. Record your scores "
    f"with the {TOOL_NAME} tool; the reasoning names concrete problems, or says why there are none."
)


def has_api_key() -> bool:
    """Whether an Anthropic key is configured (without reading it anywhere else)."""
    return bool(os.environ.get("ANTHROPIC_API_KEY"))


def render(record: dict[str, Any]) -> str:
    """The conversation as the judge sees it: messages, outputs (truncated) and the argument lineage."""
    messages = []
    for m in record.get("messages") or []:
        item = dict(m)
        if item.get("role") == "tool" and len(str(item.get("content"))) > MAX_OUTPUT_CHARS:
            item["content"] = str(item["content"])[:MAX_OUTPUT_CHARS] + "…(truncated)"
        messages.append(item)
    payload = {"conversation_id": record.get("conversation_id"), "messages": messages,
               "argument_lineage": sources(record)}
    return ("Grade this conversation. `argument_lineage` says where each argument came from "
            "(call index, param, source kind, value; for step_output, the earlier call `step` and the "
            "`field_path` in its output).\n\n" + json.dumps(payload, ensure_ascii=False, indent=1))


def tool_spec() -> dict[str, Any]:
    """The `record_scores` tool: its input schema is the `Verdict` model."""
    return {"name": TOOL_NAME, "description": "Record the scores and reasoning for this conversation.",
            "input_schema": Verdict.model_json_schema()}


class AnthropicJudge:
    """Scores records with a Claude model through a forced `record_scores` tool call."""

    def __init__(self, model: str = DEFAULT_JUDGE_MODEL, *, timeout: float = 60.0, connect_timeout: float = 5.0,
                 max_retries: int = 2, malformed_retries: int = 2, backoff: float = 0.5,
                 client: anthropic.Anthropic | None = None) -> None:
        if client is None and not has_api_key():
            raise ConfigError("the Anthropic judge needs ANTHROPIC_API_KEY in the environment (or use --offline)")
        self.model = model
        self.malformed_retries = malformed_retries
        self.backoff = backoff
        self.client = client or anthropic.Anthropic(
            timeout=anthropic.Timeout(timeout, connect=min(connect_timeout, timeout)), max_retries=max_retries)

    def _ask(self, record: dict[str, Any]) -> Any:
        with sdk_errors(self.model, "--model", "the judge's request", JudgeError):
            return self.client.messages.create(
                model=self.model, max_tokens=1024, temperature=0.0, system=SYSTEM,
                tools=[cast(ToolParam, tool_spec())],
                tool_choice={"type": "tool", "name": TOOL_NAME},
                messages=[{"role": "user", "content": render(record)}],
            )

    def _parse(self, response: Any) -> Verdict:
        block = next((b for b in response.content if getattr(b, "type", None) == "tool_use"
                      and getattr(b, "name", None) == TOOL_NAME), None)
        if block is None:
            raise ValueError(f"no {TOOL_NAME} tool call in the answer (stop_reason {response.stop_reason!r})")
        return Verdict.model_validate(block.input)

    def judge(self, record: dict[str, Any]) -> Verdict:
        """Score one record; `JudgeError` when every try failed, `ConfigError` on a bad key or model."""
        problem = ""
        for attempt in range(self.malformed_retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            response = self._ask(record)
            try:
                return self._parse(response)
            except (ValueError, ValidationError) as exc:
                problem = _short(exc)
                log.warning("judge answer for %s malformed (try %d): %s", record.get("conversation_id"),
                            attempt + 1, problem)
        raise JudgeError(f"malformed judge answer after {self.malformed_retries + 1} tries: {problem}")


def _short(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'input'}: {e['msg']}" for e in exc.errors()[:3])
    return str(exc)
