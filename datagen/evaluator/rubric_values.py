"""Rubric gates over what one call sends and answers: ranges, types, filler, hollow answers.

`inverted_range`, `wrong_type`, `filler_value` and `hollow_output`; the rules on single values are in
`value_rules`. See `evaluator.rubric`.
"""

from __future__ import annotations

from typing import Any

from datagen.evaluator.lineage import Call, calls, loose, scalars, sources
from datagen.evaluator.rubric_base import Endpoints, Record, issue, leaf_paths, name_words_of, slug_of
from datagen.evaluator.rubric_words import (ACTION_VERBS, LISTING_WORDS, LOWER_ENDS, NEIGHBOUR_WORDS, ROUTE_ENDS,
                                           SCHEMA_KEYS, UPPER_ENDS, WRITE_VERBS)
from datagen.evaluator.types import Issue
from datagen.evaluator.value_rules import (Expect, declared_problem, described_filler, expect, filler_problem,
                                          is_placeholder, type_problem)
from datagen.core.ordinal import ordinal
from datagen.core.paths import output_path
from datagen.lexicon import ENVELOPE_KEYS
from datagen.registry.models import FieldSource, ParamType
from datagen.registry.naming import snake


def range_issues(record: Record) -> list[Issue]:
    """`inverted_range`: a lower end above its upper end in one call (`min_x` > `max_x`, out before in)."""
    found: list[Issue] = []
    for call in calls(record):
        ends: dict[tuple[str, ...], dict[str, tuple[str, Any]]] = {}
        for param, value in call.parameters.items():
            words = [w for w in snake(param).split("_") if w]
            for i, w in enumerate(words):
                side = "low" if w in LOWER_ENDS else "high" if w in UPPER_ENDS else None
                if side:
                    ends.setdefault(tuple(words[:i] + words[i + 1:]), {})[side] = (param, value)
        for stem, pair in ends.items():
            if "low" not in pair or "high" not in pair or set(stem) & ROUTE_ENDS:
                continue  # the start and end of a route are places, not the two ends of a range
            (low_name, low), (high_name, high) = pair["low"], pair["high"]
            a, b = ordinal(low), ordinal(high)
            inverted = (isinstance(a, float) and isinstance(b, float) and a > b) or \
                (isinstance(a, str) and isinstance(b, str) and a > b)
            if inverted:
                found.append(issue("inverted_range", f"call {call.index} ({call.name}) sends {low_name} = {low!r} "
                                    f"above {high_name} = {high!r}", call.index, low_name))
    return found


def _declared(call: Call, endpoints: Endpoints | None) -> dict[str, ParamType]:
    """The schema's type of each output path of a call (empty without the registry view)."""
    endpoint = (endpoints or {}).get(call.name)
    return {output_path(f.path): f.type for f in endpoint.response_fields} if endpoint else {}


def _described(call: Call, endpoints: Endpoints | None) -> dict[str, str]:
    """The description of each parameter whose name says nothing of its kind (`asin`, `cuit`, `output`)."""
    endpoint = (endpoints or {}).get(call.name)
    return {p.name: p.description for p in endpoint.parameters if expect(p.name) is Expect.ANY} if endpoint else {}


def _schema_default(made: list[Call], src: dict[str, Any], endpoints: Endpoints | None) -> bool:
    """Whether a `default` argument is the schema's own default (always assumed without the registry)."""
    call = next((c for c in made if c.index == src.get("call")), None)
    endpoint = (endpoints or {}).get(call.name) if call is not None else None
    if endpoint is None:
        return True
    param = next((p for p in endpoint.parameters if p.name == src.get("param")), None)
    return param is not None and (loose(param.default) == loose(src.get("value"))
                                  or str(src.get("value")) in (param.enum or []))


def schema_defaults(record: Record, made: list[Call], endpoints: Endpoints | None) -> set[tuple[Any, Any]]:
    """The (call, param) pairs whose value is the API's own word: its schema default or enum."""
    defaults = {(s.get("call"), s.get("param")) for s in sources(record)
                if s.get("source") == "default" and _schema_default(made, s, endpoints)}
    # Whatever its source, a value the schema itself offers (its default, one of its enum) is the API's word.
    defaults |= {(c.index, str(k)) for c in made for k, v in c.parameters.items()
                 if endpoints and _schema_default(made, {"call": c.index, "param": k, "value": v}, endpoints)}
    return defaults


