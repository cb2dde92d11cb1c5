"""Prices of a traded thing near what it trades at: BTCUSD in the tens of thousands, AAPL in the hundreds.

A reader rejects Bitcoin trades at 372.02 at once. When a call is about one known symbol (an argument
or a field `symbol`/`ticker` of the priced object), every price-like number of the answer is moved
near that symbol's reference price (a few percent apart, seeded), kept as text where it was text.
Unknown symbols keep the drawn prices.
"""

from __future__ import annotations

import random
from typing import Any

from datagen.generator.pools import REFERENCE_PRICES
from datagen.registry.naming import snake

PRICE_WORDS = frozenset({"price", "last", "close", "open", "high", "low", "bid", "ask", "mark", "index", "vwap"})
SYMBOL_KEYS = frozenset({"symbol", "ticker", "pair", "instrument"})
SPREAD = 0.03


def near_reference(output: Any, arguments: dict[str, Any], rng: random.Random) -> None:
    """Move the prices of `output` near the reference price of the symbol the call is about."""
    sent = next((str(v).upper() for k, v in arguments.items() if snake(k) in SYMBOL_KEYS and isinstance(v, str)), None)
    _walk(output, REFERENCE_PRICES.get(sent or ""), rng)


def _walk(value: Any, reference: float | None, rng: random.Random) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, reference, rng)
        return
    if not isinstance(value, dict):
        return
    own = next((str(v).upper() for k, v in value.items() if snake(k) in SYMBOL_KEYS and isinstance(v, str)), None)
    here = reference if own is None else REFERENCE_PRICES.get(own)  # an object of another symbol is its own
    for key, child in value.items():
        words = snake(key).split("_")
        if here is not None and words[-1] in PRICE_WORDS and not set(words) & {"time", "date", "id", "count", "size", "qty"}:
            value[key] = _price(child, here, rng)
        else:
            _walk(child, here, rng)


def _price(old: Any, reference: float, rng: random.Random) -> Any:
    """A price near `reference`, in the old value's form (number or text); other values stay."""
    digits = 2 if reference >= 1 else 4
    new = round(reference * (1 + rng.uniform(-SPREAD, SPREAD)), digits)
    if isinstance(old, bool):
        return old
    if isinstance(old, (int, float)):
        return new
    if isinstance(old, str):
        try:
            float(old)
        except ValueError:
            return old
        return f"{new:.{digits}f}"
    return old
