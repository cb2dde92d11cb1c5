"""Response fields of an endpoint: from its JSON schema, else an example response, else the structure
ToolBench observed when it called the API, else inferred.

Real ToolBench `schema` values are a JSON Schema, an example response pasted where the schema goes
(a dict without a JSON-Schema `type`), an empty dict, an empty string, or a JSON string. Only about a
quarter of real APIs carry a usable schema, so when there is none the fields are inferred from the
endpoint's name, description and id-like inputs and marked `inferred: true`; they decide how many
FEEDS edges the graph has, so the rules are generic, not tuned to any category.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from datagen.ingest.models import RawApi
from datagen.registry.models import FieldSource, Parameter, ParamType, ResponseField
from datagen.lexicon import (ENDPOINT_SHAPES, ENTITY_CLASSES, FILTER_CONCEPTS, NAME_STOPWORDS, PERSON_WORDS, PLACE_WORDS,
                             PREPOSITIONS)
from datagen.registry.observed import observed_schema
from datagen.registry.naming import GENERIC_CONTAINERS, concept_of, singular, snake, subject_noun
from datagen.registry.types import schema_type, value_type

MAX_FIELDS = 48
MAX_DEPTH = 5

_JSON_TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}
_SCHEMA_KEYS = {
    "type", "properties", "items", "required", "description", "title", "$schema", "additionalProperties",
    "format", "enum", "minimum", "maximum", "maxItems", "minItems", "example", "examples", "default",
    "nullable", "pattern", "minLength", "maxLength", "definitions", "$ref", "anyOf", "oneOf", "allOf",
}

# Concepts a description may name as part of what an endpoint returns.
_MENTIONS: dict[str, tuple[str, ParamType]] = {
    "city": ("city", ParamType.STRING), "country": ("country", ParamType.STRING),
    "latitude": ("latitude", ParamType.NUMBER), "longitude": ("longitude", ParamType.NUMBER),
    "coordinates": ("latitude", ParamType.NUMBER), "email": ("email", ParamType.STRING),
    "phone": ("phone", ParamType.STRING), "price": ("price", ParamType.NUMBER),
    "currency": ("currency", ParamType.STRING), "address": ("address", ParamType.STRING),
    "url": ("url", ParamType.STRING), "symbol": ("symbol", ParamType.STRING),
    "ticker": ("symbol", ParamType.STRING), "zip": ("postal_code", ParamType.STRING),
    "postal": ("postal_code", ParamType.STRING), "timezone": ("timezone", ParamType.STRING),
    "language": ("language", ParamType.STRING), "date": ("date", ParamType.DATE),
    "domain": ("domain", ParamType.STRING), "username": ("username", ParamType.STRING),
}
_LIST_WORDS = ("search", "list", "find", "all", "browse", "query", "lookup", "suggest", "autocomplete")


def is_json_schema(value: Any) -> bool:
    """Whether a dict is a JSON Schema rather than an example response pasted in its place."""
    if not isinstance(value, dict) or not value:
        return False
    kind = value.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if kind is not None and all(isinstance(k, str) and k in _JSON_TYPES for k in kinds):
        return set(value) <= _SCHEMA_KEYS or "properties" in value or "items" in value
    return isinstance(value.get("properties"), dict) and set(value) <= _SCHEMA_KEYS


def _context(container: str | None, fallback: str | None) -> str | None:
    if container:
        noun = singular(snake(container).split("_")[-1])
        if noun and noun not in GENERIC_CONTAINERS:
            return noun
    return fallback


class _Leaf(NamedTuple):
    """A response leaf as found; it becomes a `ResponseField` only if it is among those kept."""

    path: str
    name: str
    type: ParamType
    description: str
    container: str | None
    subject: str | None
    source: FieldSource


def _leaf(path: str, name: str, ptype: ParamType, desc: str, container: str | None,
          subject: str | None, source: FieldSource) -> _Leaf:
    return _Leaf(path, name, ptype, desc, container, subject, source)


def _field(leaf: _Leaf) -> ResponseField:
    # model_construct: every value here is already typed; validation would cost seconds at 45k APIs.
    return ResponseField.model_construct(
        path=leaf.path, name=leaf.name, type=leaf.type, description=leaf.description[:200],
        concept=concept_of(leaf.name, _context(leaf.container, leaf.subject)), source=leaf.source,
        inferred=leaf.source is FieldSource.INFERRED,
    )


def _unknown_items(items: Any) -> bool:
    """Whether an array's items say nothing: missing, `{}`, or an object without properties.

    Such an array documents no field (an answer made for it could only invent its items); an
    array of a scalar type (`{"type": "string"}`) is documented.
    """
    if not isinstance(items, dict) or not items:
        return True
    return schema_type(items.get("type")) is ParamType.OBJECT or "type" not in items


def _walk_schema(node: Any, path: str, name: str, container: str | None, subject: str | None,
                 depth: int, source: FieldSource = FieldSource.SCHEMA) -> Iterator[_Leaf]:
    if not isinstance(node, dict) or depth > MAX_DEPTH:
        return
    kind = schema_type(node.get("type"))
    props = node.get("properties")
    if isinstance(props, dict) and props:
        for key in props:
            if str(key).startswith("x-"):
                continue  # a vendor extension of the schema (`x-widdershins-oldRef`), not a field of the answer
            child_path = f"{path}.{key}" if path else str(key)
            yield from _walk_schema(props[key], child_path, str(key), name or container, subject, depth + 1, source)
        return
    items = node.get("items")
    if kind is ParamType.ARRAY and isinstance(items, dict) and (items.get("properties") or items.get("items")):
        yield from _walk_schema(items, f"{path}[]", name, container, subject, depth + 1, source)
        return
    if kind is ParamType.ARRAY and _unknown_items(items):
        return
    if path:
        desc = node.get("description") or node.get("title") or ""
        yield _leaf(path, name, kind, str(desc), container, subject, source)


def _walk_example(value: Any, path: str, name: str, container: str | None, subject: str | None,
                  depth: int) -> Iterator[_Leaf]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict) and value:
        for key in value:
            child_path = f"{path}.{key}" if path else str(key)
            yield from _walk_example(value[key], child_path, str(key), name or container, subject, depth + 1)
        return
    if isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        yield from _walk_example(value[0], f"{path}[]", name, container, subject, depth + 1)
        return
    if value in ([], {}):
        return  # an empty list or object says nothing of its items (as a schema array without item properties)
    if path:
        yield _leaf(path, name, value_type(value), "", container, subject, FieldSource.EXAMPLE)


def _decode(value: Any) -> Any:
    if isinstance(value, str) and value.strip()[:1] in ("{", "["):
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return None
    return value


_VERDICT_NOUNS = frozenset({"validate", "validation", "validator", "verify", "verification", "verifier", "checker"})
_QUERY_CONCEPTS = frozenset({"query", "q"})


def _words(api: RawApi) -> tuple[list[str], set[str]]:
    """The endpoint name's words, and every word of its name and description (lower case)."""
    tokens = [t for t in snake(api.name).split("_") if t]
    return tokens, set(tokens) | set(re.findall(r"[a-z]+", (api.description or "").lower()))


