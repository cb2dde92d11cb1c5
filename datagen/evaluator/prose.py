"""Turn text as a reader sees it: debris and API recital (R5), a final answer in words (R4).

`turn_debris` finds what no person writes in a chat: the record's own endpoint or tool names,
snake_case or camelCase identifiers that are not values of the conversation, markdown, option
lists and other description residue (`Option:`, `e.g.`, `(1_`), documentation URLs, unbalanced
brackets, and field names recited as words ("the is valid format is json"). `final_answer_problems`
finds a closing answer that quotes none of the last outputs' values, lists raw keys, or counts
"3 results" without naming what they are.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.evaluator.lineage import Call, keys, loose, mentioned, scalars
from datagen.evaluator.rubric_made import is_meta_text, made_name_values
from datagen.evaluator.rubric_words import (ACTION_VERBS, API_WORDS, DESCRIPTION_DEBRIS, DETERMINERS, EMPTY_CLAIMS,
                                           FILING_WORDS, NOT_AFTER_THE,
                                           VERBS_NOT_NOUNS, WRITE_VERBS)
from datagen.lexicon import NAME_STOPWORDS, PREPOSITIONS, VERBS
from datagen.registry.naming import snake, unglue


_SNAKE = re.compile(r"(?<![\w@/.:-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w@/-])")
_CAMEL = re.compile(r"(?<![\w@/.:-])[a-z]{2,}[A-Z][a-z]+[A-Za-z]*(?![\w@/-])")
_RAW_KEY = re.compile(r"\bthe (?:" + "|".join(sorted(NOT_AFTER_THE)) + r")(?![\w-])(?: [a-z]+)?", re.IGNORECASE)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_DOC_URL = re.compile(r"docs?|documentation|swagger|openapi|readme|/api/|apidoc|developer", re.IGNORECASE)
_MARKDOWN = re.compile(r"^\s*(#{1,6} |[-*+] |\d+[.)] )|\[[^\]]+\]\([^)]+\)|`", re.MULTILINE)
_RUN_TOGETHER = re.compile(r"\b[A-Za-z]{20,}\b")  # `gettheminimumpaymentamount`: no English word is that long
_SMILEY = re.compile(r"[:;]-?[()]")
_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
# "I found 3 results; the top one has price X": a count of nameless results says what the user's
# request was about no more than a field dump does ("I found 3 trades" does).
_NAMELESS_COUNT = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten) results\b", re.IGNORECASE)
_GLUED = 14  # a name part this long that does not split into words was run together
_OPTION_LABEL = re.compile(r"\bOption \w+:|\bOption:")  # "(1_ Option: local format:)", not "two options: a or b"


def record_values(made: list[Call]) -> set[str]:
    """Every argument and output value of the calls, lowercased, for "is this a value?" checks."""
    return {loose(v).lower() for c in made for v in scalars(c.parameters) + scalars(c.output)}


def output_keys(made: list[Call]) -> set[str]:
    """Every key of every output, lowercased."""
    return {k.lower() for c in made for k in keys(c.output)}


def _identifiers(text: str, values: set[str]) -> list[str]:
    """snake_case / camelCase tokens of a text that are not a value the conversation carries."""
    found = _SNAKE.findall(text) + _CAMEL.findall(text) + _RUN_TOGETHER.findall(text)
    return [t for t in found if t.lower() not in values and not any(t.lower() in v for v in values)
            and not re.fullmatch(r"[A-Za-z]{1,5}_\d+[A-Za-z0-9_]*", t)]


def _verb_last_names(made: list[Call]) -> list[str]:
    """Endpoint names a turn must not read aloud, spelt as words (`email_validate` → "email validate").

    Names that end with their verb, repeat a word, or say "api", "endpoint", "json" ("app api nemo
    endpoints nemo point"): "search hotels" and "get word of the day" are how people talk; "email
    validate" is an API name read aloud.
    """
    names = []
    for c in made:
        words = [w for w in snake(c.name.split("::", 1)[-1]).split("_") if w]
        doubled = any(a == b for a, b in zip(words, words[1:]))  # "units units custom read"
        if len(words) >= 2 and (words[-1] in VERBS_NOT_NOUNS or doubled or set(words) & API_WORDS):
            names.append(" ".join(words))
    return sorted(set(names))


def read_aloud(text: str, made: list[Call]) -> list[str]:
    """Endpoint names a user turn reads aloud word for word ("get all active stream infos", "rate stats").

    A name counts when it has two content words besides a leading verb and the turn says its words
    in order, bare: a person puts an article or a determiner before a thing they want ("get the
    weekly schedule", "get the earnings date", "a list of archive events"). Where plain English ends:
    a verb and its object ("check room availability", "log workout") is how people ask, so a bare
    name is debris only when it is long (three content words: nobody says "get all active stream
    infos") or bent to fit the sentence ("help me rate stats" for `rates_stats`: a plural noun made
    a verb, which no one rephrasing a request would arrive at). A long name joined by a preposition
    stays a name after an article ("get the keyword search at coordinate point"), and a run-together
    name said as its words is read off the name (`_glued_aloud`).
    """
    tokens = re.findall(r"[a-z0-9]+", text.lower())
    stems = [_stem(t) for t in tokens]
    found: list[str] = []
    for name in sorted({c.name.split("::", 1)[-1] for c in made}):
        words = [w for w in snake(name).split("_") if w and not w.isdigit()]
        content = [w for w in (words[1:] if words and words[0] in VERBS else words) if w not in NAME_STOPWORDS and len(w) > 2]
        said = [_stem(w) for w in words]
        for i in (i for i in range(len(stems) - len(said) + 1) if stems[i:i + len(said)] == said):
            bare = i == 0 or tokens[i - 1] not in DETERMINERS
            bent = tokens[i:i + len(words)] != words
            phrase = len(content) >= 3 and any(w in PREPOSITIONS for w in words[1:-1])
            if len(content) >= 2 and (bare or phrase) and (len(content) >= 3 or bent):
                found.append(f"reads the endpoint name {' '.join(words)!r} aloud")
                break
        found += _glued_aloud(tokens, name)
    return found


def _glued_aloud(tokens: list[str], name: str) -> list[str]:
    """A run-together name part said as three words or more ("properties for sell" from
    `searchpropertyforsell`): nobody arrives at a glued name's words, its preposition included, by
    rephrasing a request; the words were read off the name."""
    glued = [w for w in snake(name).split("_") if len(w) >= _GLUED and len(unglue(w)) == 1]
    stems = [t[:-3] + "y" if t.endswith("ies") else _stem(t) for t in tokens]  # properties → property
    for start in range(len(tokens)):
        for size in range(3, min(6, len(tokens) - start) + 1):
            said = "".join(stems[start:start + size])
            if len(said) >= _GLUED - 4 and any(said in w for w in glued):
                return [f"reads the run-together endpoint name {' '.join(tokens[start:start + size])!r} aloud"]
    return []


def _stem(word: str) -> str:
    """A word without its plural `s`, so "rate" reads `rates` and "location" reads `locations`."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def debris(text: str, made: list[Call], values: set[str], final: bool) -> list[str]:
    """What in one user or assistant turn is not plain language (empty when nothing is).

    Identifiers and recited keys in the final answer are `final_answer_problems`' to report.
    """
    low = text.lower()
    found: list[str] = []
    names = {c.name for c in made} | {c.name.split("::", 1)[-1] for c in made} | {c.name.split("::", 1)[0] for c in made}
    found += [f"names the API {n!r}" for n in sorted(names) if ("_" in n or "::" in n) and n.lower() in low]
    found += [f"recites the endpoint name {p!r}" for p in _verb_last_names(made) if re.search(rf"\b{re.escape(p)}\b", low)]
    found += [f"description residue {p!r}" for p in DESCRIPTION_DEBRIS if p in low]
    if _OPTION_LABEL.search(text):
        found.append("option label")
    if _MARKDOWN.search(text):
        found.append("markdown")
    found += [f"documentation URL {u!r}" for u in _URL.findall(text) if _DOC_URL.search(u)]
    bare = _SMILEY.sub("", text)
    if bare.count("(") != bare.count(")") or bare.count("[") != bare.count("]"):
        found.append("unbalanced brackets")
    if not final:
        found += [f"recites a field name {m.group(0)!r}" for m in _RAW_KEY.finditer(text)]
        found += [f"identifier {t!r}" for t in _identifiers(text, values) if not any(t in f for f in found)]
    return found


def last_calls(made: list[Call]) -> list[Call]:
    """The calls of the last assistant message that made any: what the final answer should report."""
    if not made:
        return []
    last = max(c.message for c in made)
    return [c for c in made if c.message == last]


def quotable(output: Any) -> list[Any]:
    """The output values a final answer could quote: short texts and numbers, not booleans."""
    return [v for v in scalars(output) if not isinstance(v, bool) and str(v).strip()
            and len(str(v)) <= 80 and len(str(v).split()) <= 8]


def final_answer_problems(answer: str, made: list[Call]) -> list[str]:
    """Why a final answer does not answer with the last outputs in words (empty when it does)."""
    found: list[str] = []
    last = [v for c in last_calls(made) if not (isinstance(c.output, dict) and "error" in c.output)
            for v in quotable(c.output)]
    if last and not any(mentioned(v, answer) for v in last):
        found.append("quotes none of the values the last step returned")
    elif last and not _reports_substance(answer, made):
        found.append("reports only ids and storage times of the last step, not what was asked")
    twice = _said_twice(answer, made)
    if twice:
        found.append(f"states {twice!r} twice in one sentence")
    nameless = _NAMELESS_COUNT.search(answer)
    if nameless:
        found.append(f"counts what came back as {nameless.group(0)!r} without saying what they are")
    if last and any(p in answer.lower() for p in EMPTY_CLAIMS):
        found.append("says nothing came back, though the last step returned values")
    recited = [m.group(0) for m in _RAW_KEY.finditer(answer)]
    keys = output_keys(made)
    raw = [t for t in _SNAKE.findall(answer) + _CAMEL.findall(answer) if t.lower() in keys]
    raw += [t for t in _RUN_TOGETHER.findall(answer) if not any(t.lower() in v for v in record_values(made))]
    if recited or raw:
        found.append(f"lists raw keys {(recited + raw)[:3]}")
    return found


def _said_twice(answer: str, made: list[Call]) -> str | None:
    """A returned text stated twice in one sentence ("The Silver Promise: the game name is The Silver
    Promise"): a field dump labelled with its own value, which tells the user nothing the first did."""
    texts = sorted({v for c in made for v in quotable(c.output) if isinstance(v, str) and len(v.strip()) >= 4
                    and not re.fullmatch(r"[\d.,:\s-]+", v)})
    for sentence in _SENTENCE.split(answer.lower()):
        for text in sorted(texts, key=len, reverse=True):  # a name inside a longer value ("A vs B") is that value's
            pattern = rf"(?<!\w){re.escape(text.lower())}(?!\w)"
            if len(re.findall(pattern, sentence)) > 1:
                return text
            sentence = re.sub(pattern, "\x00", sentence)
    return None


def _leaves(value: Any, key: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in _leaves(v, str(k))]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v, key)]
    return [(key, value)]


