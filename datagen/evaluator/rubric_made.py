"""Rubric gates over values a reader sees as made up (R3, R2): texts about rows, names built from a
kind, codes standing in for words, one item listed twice, answers with no words in them.

Issue 9's second read-audit rejected conversations the first gates passed for these, all generic:

- `filler_text`: a text that describes a stored row instead of the thing ("An offer record from
  Bangkok, Thailand, last updated 2022."): no API's description field says that; or a line of chat
  in a field that tells a thing (a definition "Please confirm the details when you can.").
- `made_name`: a two-word name built as "<Word> <Kind>" where the kind is the endpoint's or the
  field's own noun ("Smith Review" from a review endpoint, "Wells Url" from a url endpoint), or a
  name that is its container's key read aloud (`away_pitcher.name: "Away pitcher"`). Words real
  names end with ("Grand Hotel", "Central Park") are `rubric_words.PROPER_NAME_HEADS`.
- `opaque_code`: a letters-and-digits code (`8G23153`, `NG62169`) in a field whose name does not
  denote a code or an id (`dimension`, `suit`, `venue`, `book`), in an output or an argument.
- `repeated_item`: one list holding the same named item twice under different ids ("India, India
  and India" for one country code).
- `hollow_output` (with `rubric_values`): an endpoint whose name says it returns a text (reviews,
  lyrics, a verse, a quote) answering without a single sentence.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.evaluator.lineage import Call, calls, loose, scalars
from datagen.evaluator.rubric_base import Endpoints, Record, issue, leaf_paths, lists_in, objects_in, slug_of
from datagen.evaluator.rubric_values import schema_defaults
from datagen.evaluator.rubric_words import (CHAT_MARKERS, CODE_FIELD_WORDS, IDENTIFIER_WORDS, META_NOUNS, META_PHRASES,
                                           PLACE_WORDS, PROPER_NAME_HEADS, RATING_WORDS, TELLING_WORDS,
                                           TEXT_KINDS, WRITE_VERBS)
from datagen.evaluator.types import Issue
from datagen.evaluator.value_rules import name_words
from datagen.registry.naming import singular, snake

_META_START = re.compile(r"^(?:an?)\s+(?:[\w'-]+\s+){0,3}(?:" + "|".join(sorted(META_NOUNS))
                         + r")\s+(?:from|for|of|in|about|describing|with)\b", re.IGNORECASE)
_OPAQUE = re.compile(r"^(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){2})[A-Z0-9]{5,9}$")
_NAMING = frozenset({"name", "names", "title", "titles", "label"})
_NAME_WORD = re.compile(r"^[A-Z][a-z]+$")


def is_meta_text(value: Any) -> bool:
    """A sentence about a stored row ("A bio record from Bangkok, last updated 2019.")."""
    if not isinstance(value, str) or len(value.split()) < 4:
        return False
    low = value.lower()
    return bool(_META_START.match(value.strip())) or any(p in low for p in META_PHRASES)


_CHAT = re.compile(r"\b(" + "|".join(re.escape(m) for m in CHAT_MARKERS) + r")\b", re.IGNORECASE)


def is_chat_line(name: str, value: Any) -> bool:
    """A line of chat ("Please confirm the details when you can.") in a field that tells a thing."""
    words = name_words(name)
    return (isinstance(value, str) and bool(words) and words[-1] in TELLING_WORDS and bool(_CHAT.search(value)))


def _output_leaves(call: Call) -> list[tuple[str, Any]]:
    if not call.answered or not isinstance(call.output, (dict, list)):
        return []
    return [(p, v) for p, v in leaf_paths(call.output) if p.split(".")[0] != "error"]


def filler_text_issues(record: Record) -> list[Issue]:
    """`filler_text`: an output text that describes a row, not the thing (one issue per call)."""
    found: list[Issue] = []
    for call in calls(record):
        hit = next(((p, v) for p, v in _output_leaves(call) if is_meta_text(v)), None)
        chat = next(((p, v) for p, v in _output_leaves(call) if is_chat_line(p, v)), None)
        if hit:
            found.append(issue("filler_text", f"call {call.index} ({call.name}) output '{hit[0]}' = {hit[1]!r} "
                               "describes a stored record, not the thing", call.index))
        elif chat:
            found.append(issue("filler_text", f"call {call.index} ({call.name}) output '{chat[0]}' = {chat[1]!r} "
                               "is a line of chat, not what the field tells", call.index))
    return found


def _own_kinds(call: Call, path: str, siblings: dict[str, Any]) -> set[str]:
    """The nouns a value of `path` belongs to: the endpoint's words, the path's keys, sibling id keys."""
    words = set(snake(slug_of(call.name)).split("_"))
    for part in path.replace("[]", "").split("."):
        words |= set(snake(part).split("_"))
    for key in siblings:
        parts = snake(str(key)).split("_")
        if len(parts) > 1 and parts[-1] in ("id", "ids"):
            words |= set(parts[:-1])
    return {singular(w) for w in words if len(w) > 2} | {w for w in words if len(w) > 2}


def made_name(call: Call, container: str, key: str, value: Any, siblings: dict[str, Any]) -> str | None:
    """Why a name is built from its own kind (None when it reads as a real name)."""
    if not isinstance(value, str) or not (set(name_words(key)) & _NAMING):
        return None
    words = value.split()
    last_key = container.replace("[]", "").split(".")[-1]
    if last_key and value.lower() == " ".join(snake(last_key).split("_")):
        return f"{value!r} is the key {last_key!r} read aloud"
    if len(words) != 2 or not all(_NAME_WORD.match(w) for w in words):
        return None
    kind = singular(words[1].lower())
    if kind in PROPER_NAME_HEADS or words[1].lower() in PROPER_NAME_HEADS:
        return None
    path = f"{container}.{key}" if container else key
    if kind in _own_kinds(call, path, siblings) or words[1].lower() in _own_kinds(call, path, siblings):
        return f"{value!r} is a word glued to the kind {kind!r}, not a name"
    return None


def made_names(call: Call) -> list[tuple[str, str]]:
    """Each (where, why) of a name in a call's output built from its own kind, in output order."""
    if not call.answered:
        return []
    sent = {loose(v).lower() for v in scalars(call.parameters)}
    return [(container or "root", why) for container, obj in objects_in(call.output) for k, v in obj.items()
            if loose(v).lower() not in sent and (why := made_name(call, container, str(k), v, obj))]