def _item_noun(tokens: list[str], subject: str | None) -> str | None:
    """What a listing returns: the last plural noun before a preposition (`get_players_by_series` → player)."""
    head: list[str] = []
    for token in tokens:
        if token in PREPOSITIONS:
            break
        head.append(token)
    nouns = [t for t in head if t not in NAME_STOPWORDS and not t.isdigit() and len(t) > 2]
    if nouns and singular(nouns[-1]) != nouns[-1]:
        noun = singular(nouns[-1])
        return noun if noun not in GENERIC_CONTAINERS else subject
    return subject


def _shape(tokens: list[str], words: set[str]) -> str:
    """What kind of answer the endpoint gives, from the verbs and nouns of its name (then its description)."""
    for shape in ("verdict", "conversion", "translation", "image", "file"):
        # `check` and `test` are verbs only first (`check_email`), nouns later (`get_check_status`)
        head = set(tokens[:1]) if shape == "verdict" else set(tokens)
        if head & ENDPOINT_SHAPES[shape] or shape == "verdict" and set(tokens) & _VERDICT_NOUNS:
            return shape
    nouns = [t for t in tokens if t not in NAME_STOPWORDS and not t.isdigit()]
    if any(t in _LIST_WORDS for t in tokens) or (nouns[-1:] != [singular(nouns[-1])] if nouns else False):
        return "list"
    lead = next(iter(sorted(words & ENDPOINT_SHAPES["verdict"])), None)
    return "verdict" if lead and tokens[:1] in (["is"], ["check"], ["validate"], ["verify"]) else "lookup"