def _filing(key: str) -> bool:
    """An id or a storage time (`order_id`, `updated_at`), not `delivered_at`."""
    words = [w for w in snake(key).split("_") if w and w != "at"]
    return bool(words) and words[-1] in FILING_WORDS


def _reports_substance(answer: str, made: list[Call]) -> bool:
    """Whether the answer quotes a value of the last outputs that is more than its filing.

    Ids and storage times say where an answer is kept; a text that describes a stored record ("A
    bio record from …, last updated 2019.") and a name built from the item's kind ("Smith Review")
    say nothing either. Real names and values count. An action
    (book, send, create) answers with its receipt, whose id is the answer, and a yes/no field may be
    said in words the value does not spell ("it was opened"): both are given the benefit of doubt.
    """
    last = [c for c in last_calls(made) if not (isinstance(c.output, dict) and "error" in c.output)]
    if any(set(snake(c.name.split("::", 1)[-1]).split("_")) & (ACTION_VERBS | WRITE_VERBS) for c in last):
        return True
    leaves = [(k, v) for c in last for k, v in _leaves(c.output)]
    if any(isinstance(v, bool) for _, v in leaves):
        return True
    glued = {n for c in last for n in made_name_values(c)}
    from_last = [(k, v) for k, v in leaves if v is not None and str(v).strip()]
    quoted = [(k, v) for k, v in from_last if len(str(v)) <= 200 and mentioned(v, answer)]
    return not quoted or any(not _filing(k) and not is_meta_text(v) and str(v) not in glued for k, v in quoted)
