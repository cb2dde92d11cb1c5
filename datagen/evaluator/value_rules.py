"""What a field's name says its value must look like, and whether a value does (rubric R3, R2).

Two gates of the offline judge read this: `wrong_type` (an `is_*`/`has_*`/`valid*` field that is not
a boolean, a count or amount that is not a number, a date that does not parse) and `filler_value`
(a placeholder such as `string` or `lorem`, or a lone lowercase common word where a name, a place,
a time zone, an address or a code is expected). Both work from names alone, so they apply to
endpoints never seen before; the vocabularies are the generic lists of `evaluator.rubric_words`.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Any

from datagen.evaluator.rubric_words import (BOOLEAN_LEADS, BOOLEAN_WORDS, CATEGORY_WORDS, DATE_WORDS, NUMBER_LEADS,
                                           NUMBER_WORDS, PLACEHOLDER_VALUES, RANGE_WORDS, SHAPED_WORDS,
                                           DESCRIBED_SHAPES, IDENTIFIER_WORDS)
from datagen.registry.models import ParamType
from datagen.registry.naming import snake


class Expect(StrEnum):
    """The kind of value a field's name asks for (`ANY` when the name does not say)."""

    BOOLEAN = "boolean"
    NUMBER = "number"
    DATE = "date"
    SHAPED = "shaped"      # a name, a place, an address, an identifier: never a lone common word
    CATEGORY = "category"  # a category word: a lone lowercase word is normal
    ANY = "any"


_QUOTED = re.compile(r"['\"`]([A-Za-z0-9_-]{1,30})['\"`]")
_NAMING = frozenset({"name", "names", "title", "label", "code"})
_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")
_CODE = re.compile(r"^([A-Z]{2,4})-\d{3,}$")
_LONE_WORD = re.compile(r"^[a-z]{3,}$")
_BRACKETED = re.compile(r"^\s*(<[^<>]+>|\{[^{}]+\}|\[[^\[\]]+\])\s*$")
_REPEATED = re.compile(r"^(x{3,}|0{6,}|1{6,})$", re.IGNORECASE)
_YOUR = re.compile(r"^(your|my)[_ -]", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SIZE_UNITS = frozenset({"bytes", "byte", "file", "kb", "mb", "gb", "in"})
_CALENDAR_WORDS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
                             re.IGNORECASE)
_TRUTHY = {"true", "false", "yes", "no", "0", "1", "y", "n", "on", "off"}
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S.%fZ", "%Y-%m-%d %H:%M:%S %Z")


def name_words(name: str) -> list[str]:
    """The words of a field or parameter name: `hotels[].isValidDns` → `['is', 'valid', 'dns']`."""
    last = name.replace("[]", "").split(".")[-1]
    words = [w for w in snake(last).split("_") if w]
    known = SHAPED_WORDS | CATEGORY_WORDS | NUMBER_WORDS | DATE_WORDS | BOOLEAN_LEADS | {"at"}
    while len(words) > 1 and len(words[-1]) <= 2 and words[-1] not in known:
        words.pop()  # a language or variant suffix: `nameEn`, `title_v2`
    return words


def expect(name: str) -> Expect:
    """What a name asks for; booleans first (`is_valid_date` is a yes/no, not a date)."""
    words = name_words(name)
    if not words:
        return Expect.ANY
    ranged = len(words) > 1 and words[1] in RANGE_WORDS  # `validFrom`, `valid_until`: a date, not a yes/no
    if (words[0] in BOOLEAN_LEADS and len(words) > 1) or words[-1] in BOOLEAN_WORDS or (words[0] in BOOLEAN_WORDS and not ranged):
        return Expect.BOOLEAN
    if (words[-1] in NUMBER_WORDS or (words[0] in NUMBER_LEADS and len(words) > 1 and words[1] != "name")
            or ("size" in words and bool(_SIZE_UNITS & set(words)))):
        return Expect.NUMBER
    if words[-1] in DATE_WORDS or (len(words) > 1 and words[-1] == "at"):
        return Expect.DATE
    if words[-1] in CATEGORY_WORDS or (len(words) > 1 and words[-1] in _NAMING and words[-2] in CATEGORY_WORDS):
        return Expect.CATEGORY  # `status`, and the name of a category: `cuisine_name`, `genre_title`
    if words[-1] in SHAPED_WORDS:
        return Expect.SHAPED
    return Expect.ANY


def parses_as_date(text: str) -> bool:
    """Whether a text reads as a date or a moment.

    ISO-looking text must be a real ISO date (`2026-13-45` is not); other text with digits passes
    (APIs write dates many ways), and text without digits passes only when it names a month or a day.
    """
    value = text.strip()
    if _ISO_DAY.match(value):
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
            return True
        except ValueError:
            return any(_fits(value, fmt) for fmt in _DATE_FORMATS)
    if _DIGIT.search(value):
        return True
    return bool(_CALENDAR_WORDS.search(value))


def _fits(value: str, fmt: str) -> bool:
    try:
        datetime.strptime(value, fmt)
        return True
    except ValueError:
        return False


