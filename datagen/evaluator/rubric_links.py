"""Rubric gates over what travels between calls: ids across services, lookups, chosen items.

`scope_crossing` (a service id sent to an unrelated tool, or one value sent as two kinds of id),
`lookup_mismatch` (a lookup answers about another item, or renames the item picked from a list) and
`unchosen_action` (an action on a list item the user never picked, or an argument from one of
two sibling objects nobody told apart), `default_subject` (what a call is
about filled by a default nobody gave) and `unasked_step` (a call nobody asked for whose answer
nothing uses). See `evaluator.rubric`.
"""

from __future__ import annotations

import re
from typing import Any

from datagen.evaluator.lineage import Call, calls, loose, mentioned, scalars, sources, values_at
from datagen.evaluator.rubric_base import (Endpoints, Record, field_concept, is_service, issue, leaf_paths,
                                           name_words_of, param_concept, slug_of)
from datagen.evaluator.rubric_words import ACTION_VERBS, NEIGHBOUR_WORDS, PUBLIC_IDS, READ_VERBS, SUBJECT_WORDS
from datagen.evaluator.types import Issue
from datagen.lexicon import NAME_STOPWORDS
from datagen.registry.models import Endpoint
from datagen.registry.naming import concept_of, singular, snake, subject_noun, unglue
from datagen.registry.scope import Scope, concept_scope, may_link, same_service


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
        concepts = [param_concept(target, param, endpoints), field_concept(origin, str(src.get("field_path") or ""), endpoints)]
        service = [c for c in concepts if is_service(c)]
        if not service or _looks_universal(src.get("value")):
            continue
        ends = (endpoints or {}).get(origin.name), (endpoints or {}).get(target.name)
        if ends[0] is not None and ends[1] is not None:
            linked = all(_linked(c, ends[0], ends[1]) for c in service)
        else:
            linked = origin.name.split("::", 1)[0] == target.name.split("::", 1)[0]
        if not linked:
            found.append(issue("scope_crossing", f"call {target.index} ({target.name}) '{param}' = {src.get('value')!r} "
                                f"is a {service[0]} minted by {origin.name}, another service", target.index, param))
    return found


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
            if param in ("id", "ids") and not _readable(slug_of(call.name)):
                continue
            concept = param_concept(call, param, endpoints)
            if not (is_service(concept) and concept.endswith("_id")):
                continue
            first = seen.setdefault(loose(value), (concept, call))
            if first[0] != concept and first[1].name.split("::")[0] == call.name.split("::")[0]:
                found.append(issue("scope_crossing", f"call {call.index} ({call.name}) sends {value!r} as a {concept}, "
                                    f"but call {first[1].index} sent it as a {first[0]}", call.index, param))
    return found


def lookup_issues(record: Record, endpoints: Endpoints | None) -> list[Issue]:
    """`lookup_mismatch`: a call given an identifier whose output is about another one.

    Fires when the output has fields of the identifier's concept and none holds it (`get_webhook(wbh_1)`
    returning `wbh_2`), or when a read endpoint answers with one object whose bare `id` is another.
    An output without any field of that kind (an availability check) is not a lookup answer.
    Endpoints that by name return other items (`similar_images`, `search`) are left alone.
    """
    found: list[Issue] = []
    for call in calls(record):
        slug = slug_of(call.name).lower()  # words may run together: `reciperecommendations`
        if not call.answered or not isinstance(call.output, (dict, list)) or any(w in slug for w in NEIGHBOUR_WORDS):
            continue
        if isinstance(call.output, dict) and "error" in call.output:
            continue
        leaves = leaf_paths(call.output)
        held = {loose(v).lower() for _, v in leaves}
        for param, value in call.parameters.items():
            concept = param_concept(call, param, endpoints)
            if not (is_service(concept) or concept.endswith("_id") or concept in PUBLIC_IDS) or isinstance(value, (bool, dict, list)) or value is None:
                continue
            if loose(value).lower() in held or any(loose(value).lower() in h for h in held if len(h) > 3):
                continue
            same = [p for p, _ in leaves if field_concept(call, p, endpoints) == concept]
            # A read of one object whose own bare `id` is another: `get_item(itm_1)` → `{"id": "itm_2"}`.
            single = isinstance(call.output, dict) and "id" in call.output and bool(name_words_of(call.name) & READ_VERBS)
            if same or single:
                where = f"at {same[0]!r}" if same else "anywhere"
                found.append(issue("lookup_mismatch", f"call {call.index} ({call.name}) looks up '{param}' = {value!r}, "
                                    f"but its output does not hold it {where}", call.index, param))
    return found


_LABELS = ("name", "title")


