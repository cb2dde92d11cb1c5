"""The rubric gates of the offline judge: each rule a careful reader applies, as a named check.

Issue 9's readers rejected 83 of 85 conversations the score-only judge passed; these gates look for
what they saw, over the record and its lineage (`metadata.argument_sources`), and each failing gate
is named in `judge_scores.failed_gates` and counted in `evaluation_report.json`:

- `scope_crossing` (R2): an identifier minted by one service sent to an unrelated tool. With the
  registry view (`endpoints`) the one link rule `registry.scope.may_link` decides, so the judge and
  the graph agree; without it, another tool id (the part before `::`) is another service. Also one
  value sent as two kinds of id (a player id passed as a problem id).
- `wrong_type` (R3): `is_*`/`has_*`/`valid*` not a boolean, a count or amount not a number, a date
  that does not parse, in an output or an argument.
- `filler_value` (R3): a placeholder (`string`, `lorem`, `N/A` …) or a lone common word where a
  name, place, time zone, address or code is expected.
- `lookup_mismatch` (R3): a call given an identifier answers about another one.
- `hollow_output` (R3): a call about one thing answers with nothing but an id, a name and its own
  inputs echoed back (`get_weather(city)` → `{weather_id, name, city}`), where the registry does not
  document that shape.
- `turn_debris` (R5): API names, identifiers, markdown or description residue in a user or
  assistant turn.
- `unchosen_action` (R2): an action (buy, book, delete, send …) on one item of a list the user
  never chose: no user turn between the list and the action names the item.
- `final_answer_quality` (R4): a final answer that quotes none of the last outputs' values or
  lists raw keys.
"""

from __future__ import annotations

from typing import Any

from datagen.core.record import RecordDict as Record
from datagen.evaluator.lineage import Call, calls, final_answer, loose, mentioned, scalars, sources, values_at
from datagen.evaluator.prose import debris, final_answer_problems, record_values
from datagen.evaluator.types import Issue
from datagen.evaluator.value_rules import (Expect, declared_problem, described_filler, expect, filler_problem,
                                          is_placeholder, type_problem)
from datagen.core.paths import output_path
from datagen.evaluator.rubric_words import ACTION_VERBS, NEIGHBOUR_WORDS, READ_VERBS
from datagen.lexicon import GENERIC_CONTAINERS
from datagen.registry.models import Endpoint, FieldSource, ParamType
from datagen.registry.naming import concept_of, snake, subject_noun
from datagen.registry.scope import Scope, concept_scope, may_link, same_service

Endpoints = dict[str, Endpoint]

RUBRIC_GATES = ("scope_crossing", "wrong_type", "filler_value", "lookup_mismatch", "hollow_output", "turn_debris",
                "unchosen_action", "final_answer_quality")
_DIMENSION = {"scope_crossing": "tool_correctness", "wrong_type": "tool_correctness",
              "filler_value": "tool_correctness", "lookup_mismatch": "tool_correctness",
              "hollow_output": "tool_correctness",
              "turn_debris": "naturalness", "unchosen_action": "tool_correctness",
              "final_answer_quality": "task_completion"}


def _issue(gate: str, message: str, call: int | None = None, param: str | None = None) -> Issue:
    return Issue(kind=gate, dimension=_DIMENSION[gate], severity="critical", message=f"[{gate}] {message}",
                 call=call, param=param)


def _slug(name: str) -> str:
    return name.split("::", 1)[-1]


def _concept(name: str, context: str | None) -> str:
    """A name's concept, a bare `id` qualified by its container or the endpoint's subject."""
    return concept_of(name, context)


def _param_concept(call: Call, param: str, endpoints: Endpoints | None) -> str:
    endpoint = (endpoints or {}).get(call.name)
    declared = next((p.concept for p in endpoint.parameters if p.name == param), None) if endpoint else None
    return declared or _concept(param, subject_noun(_slug(call.name)))


