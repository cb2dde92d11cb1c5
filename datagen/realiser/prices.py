"""One price table: what a Messages request costs, to estimate a run and to enforce `--max-cost`.

Prices in US dollars per million tokens, from Anthropic's public price page
(https://docs.claude.com/en/docs/about-claude/pricing, read 2026; "cache write" is the 5-minute
prompt-cache write, "cache read" a cache hit). A request answered through the Message Batches API
costs `BATCH_DISCOUNT` of these (the page's batch column is half of every row, prompt-cache
multipliers included, so the one table serves both). They change: the cost printed is an estimate, and a
model missing here has no estimate (and cannot be capped with `--max-cost`).
"""

from __future__ import annotations

from typing import NamedTuple


class Price(NamedTuple):
    """Dollars per million tokens."""

    input: float
    output: float
    cache_write: float
    cache_read: float


PRICES: dict[str, Price] = {
    # model id                       input  output  cache write  cache read
    "claude-haiku-4-5-20251001": Price(1.00, 5.00, 1.25, 0.10),
    "claude-haiku-4-5": Price(1.00, 5.00, 1.25, 0.10),
    "claude-sonnet-4-5-20250929": Price(3.00, 15.00, 3.75, 0.30),
    "claude-sonnet-4-5": Price(3.00, 15.00, 3.75, 0.30),
    "claude-opus-4-5-20251101": Price(5.00, 25.00, 6.25, 0.50),
    "claude-opus-4-5": Price(5.00, 25.00, 6.25, 0.50),
    "claude-3-5-haiku-20241022": Price(0.80, 4.00, 1.00, 0.08),
}


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