def _own_item(origin: Call, path: str, value: Any) -> dict[str, Any] | None:
    """The list item whose own id `value` is (`muscles[].id`, `hotels[].hotel_id`), else None.

    `events[].venue_id` is not the event's own id, so the event's name says nothing about the venue.
    """
    parts = path.replace("[]", "").split(".")
    if "[]" not in path or len(parts) < 2:
        return None
    own = parts[-1] in ("id", "uuid") or concept_of(parts[-1]) == concept_of("id", subject_noun(parts[-2]))
    items = [i for i in _items_holding(origin.output, value) if loose(i.get(parts[-1])) == loose(value)]
    return items[0] if own and items else None


def consistency_issues(record: Record) -> list[Issue]:
    """`lookup_mismatch`: a lookup of an item chosen from a list names it otherwise (Yang Muscle → Kemp Muscle)."""
    made = {c.index: c for c in calls(record)}
    found: list[Issue] = []
    for src in sources(record):
        target, origin = made.get(src.get("call", -1)), made.get(src.get("step", -1))
        if src.get("source") != "step_output" or target is None or origin is None or not isinstance(target.output, dict):
            continue
        item = _own_item(origin, str(src.get("field_path") or ""), src.get("value"))
        for label in _LABELS:
            before, after = (item or {}).get(label), target.output.get(label)
            if isinstance(before, str) and isinstance(after, str) and before.strip().lower() != after.strip().lower():
                found.append(issue("lookup_mismatch", f"call {target.index} ({target.name}) looks up {src.get('value')!r}, "
                                    f"listed as {before!r} by step {origin.index}, and answers {after!r}",
                                    target.index, str(src.get("param"))))
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
        words = name_words_of(target.name)
        if not words & ACTION_VERBS or words & READ_VERBS:
            continue
        value, options = src.get("value"), list_options(origin, str(src.get("field_path") or ""))
        if options >= 2 and not chosen(messages, origin, target, value):
            found.append(issue("unchosen_action", f"call {target.index} ({target.name}) acts on {value!r}, one of "
                                f"{options} items of step {origin.index}, which the user never chose",
                                target.index, str(src.get("param"))))
    return found + sibling_issues(record)


def sibling_issues(record: Record) -> list[Issue]:
    """`unchosen_action` (R2): an argument taken from one of two sibling objects of one kind
    (`match.awayTeam.id` beside `match.homeTeam.id`) that no user turn told apart.

    Siblings share their fields and a word of their keys (`awayTeam`, `homeTeam`: team); "the team"
    names both, so the one taken was picked for the user. A user turn saying the taken key's own
    word ("away"), or a value of the taken object, chose it.
    """
    made = {c.index: c for c in calls(record)}
    said = " ".join(str(m.get("content") or "") for m in record.get("messages") or []
                    if isinstance(m, dict) and m.get("role") == "user")
    found: list[Issue] = []
    for src in sources(record):
        target, origin = made.get(src.get("call", -1)), made.get(src.get("step", -1))
        parts = str(src.get("field_path") or "").split(".")
        if src.get("source") != "step_output" or target is None or origin is None or len(parts) < 2:
            continue
        key, leaf, value = parts[-2].replace("[]", ""), parts[-1], src.get("value")
        words = set(snake(key).split("_"))
        for parent in values_at(origin.output, ".".join(parts[:-2])) if len(parts) > 2 else [origin.output]:
            taken = parent.get(key) if isinstance(parent, dict) else None
            if not isinstance(taken, dict) or loose(taken.get(leaf)) != loose(value):
                continue
            twins = [k for k, v in parent.items() if k != key and isinstance(v, dict) and set(v) == set(taken)
                     and loose(v.get(leaf)) != loose(value) and words & set(snake(k).split("_"))]
            own = {w for w in words - {x for k in twins for x in snake(k).split("_")} if len(w) > 2}
            if twins and not any(re.search(rf"\b{re.escape(w)}", said.lower()) for w in own) and not any(
                    mentioned(v, said) for v in taken.values() if isinstance(v, (str, int)) and len(str(v)) >= 3):
                found.append(issue("unchosen_action", f"call {target.index} ({target.name}) takes '{src.get('param')}' "
                                   f"from '{key}' of step {origin.index}, beside '{twins[0]}', and no user turn "
                                   "said which one", target.index, str(src.get("param"))))
    return found


def list_options(origin: Call, path: str) -> int:
    """How many different values a list field of an output holds (0 when the path is not in a list)."""
    return len({loose(v) for v in values_at(origin.output, path)}) if "[]" in path else 0


