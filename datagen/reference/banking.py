"""Bank codes of a country, read from the pinned `schwifty` package (its IBAN registry and bank lists).

Why a package: which countries use IBANs, how long each country's IBAN is and what its BBAN looks
like are facts of the ISO 13616 registry, not something to type in; schwifty ships that registry
offline (MIT) and computes the ISO 7064 mod 97-10 check. A code made here always starts with its
country's alpha-2 and passes its check; a country without IBANs (the United States, China) gets none.
"""

from __future__ import annotations

import random
from functools import lru_cache

from schwifty import BIC, IBAN
from schwifty import registry
from schwifty.exceptions import SchwiftyException


@lru_cache(maxsize=1)
def _iban_countries() -> frozenset[str]:
    return frozenset(registry.get_countries())


def uses_iban(alpha2: str) -> bool:
    """Whether a country's accounts have IBANs (its alpha-2 is in the ISO 13616 registry)."""
    return alpha2.upper() in _iban_countries()


def iban_country(text: str) -> str | None:
    """The alpha-2 of a valid IBAN (its check passes, its length fits its country), else None."""
    try:
        return str(IBAN(text).country_code)
    except (SchwiftyException, ValueError, TypeError):
        return None


def make_iban(alpha2: str, seed: str) -> str | None:
    """A valid IBAN of a country, the same for the same seed text; None where the country has none."""
    if not uses_iban(alpha2):
        return None
    rng = random.Random(f"iban:{alpha2.upper()}:{seed}")
    try:
        return str(IBAN.random(alpha2.upper(), random=rng).compact)
    except (SchwiftyException, ValueError):
        return None


def bic_country(text: str) -> str | None:
    """The alpha-2 of a BIC's country letters (its 5th and 6th), when the text is BIC-shaped."""
    try:
        return str(BIC(text, allow_invalid=True).country_code) if len(text) in (8, 11) else None
    except (SchwiftyException, ValueError, TypeError):
        return None
