"""The Anthropic realiser: one request per kept conversation, checked, retried once, else offline.

What it reads: the conversation's JSONL line as the offline generator kept it, and the endpoints it
calls. What it returns: the line the model realised (its metadata adds `realiser` and `model`) when
the answer passes every check (`realiser.checks`), else, after one retry told what failed, the
offline line unchanged — so a record is never worse than the offline one and never half-checked.
Tokens and the estimated cost of the requests actually sent (cache hits are free) are counted for
the summary, the Run node and `--max-cost`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import orjson

from datagen.core.record import dumps
from datagen.errors import ConfigError
from datagen.generator.attempts import Review
from datagen.generator.realise import RealiserUsage
from datagen.realiser.cache import ResponseCache
from datagen.realiser.checks import problems
from datagen.realiser.client import CachedMessages, RequestRefused
from datagen.realiser.prices import PRICES, cost
from datagen.realiser.prompt import TOOL_NAME, plain_retry_body, request_body, retry_body
from datagen.registry.models import Endpoint

log = logging.getLogger(__name__)

DEFAULT_REALISER_MODEL = "claude-haiku-4-5-20251001"
"""A current Haiku: the cheapest model that writes a whole conversation in one forced tool call."""
REALISER_NAME = "anthropic"


def has_api_key() -> bool:
    """Whether ANTHROPIC_API_KEY is set (its value is never read here)."""
    return bool(os.environ.get("ANTHROPIC_API_KEY"))


def _tool_use(response: dict[str, Any]) -> tuple[Any, str] | None:
    """(input, id) of the answer's forced tool call, or None when it has none."""
    for block in response.get("content") or []:
        if isinstance(block, dict) and block.get("type") == "tool_use" and block.get("name") == TOOL_NAME:
            return block.get("input"), str(block.get("id") or "toolu_0")
    return None


class AnthropicRealiser:
    """Has a Claude model write each kept conversation's turns and outputs (see the module doc)."""

    def __init__(self, home: Path, model: str = DEFAULT_REALISER_MODEL, *, review: Review | None = None,
                 max_cost: float | None = None, messages: CachedMessages | None = None) -> None:
        if messages is None and not has_api_key():
            raise ConfigError("--realiser anthropic needs ANTHROPIC_API_KEY in the environment "
                              "(or leave out --realiser to generate offline)")
        if max_cost is not None and model not in PRICES:
            raise ConfigError(f"--max-cost needs a price for {model!r}, which the price table lacks "
                              f"(known: {', '.join(sorted(PRICES))})")
        self.model = model
        self.review = review
        self.max_cost = max_cost
        self.messages = messages or CachedMessages(model, ResponseCache(home))
        self.counts = RealiserUsage(cost_usd=0.0 if model in PRICES else None)

    @property
    def name(self) -> str:
        return f"{REALISER_NAME}:{self.model}"

    def usage(self) -> RealiserUsage:
        return self.counts.model_copy(update={"requests": self.messages.requests, "cache_hits": self.messages.hits})

    def exhausted(self) -> bool:
        spent = self.counts.cost_usd
        return self.max_cost is not None and spent is not None and spent >= self.max_cost

    def account(self, response: dict[str, Any], paid: bool = True, batch: bool = False) -> None:
        """Add an answer paid for now to the tokens and cost (`batch`: at the batch price)."""
        if not paid:
            return
        usage = response.get("usage") or {}
        tokens = [int(usage.get(k) or 0) for k in ("input_tokens", "output_tokens", "cache_creation_input_tokens",
                                                   "cache_read_input_tokens")]
        c = self.counts
        c.input_tokens += tokens[0]
        c.output_tokens += tokens[1]
        c.cache_write_tokens += tokens[2]
        c.cache_read_tokens += tokens[3]
        spent = cost(self.model, tokens[0], tokens[1], tokens[2], tokens[3], batch=batch)
        c.cost_usd = None if spent is None or c.cost_usd is None else c.cost_usd + spent

    def _ask(self, body: dict[str, Any], offline: dict[str, Any],
             endpoints: dict[str, Endpoint]) -> tuple[dict[str, Any] | None, list[str], tuple[Any, str] | None]:
        try:
            response, paid = self.messages.send(body)
        except RequestRefused as exc:
            return None, [str(exc)], None
        self.account(response, paid)
        call = _tool_use(response)
        if call is None:
            return None, [f"the answer has no {TOOL_NAME} tool call (stop_reason {response.get('stop_reason')!r})"], None
        record, found = problems(offline, call[0], endpoints, self.review)
        return (record if not found else None), found, call

    def realise(self, line: str, endpoints: dict[str, Endpoint]) -> str:
        """The realised line, or `line` itself when both tries fail a check."""
        offline = orjson.loads(line)
        cid = offline["conversation_id"]
        body = request_body(offline, endpoints, self.model)
        record, found, call = self._ask(body, offline, endpoints)
        if record is None:
            self.counts.retried += 1
            log.info("realiser: %s failed a check, asking again: %s", cid, "; ".join(found[:3]))
            answered = call is not None and isinstance(call[0], dict)
            again = retry_body(body, call[0], call[1], found) if call is not None and answered else plain_retry_body(body, found)
            record, found, _ = self._ask(again, offline, endpoints)
        if record is None:
            self.counts.fell_back += 1
            log.info("realiser: %s kept offline after the retry failed: %s", cid, "; ".join(found[:3]))
            return line
        self.counts.realised += 1
        record["metadata"]["realiser"] = REALISER_NAME
        record["metadata"]["model"] = self.model
        return dumps(record)
