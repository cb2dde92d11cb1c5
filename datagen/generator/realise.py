"""The hook through which a later stage may rewrite the words and answers of a kept conversation.

Why a protocol here: the generate job decides, in index order, which attempt of each conversation is
kept; a realiser (`datagen.realiser`, which needs the evaluator's offline judge and so comes after
it) may then have a language model write that conversation's turns and tool outputs over the same
fixed structure. The generator cannot import a later stage, so the CLI passes the realiser in, as it
passes the review. Without one, the job writes exactly what it wrote before.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel

from datagen.registry.models import Endpoint


class RealiserUsage(BaseModel):
    """What the realiser did in one invocation: conversations, requests, tokens, estimated cost."""

    realised: int = 0
    """Conversations whose words and outputs the model wrote (kept with `metadata.realiser`)."""
    retried: int = 0
    """Conversations whose first answer failed a check and were asked once more."""
    fell_back: int = 0
    """Conversations kept as the offline generator wrote them (the model's answers failed twice)."""
    requests: int = 0
    """HTTP requests sent (cache hits are not requests and cost nothing)."""
    cache_hits: int = 0
    batched: int = 0
    """Answers fetched from a Message Batch (`--batch`, at the batch price) into the cache, from which
    the conversations then read them as cache hits."""
    input_tokens: int = 0
    output_tokens: int = 0
    cache_write_tokens: int = 0
    cache_read_tokens: int = 0
    cost_usd: float | None = 0.0
    """Estimated from the price table (None when the model has no price there)."""


class Realiser(Protocol):
    """Rewrites one kept conversation (its JSONL line) or returns it unchanged."""

    @property
    def name(self) -> str:
        """What identifies the realiser's output (e.g. `anthropic:<model>`): part of the run's id."""
        ...

    def realise(self, line: str, endpoints: dict[str, Endpoint]) -> str:
        """The conversation's line as the realiser writes it (the same line when it falls back)."""
        ...

    def exhausted(self) -> bool:
        """True once the spending cap is reached: the job stops at this conversation boundary."""
        ...

    def usage(self) -> RealiserUsage:
        """Counts so far (for the summary)."""
        ...