def _field_concept(call: Call, path: str, endpoints: Endpoints | None) -> str:
    endpoint = (endpoints or {}).get(call.name)
    bare = path.replace("[]", "")
    declared = next((f.concept for f in endpoint.response_fields if f.path.replace("[]", "").lstrip(".") == bare),
                    None) if endpoint else None
    parts = bare.split(".")
    container = parts[-2] if len(parts) > 1 and parts[-2] not in GENERIC_CONTAINERS else None
    noun = subject_noun(container) if container else subject_noun(_slug(call.name))
    return declared or _concept(parts[-1], noun)


def _is_service(concept: str) -> bool:
    return concept_scope(concept) is Scope.SERVICE or concept in {"id", "uuid", "guid"}


def _linked(concept: str, source: Endpoint, target: Endpoint) -> bool:
    """The registry's link rule for service concepts; a bare `id` links only within one service."""
    return may_link(concept, source, target) if concept_scope(concept) is Scope.SERVICE else same_service(source, target)


def _looks_universal(value: Any) -> bool:
    """Values that mean the same anywhere whatever the field is called (an email, a URL)."""
    text = str(value)
    return "@" in text or text.startswith(("http://", "https://"))


def scope_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`scope_crossing`: a service-minted value sent to an unrelated tool."""
    made = {c.index: c for c in calls(record)}
    found: list[Issue] = []
    for src in sources(record):
        if src.get("source") != "step_output":
            continue
        target, origin = made.get(src.get("call", -1)), made.get(src.get("step", -1))
        if target is None or origin is None:
            continue
        param = str(src.get("param"))
        concepts = [_param_concept(target, param, endpoints), _field_concept(origin, str(src.get("field_path") or ""), endpoints)]
        service = [c for c in concepts if _is_service(c)]
        if not service or _looks_universal(src.get("value")):
            continue
        ends = (endpoints or {}).get(origin.name), (endpoints or {}).get(target.name)
        if ends[0] is not None and ends[1] is not None:
            linked = all(_linked(c, ends[0], ends[1]) for c in service)
        else:
            linked = origin.name.split("::", 1)[0] == target.name.split("::", 1)[0]
        if not linked:
            found.append(_issue("scope_crossing", f"call {target.index} ({target.name}) '{param}' = {src.get('value')!r} "
                                f"is a {service[0]} minted by {origin.name}, another service", target.index, param))
    return found


def _leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v, f"{path}[]")]
    return [(path, value)]


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


def value_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """`wrong_type` and `filler_value` over every argument and output leaf (one issue per call and gate)."""
    made = calls(record)
    said = (" ".join(str(m.get("content") or "") for m in record.get("messages") or []
                     if isinstance(m, dict) and m.get("role") == "user")
            + " " + " ".join(loose(v) for c in made for v in scalars(c.parameters))).lower()
    defaults = {(s.get("call"), s.get("param")) for s in sources(record)
                if s.get("source") == "default" and _schema_default(made, s, endpoints)}
    # Whatever its source, a value the schema itself offers (its default, one of its enum) is the API's word.
    defaults |= {(c.index, str(k)) for c in made for k, v in c.parameters.items()
                 if endpoints and _schema_default(made, {"call": c.index, "param": k, "value": v}, endpoints)}
    found: list[Issue] = []
    for call in made:
        seen: set[str] = set()
        declared, described = _declared(call, endpoints), _described(call, endpoints)
        sent = {loose(v) for v in scalars(call.parameters)}
        leaves = [(p, v, False) for p, v in _leaves(call.parameters)]
        leaves += [(p, v, True) for p, v in _leaves(call.output) if p.split(".")[0] != "error"]
        for path, value, output in leaves:
            where = f"call {call.index} ({call.name}) {'output' if output else 'argument'} '{path}'"
            wrong = type_problem(path, value, output) or (declared_problem(declared.get(path), value) if output else None)
            if wrong and "wrong_type" not in seen:
                seen.add("wrong_type")
                found.append(_issue("wrong_type", f"{where}: {wrong}", call.index, None if output else path))
            # A schema default is the API's own word; an output echoing an argument is judged as that argument.
            default = (not output and (call.index, path) in defaults) or (output and loose(value) in sent)
            filler = None if wrong or (default and not is_placeholder(value)) else (
                filler_problem(path, value, said, output)
                or (None if output or path not in described else described_filler(described[path], value)))
            if filler and "filler_value" not in seen:
                seen.add("filler_value")
                found.append(_issue("filler_value", f"{where}: {filler}", call.index, None if output else path))
    return found



def _words(name: str) -> set[str]:
    return set(snake(_slug(name)).split("_"))


def lookup_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`lookup_mismatch`: a call given an identifier whose output is about another one.

    Fires when the output has fields of the identifier's concept and none holds it (`get_webhook(wbh_1)`
    returning `wbh_2`), or when a read endpoint answers with one object whose bare `id` is another.
    An output without any field of that kind (an availability check) is not a lookup answer.
    Endpoints that by name return other items (`similar_images`, `search`) are left alone.
    """
    found: list[Issue] = []
    for call in calls(record):
        slug = _slug(call.name).lower()  # words may run together: `reciperecommendations`
        if not call.answered or not isinstance(call.output, (dict, list)) or any(w in slug for w in NEIGHBOUR_WORDS):
            continue
        if isinstance(call.output, dict) and "error" in call.output:
            continue
        leaves = _leaves(call.output)
        held = {loose(v).lower() for _, v in leaves}
        for param, value in call.parameters.items():
            concept = _param_concept(call, param, endpoints)
            if not _is_service(concept) or isinstance(value, (bool, dict, list)) or value is None:
                continue
            if loose(value).lower() in held or any(loose(value).lower() in h for h in held if len(h) > 3):
                continue
            same = [p for p, _ in leaves if _field_concept(call, p, endpoints) == concept]
            # A read of one object whose own bare `id` is another: `get_item(itm_1)` → `{"id": "itm_2"}`.
            single = isinstance(call.output, dict) and "id" in call.output and bool(_words(call.name) & READ_VERBS)
            if same or single:
                where = f"at {same[0]!r}" if same else "anywhere"
                found.append(_issue("lookup_mismatch", f"call {call.index} ({call.name}) looks up '{param}' = {value!r}, "
                                    f"but its output does not hold it {where}", call.index, param))
    return found


