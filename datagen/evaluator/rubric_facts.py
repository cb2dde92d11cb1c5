"""Rubric gate over facts the outputs of one conversation state twice: `conflicting_facts` (R3).

One entity, known by one id value, cannot be at two addresses, carry two names or sit in two
categories: the API holds one row for it. Session 4's readers rejected conversations that showed one
`place_id` at two addresses in one list, a stream's game as one title in one call and another in the
next, and a pack's `category_id` as one value in one call and another in the next. Times, counts,
ranks and coordinates legitimately change between reads, so only identity attributes are compared:
texts of `IDENTITY_ATTRS` (name, title, address …) and the ids of other entities an item points at.

Which entity an attribute is about:
- an object's own id (`id`, the id named for its list or endpoint, `events[].event_id`, else its
  first one-word id) owns its bare attributes (`name`, `address`, `category_id`);
- an id `<noun>_id` owns the attributes named for it (`game_id` → `game_name`);
- an answer that carries no id of its own is about the ids the call was sent (`get_stream_game_name
  (userId)` → `{game_name}`): its attributes named for a noun (`game_name`) belong to those ids, as
  the same-named attributes of earlier answers to calls sent the same id do.

A server clock (`time_now`, `server_time`) of one tool that runs backwards or jumps more than a day
between consecutive calls is the same fault in time: one server cannot be in two moments at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from datagen.core.ordinal import ordinal
from datagen.evaluator.lineage import Call, calls, loose
from datagen.evaluator.rubric_base import Endpoints, Record, field_concept, issue, objects_in, param_concept, slug_of
from datagen.evaluator.rubric_words import CLOCK_LEADS, IDENTITY_ATTRS
from datagen.evaluator.types import Issue
from datagen.lexicon import ENVELOPE_KEYS, GENERIC_CONTAINERS
from datagen.registry.naming import concept_of, singular, snake

_ID_WORDS = frozenset({"id", "ids", "uuid", "guid"})
Entity = tuple[str, str]
Facts = dict[tuple[Entity, str], dict[str, str]]


def _words(key: str) -> list[str]:
    return [w for w in snake(key).split("_") if w]


def _is_id(key: str) -> bool:
    words = _words(key)
    return bool(words) and words[-1] in _ID_WORDS and snake(key) not in ENVELOPE_KEYS


def _attribute(key: str, value: Any) -> bool:
    """An identity attribute: a text naming or placing a thing, or the id of another entity."""
    words = _words(key)
    if not words or isinstance(value, (bool, dict, list)) or value is None or not str(value).strip():
        return False
    if _is_id(key):
        return isinstance(value, (str, int))
    return words[-1] in IDENTITY_ATTRS and isinstance(value, str) and not isinstance(ordinal(value), str)


def _own_id(call: Call, container: str, obj: dict[str, Any]) -> str | None:
    """The key of an object's own id: `id`, the id named for its list or endpoint, else its first one-word id."""
    if "id" in obj or "uuid" in obj:
        return "id" if "id" in obj else "uuid"
    one_word = [str(k) for k in obj if _is_id(str(k)) and len(_words(str(k))) == 2 and obj[k] is not None]
    nouns = [p for p in container.replace("[]", "").split(".") if p and p not in GENERIC_CONTAINERS][-1:]
    nouns += list(reversed(_words(slug_of(call.name))))
    for noun in (singular(n) for n in nouns):
        named = next((k for k in one_word if _words(k)[0] == noun), None)
        if named:
            return named
    return one_word[0] if one_word else None


def _answer_object(container: str) -> bool:
    """Whether an object is a call's whole answer (at the top, or inside a `data`/`result` envelope)."""
    return "[]" not in container and all(p in GENERIC_CONTAINERS for p in container.split(".") if p)


def _facts_of(call: Call, endpoints: Endpoints | None, facts: Facts) -> None:
    """Add what each object of a call's answer says about which entity, with where it says it."""
    sent = [(param_concept(call, str(k), endpoints), loose(v).lower()) for k, v in call.parameters.items()
            if not isinstance(v, (bool, dict, list)) and v is not None and _is_id(str(k))]
    for container, obj in objects_in(call.output):
        where = f"call {call.index} ({call.name}) '{container or 'output'}'"

        def add(entity: Entity, key: str, value: Any) -> None:
            facts.setdefault((entity, snake(key)), {}).setdefault(loose(value).strip().lower(), where)

        own = _own_id(call, container, obj)
        if own is not None and not isinstance(obj[own], (dict, list, bool)):
            entity = (field_concept(call, f"{container}.{own}" if container else own, None), loose(obj[own]).lower())
            for key, value in obj.items():
                if key != own and _attribute(str(key), value):
                    add(entity, str(key), value)
        for id_key, id_value in obj.items():
            noun = _words(str(id_key))[:-1]
            if not _is_id(str(id_key)) or not noun or isinstance(id_value, (dict, list, bool)) or id_value is None:
                continue
            for key, value in obj.items():
                words = _words(str(key))
                if key != id_key and words[:len(noun)] == noun and len(words) > len(noun) and _attribute(str(key), value):
                    add((concept_of(str(id_key)), loose(id_value).lower()), str(key), value)
        if _answer_object(container):
            for entity in sent:
                for key, value in obj.items():
                    if len(_words(str(key))) > 1 and _attribute(str(key), value) and loose(value).lower() != entity[1]:
                        add(entity, str(key), value)


def _clock(value: Any) -> datetime | None:
    """A server clock's moment: an ISO text or epoch seconds (or milliseconds)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e9:
        return datetime.fromtimestamp(value / 1000 if value > 1e12 else value, tz=timezone.utc)
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _clock_of(call: Call) -> tuple[str, datetime] | None:
    """A call's server clock field (`time_now`, `server_time`) at its answer's top, if any."""
    if not isinstance(call.output, dict):
        return None
    for key, value in call.output.items():
        words = _words(str(key))
        if "now" in words or (len(words) > 1 and words[0] in CLOCK_LEADS and words[-1] in {"time", "timestamp"}):
            moment = _clock(value)
            if moment is not None:
                return str(key), moment
    return None


def _clock_issues(made: list[Call]) -> list[Issue]:
    last: dict[str, tuple[Call, str, datetime]] = {}
    found: list[Issue] = []
    for call in made:
        clock = _clock_of(call)
        if clock is None:
            continue
        tool = call.name.split("::", 1)[0]
        before = last.get(tool)
        last[tool] = (call, *clock)
        if before is None:
            continue
        step = clock[1] - before[2]
        if step < timedelta(0) or step > timedelta(days=1):
            found.append(issue("conflicting_facts", f"call {call.index} ({call.name}) answers {clock[0]} = "
                               f"{clock[1].isoformat()}, {'before' if step < timedelta(0) else 'days after'} call "
                               f"{before[0].index}'s {before[2].isoformat()}: one server's clock", call.index))
    return found


def fact_issues(record: Record, endpoints: Endpoints | None = None) -> list[Issue]:
    """`conflicting_facts`: one entity with two values of one identity attribute, or a clock out of order."""
    made = [c for c in calls(record) if c.answered and not (isinstance(c.output, dict) and "error" in c.output)]
    facts: Facts = {}
    for call in made:
        _facts_of(call, endpoints, facts)
    found: list[Issue] = []
    for ((concept, value), key), said in facts.items():
        if len(said) > 1:
            (first, at), (second, there) = list(said.items())[:2]
            found.append(issue("conflicting_facts", f"{concept} {value!r} has {key} {first!r} in {at} "
                               f"and {second!r} in {there}"))
    return found + _clock_issues(made)