def type_problem(name: str, value: Any, output: bool) -> str | None:
    """Why `value` is the wrong type for a field called `name`, or None.

    Outputs are held to JSON types (a boolean is `true`, not `"coral"`); arguments travel as text in
    many APIs, so `"true"` and `"12"` pass there.
    """
    if value is None or isinstance(value, (dict, list)):
        return None
    want = expect(name)
    words = name_words(name)
    if want is Expect.SHAPED and words[-1] in _NAMING and _NUMERIC.match(str(value).strip()):
        return f"{value!r} is a number where a {' '.join(words)} is expected"
    if want is Expect.BOOLEAN:
        if isinstance(value, bool) or (not output and str(value).strip().lower() in _TRUTHY):
            return None
        if isinstance(value, int) and value in (0, 1):
            return None  # a flag as 0/1 is how many APIs (and their schemas) write yes/no
        return f"{value!r} is not a yes/no value"
    if want is Expect.NUMBER:
        if isinstance(value, bool):
            return f"{value!r} is a boolean, not a number"
        if isinstance(value, (int, float)) or _DIGIT.search(str(value)):
            return None
        return f"{value!r} is not a number"
    if want is Expect.DATE:
        if isinstance(value, bool):
            return f"{value!r} is a boolean, not a date"
        if isinstance(value, (int, float)) or parses_as_date(str(value)):
            return None
        return f"{value!r} is not a date"
    return None


def declared_problem(declared: ParamType | None, value: Any) -> str | None:
    """Why an output `value` does not fit the type its schema declares (None when it fits or is unknown).

    Lenient where APIs are: a number may come as text with digits, a boolean as `"true"`.
    """
    if declared is None or value is None or isinstance(value, (dict, list)):
        return None
    if declared in (ParamType.INTEGER, ParamType.NUMBER) and (isinstance(value, bool) or not _DIGIT.search(str(value))):
        return f"{value!r} is not a number, as the schema says"
    if declared is ParamType.BOOLEAN and not isinstance(value, bool) and str(value).lower() not in ("true", "false"):
        return f"{value!r} is not a boolean, as the schema says"
    if declared is ParamType.DATE and (isinstance(value, bool) or not (isinstance(value, (int, float)) or parses_as_date(str(value)))):
        return f"{value!r} is not a date, as the schema says"
    return None


def is_placeholder(value: Any) -> bool:
    """A value that stands in for data nobody filled: `string`, `lorem`, `<your key>`, `xxx`."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    return (text.lower() in PLACEHOLDER_VALUES or bool(_BRACKETED.match(text)) or bool(_REPEATED.match(text))
            or bool(_YOUR.match(text)))


def is_lone_word(value: Any) -> bool:
    """A single lowercase word (`orbit`, `coral`): a real name, code or address is never that."""
    return isinstance(value, str) and bool(_LONE_WORD.match(value.strip()))


def described_filler(description: str, value: Any) -> str | None:
    """Why a lone word cannot fill a parameter its description explains (None when it can, or no word).

    For a parameter whose name says nothing: a description that asks for a number, an identifier, a
    code or structured text (JSON, a URL, an email) never means a bare common word, and one that lists
    its quoted options (`'xml' or 'json'`) means one of them.
    """
    if not is_lone_word(value):
        return None
    options = [o.lower() for o in _QUOTED.findall(description)]
    if str(value).lower() in options:
        return None
    if len(options) >= 2:
        return f"{value!r} is none of the options the description lists ({', '.join(options[:4])})"
    words = set(re.findall(r"[a-z]+", description.lower()))
    if words & DESCRIBED_SHAPES:
        return f"{value!r} is a lone common word where the description asks for {sorted(words & DESCRIBED_SHAPES)[0]}"
    return None


def own_name_code(name: str, value: Any) -> str | None:
    """A code spelt from the field's own name (`severity: "SEV-26431"`, `biography: "BIO-47250"`).

    Made-up values look like that: the prefix is the name's first letters or its words' initials.
    Identifier fields (`order_id: "ORD-1001"`) may rightly be such codes and are left alone.
    """
    match = _CODE.match(str(value).strip()) if isinstance(value, str) else None
    words = name_words(name)
    if match is None or not words or words[-1] in IDENTIFIER_WORDS:
        return None
    prefix = match.group(1).lower()
    joined = "".join(words)
    if joined.startswith(prefix) or "".join(w[0] for w in words) == prefix:
        return f"{value!r} is a code spelt from the field name {' '.join(words)!r}, not a value"
    return None


def filler_problem(name: str, value: Any, said: str, output: bool) -> str | None:
    """Why `value` is filler for a field called `name`, or None.

    A placeholder is filler anywhere. A lone lowercase word is filler where the name asks for a name,
    place, address or identifier; in an output it is also filler in a field of no stated kind when
    nobody in the conversation (`said`: the user's words and the arguments) used that word, since an
    API does not invent a bare word out of nothing. Booleans, numbers and dates are `wrong_type`'s.
    """
    if is_placeholder(value):
        return f"{value!r} is a placeholder"
    code = own_name_code(name, value)
    if code:
        return code
    if not is_lone_word(value):
        return None
    want = expect(name)
    if want is Expect.SHAPED:
        return f"{value!r} is a lone common word where {' '.join(name_words(name))} is expected"
    listed = name.endswith("[]")  # an item of a list of words (tags, amenities) is a word by nature
    categorical = bool(set(name_words(name)) & CATEGORY_WORDS)  # `unit_system: "metric"`
    if output and want is Expect.ANY and not listed and not categorical and not re.search(rf"\b{re.escape(str(value).lower())}\b", said):
        return f"{value!r} is a bare word that nothing in the conversation asked for"
    return None