def chosen(messages: list[Any], origin: Call, target: Call, value: Any) -> bool:
    """Whether a user turn between a list and a call names the item `value` comes from (or the value)."""
    names = [value] + [v for item in _items_holding(origin.output, value) for v in item.values()
                       if isinstance(v, str) and len(v) >= 3]
    between = [m for m in messages[origin.message + 1:target.message] if isinstance(m, dict) and m.get("role") == "user"]
    return any(mentioned(n, str(m.get("content") or "")) for m in between for n in names)


def default_issues(record: Record) -> list[Issue]:
    """`default_subject`: the thing a call is about (a phone number, a url, a username) taken from a
    parameter default nobody in the conversation stated.

    A sensible default is a setting (a page, a format, a sort order); the subject of a request is
    the user's to give, so a default there makes a call about something nobody asked for.
    """
    said = " ".join(str(m.get("content") or "") for m in record.get("messages") or []
                    if isinstance(m, dict) and m.get("role") == "user")
    found: list[Issue] = []
    for src in sources(record):
        param, value = str(src.get("param") or ""), src.get("value")
        words = [w for w in snake(param).split("_") if w]
        if src.get("source") != "default" or not words or words[-1] not in SUBJECT_WORDS:
            continue
        if value in (None, "") or mentioned(value, said) or str(value).strip().isalpha():
            # a bare word (`me`, `all`) is a setting, not a subject
            continue
        found.append(issue("default_subject", f"call {src.get('call')} '{param}' = {value!r} is a default the user "
                           "never gave, for what the call is about", src.get("call"), param))
    return found


def unasked_issues(record: Record) -> list[Issue]:
    """`unasked_step` (R1): a call the user never asked for whose answer nothing uses.

    A call serves the goal when the user named its subject, a later call takes a value from it, or
    an assistant turn reports what it returned; a call that does none of these (a listing fetched in
    parallel and dropped) is a step no person would want. A "means" call whose answer only hands a
    later call a value the user had already stated (a rates lookup whose `base_currency` repeats
    the user's `EUR`), and which the request names only by words another call's name shares ("rate
    stats" names `rates_stats`, not `currencies_get_rates`), was not wanted either: it copied the
    request back.
    """
    made = calls(record)
    if len(made) < 2:
        return []
    messages = [m for m in record.get("messages") or [] if isinstance(m, dict)]
    said = " ".join(str(m.get("content") or "") for m in messages if m.get("role") == "user").lower()
    told = " ".join(str(m.get("content") or "") for m in messages
                    if m.get("role") == "assistant" and not m.get("tool_calls"))
    fed = [s for s in sources(record) if s.get("source") == "step_output"]
    feeding = {s.get("step") for s in fed}
    copying = feeding - {s.get("step") for s in fed if not _stated(s.get("value"), said)}
    found: list[Issue] = []
    for call in made:
        words = _name_words(call)
        asked = {w for w in words if re.search(rf"\b{re.escape(w)}", said)}
        reported = any(mentioned(v, told) for v in scalars(call.output)
                       if not isinstance(v, bool) and len(str(v)) >= 3 and str(v).lower() not in said) \
            or _verdict_told(call.output, told)
        shared = {w for other in made if other.name != call.name for w in _name_words(other)}
        if call.index in copying and asked and asked <= shared and not reported:
            found.append(issue("unasked_step", f"call {call.index} ({call.name}) was asked for only by words of "
                               "another call's name, and only hands on values the user had already stated",
                               call.index))
        elif not (call.index in feeding or asked or reported or not words):
            found.append(issue("unasked_step", f"call {call.index} ({call.name}) was never asked for, and "
                               "nothing uses or reports its answer", call.index))
    return found


def _verdict_told(output: Any, told: str) -> bool:
    """Whether an assistant turn says a top-level yes/no of the answer ("it is valid" for
    `is_valid`): a check's verdict is what it found, even when its other values repeat the request."""
    if not isinstance(output, dict):
        return False
    words = set(re.findall(r"[a-z]+", told.lower()))
    return any(isinstance(v, bool) and snake(k).split("_")[-1] in words for k, v in output.items())


def _name_words(call: Call) -> set[str]:
    """The words of an endpoint name that say what it is about (`currencies_get_rates` → currency, rate)."""
    words = [part for w in snake(slug_of(call.name)).split("_") for part in unglue(w)]  # `hasevents` → has, events
    return {singular(w) for w in words if len(w) > 3 and w not in NAME_STOPWORDS}


def _stated(value: Any, said: str) -> bool:
    """Whether a value is stated as a word of a text (`IN` is not stated by "find")."""
    text = loose(value).lower()
    return bool(text) and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", said) is not None
