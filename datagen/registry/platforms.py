"""Which public platform a tool wraps, decided from the corpus itself, never from a list of brands.

Many listings wrap one public platform (a video site, a shop, a social network) and accept its ids,
so an id returned by one of them means the same thing to another: `registry.scope.same_service`
treats equal platforms as one service. A word is a platform word when

- it is a word of the name, title or host label of at least `MIN_TOOLS` tools (after removing the
  product words of `lexicon.PLATFORM_STOPWORDS`: `api`, `scraper`, `unofficial` …), and
- the corpus writes it as a proper noun: inside sentences of tool and endpoint descriptions it is
  capitalised (`VidHub`, `Picstagram`; acronyms in capitals do not count) at least `MIN_CAPITALISED`
  times and at least twice as often as in lower case (`weather`, `news`, `translation` are mostly
  lower case, so they never become platforms).

A tool's platform is its one platform word; a tool that names two or more (an aggregator over several
shops) gets none, because its ids could belong to any of them. Precision over coverage: a platform
missed only costs links, a false one lets ids cross between unrelated services.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datagen.lexicon import PLATFORM_STOPWORDS, VERBS

MIN_TOOLS = 2
MIN_CAPITALISED = 2

_SENTENCE = re.compile(r"(?<=[.!?:\n])\s+")
_NAME_SPLIT = re.compile(r"[^a-z0-9]+")
_VERSION = re.compile(r"v?\d+$")
_STRIP = "\"'()[]{},;:!?*`<>"


@dataclass(frozen=True)
class ToolText:
    """The text of one tool that platform detection reads."""

    id: str
    name: str
    title: str
    host: str
    descriptions: Sequence[str]


def name_words(tool: ToolText) -> set[str]:
    """Candidate platform words of a tool: words of its name, title and host label.

    Words are split on non-letters only (`VidHub` stays `vidhub`), version suffixes are cut
    (`vidhub_v3` → `vidhub`), and product words of the lexicon are dropped.
    """
    words: set[str] = set()
    for text in (tool.name, tool.title, tool.host.split(".")[0]):
        for token in _NAME_SPLIT.split(text.lower()):
            token = _VERSION.sub("", token)
            if len(token) >= 3 and token.isalpha() and token not in PLATFORM_STOPWORDS:
                words.add(token)
    return words


def case_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(capitalised, lower-case) counts of each word inside sentences (the first word skipped)."""
    capitalised: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for sentence in _SENTENCE.split(text):
            for raw in sentence.split()[1:]:
                word = raw.strip(_STRIP)
                if not word.isalpha():
                    continue
                if word.islower():
                    lower[word.lower()] += 1
                elif not word.isupper():
                    capitalised[word.lower()] += 1
    return capitalised, lower


def platform_words(tools: Sequence[ToolText]) -> set[str]:
    """The words that name a public platform several tools wrap (see the module docstring)."""
    tool_count: Counter[str] = Counter()
    for tool in tools:
        tool_count.update(name_words(tool))
    capitalised, lower = case_counts(text for tool in tools for text in tool.descriptions)
    return {w for w, n in tool_count.items()
            if n >= MIN_TOOLS and capitalised[w] >= MIN_CAPITALISED and capitalised[w] >= 2 * lower[w]}


def endpoint_platform(name: str, words: set[str]) -> str:
    """The one platform word an endpoint's name uses ('' for none or several): inside a tool that wraps
    several platforms, `chirper_video_download` and `picstagram_user_info` belong to different services."""
    named = sorted({w for w in _NAME_SPLIT.split(name.lower()) if w} & words)
    return named[0] if len(named) == 1 else ""


def leading_word(name: str) -> str:
    """The first word of an endpoint name unless it is a verb (`Chirper Video Download` → chirper)."""
    first = next((w for w in _NAME_SPLIT.split(name.lower()) if w), "")
    return first if len(first) > 2 and first not in VERBS and first not in PLATFORM_STOPWORDS else ""


def detect_platforms(tools: Sequence[ToolText], words: set[str] | None = None) -> dict[str, str]:
    """Tool id → platform word ('' for a tool that wraps no detected platform, or several)."""
    words = platform_words(tools) if words is None else words
    out: dict[str, str] = {}
    for tool in tools:
        named = sorted(name_words(tool) & words)
        out[tool.id] = named[0] if len(named) == 1 else ""
    return out