def _inputs(params: list[Parameter], skip: str | None) -> Iterator[tuple[str, ParamType, bool]]:
    """Required inputs an API would echo back (not knobs, not free-text queries), with whether the
    items of a listing repeat them (filters and parent ids) rather than the answer once."""
    for param in params:
        if param.required and not param.control and param.concept not in _QUERY_CONCEPTS and param.concept != skip:
            bare = snake(param.name) in ("id", "ids") and param.concept.endswith("_id")
            name = param.concept if bare else param.name  # a bare `id` echoes as `playlist_id`
            yield name, param.type, param.concept.endswith("_id") or param.concept in FILTER_CONCEPTS


def _infer(api: RawApi, params: list[Parameter], subject: str | None) -> Iterator[_Leaf]:
    """Fields of an endpoint without a schema, shaped like what its name says it does.

    A validator returns a verdict and its reason, a converter the converted value with its inputs,
    an image maker an image URL, a file maker a file, a translator the translated text, a listing a
    list of items with ids and names, a lookup of X the X with a few attributes.
    """
    tokens, words = _words(api)
    shape = _shape(tokens, words)

    def leaf(path: str, name: str, ptype: ParamType, desc: str) -> _Leaf:
        return _leaf(path, name, ptype, desc, None, subject, FieldSource.INFERRED)

    if shape == "verdict":
        yield leaf("valid", "valid", ParamType.BOOLEAN, "whether the input passed the check")
        yield leaf("reason", "reason", ParamType.STRING, "why the input passed or failed")
    elif shape == "conversion":
        yield leaf("result", "result", ParamType.NUMBER, "the converted or computed value")
        if words & {"rate", "exchange", "currency", "currencies"}:
            yield leaf("rate", "rate", ParamType.NUMBER, "the rate applied")
    elif shape == "translation":
        yield leaf("translated_text", "translated_text", ParamType.STRING, "the translated text")
    elif shape == "image":
        yield leaf("image_url", "image_url", ParamType.STRING, "URL of the generated image")
        yield leaf("width", "width", ParamType.INTEGER, "image width in pixels")
        yield leaf("height", "height", ParamType.INTEGER, "image height in pixels")
    elif shape == "file":
        yield leaf("file_url", "file_url", ParamType.STRING, "URL of the file")
        yield leaf("file_name", "file_name", ParamType.STRING, "name of the file")
        yield leaf("size_bytes", "size_bytes", ParamType.INTEGER, "size of the file in bytes")
        yield leaf("mime_type", "mime_type", ParamType.STRING, "MIME type of the file")
    noun = _item_noun(tokens, subject) if shape == "list" else subject
    prefix = "results[]." if shape == "list" else ""
    if noun and shape in ("list", "lookup"):
        yield leaf(f"{prefix}{noun}_id", f"{noun}_id", ParamType.STRING, f"id of the {noun}")
        yield leaf(f"{prefix}name", "name", ParamType.STRING, f"name of the {noun}")
    for name, ptype, per_item in _inputs(params, f"{noun}_id" if noun else None):
        yield leaf(f"{prefix if per_item else ''}{name}", name, ptype, "echo of the request")
    if shape == "verdict":
        return  # what a check mentions is what it checks: the input, echoed above
    mentioned = words & set(_MENTIONS)
    if words & {"email", "ip", "mac", "wallet"}:
        mentioned.discard("address")  # an email or IP address, not a street address
    for word in sorted(mentioned):
        field, ptype = _MENTIONS[word]
        yield leaf(f"{prefix}{field}", field, ptype, f"{field} mentioned in the description")
    if noun and shape in ("list", "lookup"):
        for field, ptype in _attributes(noun, words):
            yield leaf(f"{prefix}{field}", field, ptype, f"{field.replace('_', ' ')} of the {noun}")