def made_name_values(call: Call) -> set[str]:
    """The names of a call's output that are built from their own kind ("Smith Review")."""
    if not call.answered:
        return set()
    sent = {loose(v).lower() for v in scalars(call.parameters)}
    return {str(v) for container, obj in objects_in(call.output) for k, v in obj.items()
            if loose(v).lower() not in sent and made_name(call, container, str(k), v, obj)}


def made_name_issues(record: Record) -> list[Issue]:
    """`made_name`: a name built as "<Word> <Kind>" from the call's own kind (one issue per call)."""
    found: list[Issue] = []
    for call in calls(record):
        made = made_names(call)
        if made:
            found.append(issue("made_name", f"call {call.index} ({call.name}) output {made[0][0]}: {made[0][1]}",
                               call.index))
    return found


def opaque_code(name: str, value: Any) -> str | None:
    """Why a letters-and-digits code cannot be the value of a field called `name` (None when it can)."""
    if not isinstance(value, str) or not _OPAQUE.match(value.strip()):
        return None
    words = name_words(name)
    joined = "".join(words)
    if not words or len(joined) <= 3 or set(words) & (IDENTIFIER_WORDS | CODE_FIELD_WORDS) \
            or joined.endswith(("id", "ids", "code", "codes", "key", "no")):
        return None
    return f"{value!r} is a made-up code where a {' '.join(words)} is expected"


def opaque_code_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """`opaque_code`: a code in an argument or output field that names no code (one issue per call)."""
    made = calls(record)
    defaults = schema_defaults(record, made, endpoints)
    found: list[Issue] = []
    for call in made:
        leaves = [(p, v, False) for p, v in leaf_paths(call.parameters) if (call.index, p) not in defaults]
        leaves += [(p, v, True) for p, v in _output_leaves(call)]
        for path, value, output in leaves:
            why = opaque_code(path, value)
            if why:
                where = f"call {call.index} ({call.name}) {'output' if output else 'argument'} '{path}'"
                found.append(issue("opaque_code", f"{where}: {why}", call.index, None if output else path))
                break
    return found


def _label(item: dict[str, Any]) -> str | None:
    for key, value in item.items():
        if isinstance(value, str) and set(name_words(str(key))) & _NAMING:
            return value.strip().lower()
    return None


def _placed(items: list[dict[str, Any]]) -> bool:
    """Whether items carry a place, so two of one name may be two branches of one chain."""
    return any(set(name_words(str(k))) & PLACE_WORDS for i in items for k in i)


def _looks_up_one(call: Call) -> bool:
    """Whether a call names one item by an identifier or a code (`countryCode`, `id`)."""
    return any(set(name_words(str(k))) & (IDENTIFIER_WORDS | {"id"}) or snake(str(k)).endswith("id")
               for k in call.parameters)


def repeated_item_issues(record: Record) -> list[Issue]:
    """`repeated_item`: one list naming the same item twice with otherwise different contents.

    Two items of one name are two branches of a chain when they carry places, unless the call
    looked up one item by its identifier: then one name means one item.
    """
    found: list[Issue] = []
    for call in calls(record):
        if not call.answered:
            continue
        for path, value in lists_in(call.output):
            items = [i for i in value if isinstance(i, dict)]
            if _placed(items) and not _looks_up_one(call):
                continue
            labels = [_label(i) for i in items]
            twice = next((lab for n, lab in enumerate(labels) if lab and lab in labels[:n]
                          and items[n] != items[labels.index(lab)]), None)
            if twice:
                found.append(issue("repeated_item", f"call {call.index} ({call.name}) lists {twice!r} "
                                   f"{labels.count(twice)} times in '{path}' as different items", call.index))
                break
    return found


def _sentence(value: Any) -> bool:
    return (isinstance(value, str) and len(value.split()) >= 4 and not is_meta_text(value)
            and not value.strip().lower().startswith(("http://", "https://")))


def wordless_issues(record: Record) -> list[Issue]:
    """`hollow_output`: an endpoint named for a text (reviews, lyrics, a verse) answers no sentence."""
    found: list[Issue] = []
    for call in calls(record):
        if not call.answered or not isinstance(call.output, (dict, list)) or \
                (isinstance(call.output, dict) and "error" in call.output):
            continue
        words = set(snake(slug_of(call.name)).split("_"))
        kinds = words & TEXT_KINDS
        rated = any(set(name_words(p)) & RATING_WORDS for p, _ in leaf_paths(call.output))
        if kinds and not words & WRITE_VERBS and not rated and not any(_sentence(v) for v in scalars(call.output)):
            found.append(issue("hollow_output", f"call {call.index} ({call.name}) is named for "
                               f"{sorted(kinds)[0]} but answers without a sentence", call.index))
    return found
