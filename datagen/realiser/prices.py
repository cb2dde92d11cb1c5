"""One price table: what a Messages request costs, to estimate a run and to enforce `--max-cost`.

Prices in US dollars per million tokens, from Anthropic's public price page
(https://docs.claude.com/en/docs/about-claude/pricing, read 2026; "cache write" is the 5-minute
prompt-cache write, "cache read" a cache hit). A request answered through the Message Batches API
costs `BATCH_DISCOUNT` of these (the page's batch column is half of every row, prompt-cache
multipliers included, so the one table serves both). They change: the cost printed is an estimate, and a
model missing here has no estimate (and cannot be capped with `--max-cost`).

Each row also holds the model's minimum cacheable prompt length: a prefix marked for caching that is
shorter is not cached at all, silently (both cache counters stay 0). From Anthropic's prompt-caching
page (https://platform.claude.com/docs/en/build-with-claude/prompt-caching, "Cache limitations", as
quoted in anthropics/anthropic-sdk-python issue 1194 and read 2026): 4096 tokens for Claude Opus 4.5
and Haiku 4.5, 1024 for Sonnet 4.5, 2048 for Haiku 3.5. The realiser's constant prefix (tools and
system, `prompt.SYSTEM`) is written to reach the default model's minimum; a unit test holds it there.
"""

from __future__ import annotations

from typing import NamedTuple


class Price(NamedTuple):
    """Dollars per million tokens."""

    input: float
    output: float
    cache_write: float
    cache_read: float
    min_cache_tokens: int
    """The shortest prefix the API caches for this model (tokens, not dollars)."""


PRICES: dict[str, Price] = {
    # model id                       input  output  cache write  cache read  min cacheable tokens
    "claude-haiku-4-5-20251001": Price(1.00, 5.00, 1.25, 0.10, 4096),
    "claude-haiku-4-5": Price(1.00, 5.00, 1.25, 0.10, 4096),
    "claude-sonnet-4-5-20250929": Price(3.00, 15.00, 3.75, 0.30, 1024),
    "claude-sonnet-4-5": Price(3.00, 15.00, 3.75, 0.30, 1024),
    "claude-opus-4-5-20251101": Price(5.00, 25.00, 6.25, 0.50, 4096),
    "claude-opus-4-5": Price(5.00, 25.00, 6.25, 0.50, 4096),
    "claude-3-5-haiku-20241022": Price(0.80, 4.00, 1.00, 0.08, 2048),
}


MIN_CACHE_TOKENS_UNKNOWN = 4096
"""The minimum assumed for a model missing from the table: the largest the page lists."""

BATCH_DISCOUNT = 0.5
"""What a batched request costs as a share of the same request sent directly (`generate --batch`)."""


def cost(model: str, input_tokens: int, output_tokens: int, cache_write: int, cache_read: int,
         batch: bool = False) -> float | None:
    """Estimated dollars for these token counts (None when the model has no price in the table);
    `batch`: answered through the Message Batches API, at `BATCH_DISCOUNT` of the direct price."""
    price = PRICES.get(model)
    if price is None:
        return None
    return (BATCH_DISCOUNT if batch else 1.0) * (input_tokens * price.input + output_tokens * price.output + cache_write * price.cache_write
            + cache_read * price.cache_read) / 1_000_000


def min_cache_tokens(model: str) -> int:
    """The model's minimum cacheable prompt length (the largest known when the table lacks it)."""
    price = PRICES.get(model)
    return MIN_CACHE_TOKENS_UNKNOWN if price is None else price.min_cache_tokens