def _attributes(noun: str, words: set[str]) -> list[tuple[str, ParamType]]:
    """A few attributes a thing of this kind has, so a lookup of X answers with X, not only its id.

    The kind comes from the noun and the endpoint's words (generic classes in the lexicon: measures,
    people, places, written works, events, transactions); anything else gets a description and the
    time it was last updated.
    """
    about = {noun} | words
    if about & ENTITY_CLASSES["measure"]:
        return [("value", ParamType.NUMBER), ("unit", ParamType.STRING), ("year", ParamType.INTEGER)]
    if noun in PERSON_WORDS or about & ENTITY_CLASSES["person"]:
        return [("country", ParamType.STRING), ("bio", ParamType.STRING), ("joined_at", ParamType.STRING)]
    if noun in PLACE_WORDS or about & ENTITY_CLASSES["place"]:
        return [("city", ParamType.STRING), ("country", ParamType.STRING), ("latitude", ParamType.NUMBER),
                ("longitude", ParamType.NUMBER)]
    if about & ENTITY_CLASSES["work"]:
        return [("published_at", ParamType.STRING), ("url", ParamType.STRING), ("summary", ParamType.STRING)]
    if about & ENTITY_CLASSES["event"]:
        return [("date", ParamType.DATE), ("start_time", ParamType.TIME), ("venue", ParamType.STRING),
                ("status", ParamType.STRING)]
    if about & ENTITY_CLASSES["transaction"]:
        return [("status", ParamType.STRING), ("amount", ParamType.NUMBER), ("currency", ParamType.STRING),
                ("created_at", ParamType.STRING)]
    return [("description", ParamType.STRING), ("updated_at", ParamType.STRING)]


def _first_unique(leaves: Iterator[_Leaf]) -> list[_Leaf]:
    """The first leaf of each path, in order, at most `MAX_FIELDS`; stops walking once it has them."""
    kept: dict[str, _Leaf] = {}
    for leaf in leaves:
        if leaf.path not in kept:
            kept[leaf.path] = leaf
            if len(kept) == MAX_FIELDS:
                break
    return list(kept.values())


def response_fields(api: RawApi, params: list[Parameter], observed: Any = None) -> list[ResponseField]:
    """The endpoint's output leaves, deduplicated by path (first one wins), at most `MAX_FIELDS`.

    In order: its JSON schema, an example response, the structure ToolBench observed when it called
    the API (`observed`, see `registry.observed`), and only then fields inferred from its name.
    """
    subject = subject_noun(api.name, api.url or "")
    schema = _decode(api.schema_)
    leaves: list[_Leaf] = []
    if is_json_schema(schema):
        leaves = _first_unique(_walk_schema(schema, "", "", None, subject, 0))
    if not leaves:
        example = _decode(api.example_response)
        if example in (None, {}, [], "") and isinstance(schema, (dict, list)) and not is_json_schema(schema):
            example = schema
        if not (isinstance(example, list) and example and not isinstance(example[0], (dict, list))):
            leaves = _first_unique(_walk_example(example, "", "", None, subject, 0))
    if not leaves and observed is not None:
        implied = observed_schema(observed)
        if implied is not None:
            leaves = _first_unique(_walk_schema(implied, "", "", None, subject, 0, FieldSource.OBSERVED))
    if not leaves:
        leaves = _first_unique(_infer(api, params, subject))
    return [_field(leaf) for leaf in leaves]