def value_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """`wrong_type` and `filler_value` over every argument and output leaf (one issue per call and gate)."""
    made = calls(record)
    said = (" ".join(str(m.get("content") or "") for m in record.get("messages") or []
                     if isinstance(m, dict) and m.get("role") == "user")
            + " " + " ".join(loose(v) for c in made for v in scalars(c.parameters))).lower()
    defaults = schema_defaults(record, made, endpoints)
    found: list[Issue] = []
    for call in made:
        seen: set[str] = set()
        declared, described = _declared(call, endpoints), _described(call, endpoints)
        sent = {loose(v) for v in scalars(call.parameters)}
        leaves = [(p, v, False) for p, v in leaf_paths(call.parameters)]
        leaves += [(p, v, True) for p, v in leaf_paths(call.output) if p.split(".")[0] != "error"]
        for path, value, output in leaves:
            where = f"call {call.index} ({call.name}) {'output' if output else 'argument'} '{path}'"
            wrong = type_problem(path, value, output) or (declared_problem(declared.get(path), value) if output else None)
            if wrong and "wrong_type" not in seen:
                seen.add("wrong_type")
                found.append(issue("wrong_type", f"{where}: {wrong}", call.index, None if output else path))
            # A schema default is the API's own word; an output echoing an argument is judged as that argument.
            default = (not output and (call.index, path) in defaults) or (output and loose(value) in sent)
            filler = None if wrong or (default and not is_placeholder(value)) else (
                filler_problem(path, value, said, output)
                or (None if output or path not in described else described_filler(described[path], value)))
            if filler and "filler_value" not in seen:
                seen.add("filler_value")
                found.append(issue("filler_value", f"{where}: {filler}", call.index, None if output else path))
    return found


def _entity_id(name: str) -> bool:
    words = snake(name).split("_")
    return words[-1] in {"id", "ids", "uuid", "guid"} or name.startswith("_")


def _documented(call: Call, endpoints: Endpoints | None) -> bool:
    """Whether the registry documents this endpoint's output (schema or example), not a guess."""
    endpoint = (endpoints or {}).get(call.name)
    return endpoint is not None and any(f.source is not FieldSource.INFERRED for f in endpoint.response_fields)


def _schema_keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {str(k) for k in value if k in SCHEMA_KEYS} | {k for v in value.values() for k in _schema_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _schema_keys(v)}
    return set()


def hollow_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`hollow_output`: an answer about one thing that says nothing but its id, its name and the inputs."""
    found: list[Issue] = []
    for call in calls(record):
        out = call.output
        if not call.answered or not isinstance(out, dict) or "error" in out:
            continue
        schema = sorted(_schema_keys(out))
        if schema:
            found.append(issue("hollow_output", f"call {call.index} ({call.name}) answers with a JSON schema "
                               f"({', '.join(schema[:3])}), not data", call.index))
            continue
        inputs = {loose(v).lower() for v in scalars(call.parameters)}
        leaves = leaf_paths(out)
        if _documented(call, endpoints):
            # a documented answer may be short, but one that only repeats what it was sent (a chapter
            # lookup answering its book and chapter numbers) tells nothing; an action's receipt may
            echo = [p for p, v in leaves if loose(v).lower() not in inputs
                    and not _entity_id(p.split(".")[-1].replace("[]", "")) and not str(v).startswith("http")
                    and snake(p.split(".")[-1].replace("[]", "")) not in ENVELOPE_KEYS]
            if leaves and not echo and not name_words_of(call.name) & (ACTION_VERBS | WRITE_VERBS):
                found.append(issue("hollow_output", f"call {call.index} ({call.name}) answers with nothing "
                                   "but its own inputs and ids", call.index))
            continue
        lists = [v for v in out.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        listing = any(w in slug_of(call.name).lower() for w in NEIGHBOUR_WORDS | LISTING_WORDS)
        if lists and (len(lists[0]) > 1 or listing):
            continue  # a list of items, each named, is what a search or a listing returns
        told = [p for p, v in leaves if loose(v).lower() not in inputs
                and not _entity_id(p.split(".")[-1].replace("[]", ""))
                and snake(p.split(".")[-1].replace("[]", "")).split("_")[-1] not in {"name", "title"}]
        if leaves and not told:
            keys = sorted({p.split(".")[-1].replace("[]", "") for p, _ in leaves})
            found.append(issue("hollow_output", f"call {call.index} ({call.name}) answers with only {keys[:5]}: "
                                "an id, a name and its own inputs", call.index))
    return found