def _items_holding(output: Any, value: Any) -> list[dict[str, Any]]:
    """The objects of an output that hold `value` as one of their own fields."""
    if isinstance(output, list):
        return [d for v in output for d in _items_holding(v, value)]
    if not isinstance(output, dict):
        return []
    own = [d for v in output.values() for d in _items_holding(v, value)]
    if any(not isinstance(v, (dict, list)) and loose(v) == loose(value) for v in output.values()):
        own.append(output)
    return own


def action_issues(record: Record) -> list[Issue]:
    """`unchosen_action`: an action on one item of a multi-item output the user never picked."""
    made = {c.index: c for c in calls(record)}
    messages = record.get("messages") or []
    found: list[Issue] = []
    for src in sources(record):
        target, origin = made.get(src.get("call", -1)), made.get(src.get("step", -1))
        if src.get("source") != "step_output" or target is None or origin is None:
            continue
        words = _words(target.name)
        if not words & ACTION_VERBS or words & READ_VERBS:
            continue
        path = str(src.get("field_path") or "")
        options = {loose(v) for v in values_at(origin.output, path)} if "[]" in path else set()
        if len(options) < 2:
            continue
        value = src.get("value")
        names = [value] + [v for item in _items_holding(origin.output, value) for v in item.values()
                           if isinstance(v, str) and len(v) >= 3]
        between = [m for m in messages[origin.message + 1:target.message]
                   if isinstance(m, dict) and m.get("role") == "user"]
        if not any(mentioned(n, str(m.get("content") or "")) for m in between for n in names):
            found.append(_issue("unchosen_action", f"call {target.index} ({target.name}) acts on {value!r}, one of "
                                f"{len(options)} items of step {origin.index}, which the user never chose",
                                target.index, str(src.get("param"))))
    return found


def _entity_id(name: str) -> bool:
    words = snake(name).split("_")
    return words[-1] in {"id", "ids", "uuid", "guid"} or name.startswith("_")


def _readable(slug: str) -> bool:
    """Whether an endpoint name splits into words, so its subject noun can qualify a bare `id`."""
    return len([w for w in snake(slug).split("_") if w]) > 1


