"""Prices of one traded thing stay near one level within a conversation.

A reader rejects a symbol quoted at 64,210.50 in one answer and at 372.02 two calls later. The
generator knows no real price of any symbol (a table of them would be a price list of the tools
read), so the level comes from the conversation itself: the first price an answer shows for a
symbol (an argument or a field `symbol`/`ticker`/`pair` of the priced object) becomes that
symbol's level in the conversation's world, and every later price-like number of the same symbol
is moved near it (a few percent apart, seeded), kept as text where it was text.
"""

from __future__ import annotations

import random
from typing import Any

from datagen.generator.numeric import num
from datagen.registry.naming import snake

PRICE_WORDS = frozenset({"price", "last", "close", "open", "high", "low", "bid", "ask", "mark", "index", "vwap"})
SYMBOL_KEYS = frozenset({"symbol", "ticker", "pair", "instrument"})
_NOT_PRICE = frozenset({"time", "date", "id", "count", "size", "qty"})
SPREAD = 0.03
LEVEL_KEY = "price level|"
"""Prefix of the world's entries that hold a symbol's price level (`price level|KQZR` → {"level": 12.5})."""


def near_reference(output: Any, arguments: dict[str, Any], rng: random.Random,
                   world: dict[str, dict[str, Any]]) -> None:
    """Move the prices of `output` near the level its symbol already has in this conversation."""
    sent = next((str(v).upper() for k, v in arguments.items() if snake(k) in SYMBOL_KEYS and isinstance(v, str)), None)
    _walk(output, sent, rng, world)


def _walk(value: Any, symbol: str | None, rng: random.Random, world: dict[str, dict[str, Any]]) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, symbol, rng, world)
        return
    if not isinstance(value, dict):
        return
    own = next((str(v).upper() for k, v in value.items() if snake(k) in SYMBOL_KEYS and isinstance(v, str)), None)
    here = symbol if own is None else own  # an object of another symbol is its own
    for key, child in value.items():
        words = snake(key).split("_")
        if here is not None and words[-1] in PRICE_WORDS and not set(words) & _NOT_PRICE:
            level = _level(here, child, world)
            if level is not None:
                value[key] = _price(child, level, rng)
        else:
            _walk(child, here, rng, world)


def _level(symbol: str, first: Any, world: dict[str, dict[str, Any]]) -> float | None:
    """The symbol's level in this conversation: the first positive price seen for it."""
    known = world.get(f"{LEVEL_KEY}{symbol}")
    if known is not None:
        return float(known["level"])
    seen = _as_number(first)
    if seen is None or seen <= 0:
        return None
    world[f"{LEVEL_KEY}{symbol}"] = {"level": seen}
    return seen


def _as_number(value: Any) -> float | None:
    if num(value):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


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
