"""Bank codes agree with their places: a BIC's country letters and an IBAN's first letters are the
alpha-2 of the country the answer names, an IBAN passes its check, and a country without IBANs
shows none.

Why: readers rejected a SWIFT code whose 5th and 6th letters are GB for a bank in China, and an IBAN
"GB97…" for China (China has no IBAN). The codes' rules are ISO 9362 and ISO 13616 facts, read from
the reference world (`reference.banking`); the object's country is read from generic key words
(`country`, `country_code`, `country_name`) of the object or of an object directly inside it (an
`address`). Which key is a code is read from its words (`iban`, `swift`, `bic`), never from a tool.
"""

from __future__ import annotations

from typing import Any

from datagen import reference
from datagen.generator.keys import words
from datagen.reference.banking import bic_country, iban_country, make_iban, uses_iban

Obj = dict[str, Any]

IBAN_WORDS = frozenset({"iban"})
BIC_WORDS = frozenset({"swift", "bic"})
_COUNTRY_WORDS = frozenset({"country", "nation"})


def _country_fields(obj: Obj) -> list[tuple[Obj, str]]:
    """(object, key) of the country fields of an object and of the objects directly inside it."""
    found = []
    for holder in [obj, *(v for v in obj.values() if isinstance(v, dict))]:
        found += [(holder, k) for k, v in holder.items() if isinstance(v, str) and set(words(k)) & _COUNTRY_WORDS]
    return found


def country_of(obj: Obj) -> str | None:
    """The alpha-2 of the country an object names (its code first, then its name), or None."""
    fields = _country_fields(obj)
    for holder, key in sorted(fields, key=lambda f: "code" not in words(f[1])):
        found = reference.country(holder[key])
        if found is not None:
            return found.alpha2
    return None


def set_country(obj: Obj, alpha2: str) -> None:
    """Every country field of an object (and of the objects directly inside it) names `alpha2`'s
    country in the form the field had: a code, an official name or a common name."""
    country = reference.country(alpha2)
    if country is None:
        return
    for holder, key in _country_fields(obj):
        value, names = holder[key], words(key)
        if "code" in names or "iso" in names or len(value) == 2 and value.isalpha():
            holder[key] = country.alpha3 if len(value) == 3 else country.alpha2
        elif "official" in names:
            holder[key] = country.official_name
        else:
            holder[key] = country.name


def _code_keys(obj: Obj, names: frozenset[str]) -> list[str]:
    return [k for k, v in obj.items() if isinstance(v, str) and set(words(k)) & names
            and not set(words(k)) & {"name", "bank", "url", "valid"} - names]


def bank_codes(obj: Obj, now: object = None) -> None:
    """A BIC's country letters and an IBAN's country are the object's country; an IBAN that does not
    pass its check is remade for that country, and an IBAN of a country without IBANs is left out
    (there is no right value for it). Without a stated country, an IBAN that fails its check is remade
    for the country its letters name."""
    alpha2 = country_of(obj)
    for key in _code_keys(obj, BIC_WORDS):
        value = obj[key].strip().upper()
        if alpha2 is not None and bic_country(value) is not None and value[4:6] != alpha2:
            obj[key] = value[:4] + alpha2 + value[6:]
    for key in _code_keys(obj, IBAN_WORDS):
        value = obj[key].replace(" ", "").upper()
        if len(value) < 5 or not value[:2].isalpha() or not value[2:4].isdigit():
            continue
        target = alpha2 or value[:2]
        if iban_country(value) == target:
            continue
        if not uses_iban(target):
            del obj[key]
            continue
        made = make_iban(target, value)
        if made is not None:
            obj[key] = made