def identity_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`scope_crossing`: one value sent as two kinds of identifier (`player_id` here, `problem_id` there)."""
    seen: dict[str, tuple[str, Call]] = {}
    found: list[Issue] = []
    for call in calls(record):
        for param, value in call.parameters.items():
            if isinstance(value, (bool, dict, list)) or value is None or len(loose(value)) < 3:
                continue
            if param in ("id", "ids") and not _readable(_slug(call.name)):
                continue
            concept = _param_concept(call, param, endpoints)
            if not (_is_service(concept) and concept.endswith("_id")):
                continue
            first = seen.setdefault(loose(value), (concept, call))
            if first[0] != concept and first[1].name.split("::")[0] == call.name.split("::")[0]:
                found.append(_issue("scope_crossing", f"call {call.index} ({call.name}) sends {value!r} as a {concept}, "
                                    f"but call {first[1].index} sent it as a {first[0]}", call.index, param))
    return found


def _documented(call: Call, endpoints: Endpoints | None) -> bool:
    """Whether the registry documents this endpoint's output (schema or example), not a guess."""
    endpoint = (endpoints or {}).get(call.name)
    return endpoint is not None and any(f.source is not FieldSource.INFERRED for f in endpoint.response_fields)


def hollow_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`hollow_output`: an answer about one thing that says nothing but its id, its name and the inputs."""
    found: list[Issue] = []
    for call in calls(record):
        out = call.output
        if not call.answered or not isinstance(out, dict) or "error" in out or _documented(call, endpoints):
            continue
        lists = [v for v in out.values() if isinstance(v, list) and v and all(isinstance(i, dict) for i in v)]
        if lists and (len(lists[0]) > 1 or any(w in _slug(call.name).lower() for w in NEIGHBOUR_WORDS)):
            continue  # a list of items, each named, is what a search or a listing returns
        inputs = {loose(v).lower() for v in scalars(call.parameters)}
        leaves = _leaves(out)
        told = [p for p, v in leaves if loose(v).lower() not in inputs
                and not _entity_id(p.split(".")[-1].replace("[]", ""))
                and snake(p.split(".")[-1].replace("[]", "")).split("_")[-1] not in {"name", "title"}]
        if leaves and not told:
            keys = sorted({p.split(".")[-1].replace("[]", "") for p, _ in leaves})
            found.append(_issue("hollow_output", f"call {call.index} ({call.name}) answers with only {keys[:5]}: "
                                "an id, a name and its own inputs", call.index))
    return found


def text_issues(record: Record) -> list[Issue]:
    """`turn_debris` in user and assistant turns, and `final_answer_quality` of the closing answer."""
    made = calls(record)
    values = record_values(made)
    messages = [m for m in record.get("messages") or [] if isinstance(m, dict)]
    answer = final_answer(record)
    found: list[Issue] = []
    for i, m in enumerate(messages):
        if m.get("role") not in ("user", "assistant") or not str(m.get("content") or "").strip():
            continue
        final = answer is not None and i == len(messages) - 1
        bad = debris(str(m.get("content")), made, values, final)
        if bad:
            found.append(_issue("turn_debris", f"message {i} ({m.get('role')}): {'; '.join(bad[:3])}"))
    if answer is not None and made:
        problems = final_answer_problems(answer, made)
        if problems:
            found.append(_issue("final_answer_quality", "the final answer " + "; ".join(problems)))
    return found


def rubric_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """Every rubric gate's problems, in the order of `RUBRIC_GATES`."""
    found = (scope_issues(record, endpoints) + identity_issues(record, endpoints) + value_issues(record, endpoints)
             + lookup_issues(record, endpoints) + hollow_issues(record, endpoints) + text_issues(record)
             + action_issues(record))
    return sorted(found, key=lambda i: RUBRIC_GATES.index(i.kind))


def failed_rules(issues: list[Issue]) -> list[str]:
    """The rubric gates among `issues`, once each, in the order of `RUBRIC_GATES`."""
    kinds = {i.kind for i in issues}
    return [g for g in RUBRIC_GATES if g in kinds]
