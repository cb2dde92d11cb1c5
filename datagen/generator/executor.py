"""The OfflineExecutor: seeded mock tool outputs that conform to each endpoint's response fields.

No network: an output is built from the endpoint's field paths (`hotels[].hotel_id` becomes
`{"hotels": [{"hotel_id": ...}, ...]}` with 1–3 items) and filled by `values.value_for`. One
executor serves one conversation and keeps a consistent world:

- an entity (concept + id) gets its attributes once, from a Random seeded by the entity, and keeps
  them (and its place: city, country, currency, time zone) in every later output;
- a call echoes its arguments into fields of the same name or concept; an id only repeats an
  argument of its own concept, and a listing's items get their own new ids;
- a lookup (the call names the id of the items of an array) returns that one item, and a lookup
  whose answer has no id field is still about the entity it was called with;
- the place of an answer follows a stated city, country, code, phone number or coordinates;
- numbers and verdicts agree where the names say how (`generator.agree`);
- the same call with the same arguments returns the same output.

Every leaf is written to session memory (`state.accumulated_fields`), which is what the Assistant
grounds later arguments on. A top-level array (`[].id`) is wrapped as `{"results": [...]}` so every
output is an object; paths in memory, in `ArgumentSource.field_path` and in `values_at` are paths in
the output as written.
"""

from __future__ import annotations

import json
import logging
import random
from datetime import datetime, timedelta, timezone
from typing import Any

from datagen.core.paths import TOP_ARRAY_KEY, output_path
from datagen.core.plan import ConversationState, FieldValue
from datagen.generator.agree import agree
from datagen.generator.conversions import convert
from datagen.generator.asked import answer_asked
from datagen.generator.lookups import found_first
from datagen.generator.relations import relate
from datagen.generator.one_thing import one_identity
from datagen.generator.fake import Place, place_at
from datagen.generator.moments import business_days
from datagen.generator.places import call_place
from datagen.generator.shape import Node, tree
from datagen.generator.tallies import same_tallies
from datagen.generator.summaries import summaries_agree
from datagen.generator.world import here_first, names_in, referenced_facts, remember
from datagen.generator.values import BASE_DATE, DATE_WINDOW_DAYS, UNPLACED, derive_rng, value_for
from datagen.generator.quotes import near_reference
from datagen.generator.timeline import (CALL_SECONDS, PAST_WORDS, Timeline, into_the_past, set_clock,
                                       unsettled_ahead)
from datagen.generator.ranges import active_only, grid_points, keep_filters, requested_ranges, within
from datagen.generator.links import is_link, others_link
from datagen.lexicon import ECHOED_KINDS, NEIGHBOUR_WORDS, RELATION_WORDS, ROLE_WORDS
from datagen.registry.linking import is_action
from datagen.registry.scope import Scope, concept_scope
from datagen.registry.models import Endpoint, FieldSource, ParamType, ResponseField
from datagen.registry.naming import GENERIC_CONTAINERS, concept_of, singular, snake, subject_noun

log = logging.getLogger(__name__)


HANDLE_KEYS = frozenset({"username", "user_name", "login", "user_login", "handle", "screen_name"})
"""Keys of an account's handle: a lookup by handle is about the account seen under it."""
_HANDLES = "handles|"  # a reserved key of the world: handle → entity key


_OWN_FACTS = frozenset({"address", "full_address", "street", "phone", "phone_number", "website", "email"})


class OfflineExecutor:
    """Runs calls against mock outputs, seeded by the conversation seed and the call itself.

    One executor serves one conversation and keeps its world: every entity (concept + id) that an
    output shows gets its attributes once, drawn from a Random seeded by the entity, and keeps them in
    every later output of the conversation (a hotel found by a search has the same name, city and
    price when it is looked up).
    """

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._cache: dict[str, dict[str, Any]] = {}
        self.world: dict[str, dict[str, Any]] = {}
        self.places: dict[str, Place] = {}
        self.timeline = Timeline()
        # one server clock per conversation, after every moment the mock answers report
        start = derive_rng(seed, "clock").randrange(24 * 3600)
        self.clock = datetime(BASE_DATE.year, BASE_DATE.month, BASE_DATE.day, tzinfo=timezone.utc) + timedelta(
            days=DATE_WINDOW_DAYS + 1, seconds=start)

    def execute(self, state: ConversationState, call_index: int, endpoint: Endpoint,
                arguments: dict[str, Any]) -> dict[str, Any]:
        """The output of one call; its leaves are appended to `state.accumulated_fields`."""
        key = f"{endpoint.id}|{json.dumps(arguments, sort_keys=True, ensure_ascii=False, default=str)}"
        if key not in self._cache:
            self._cache[key] = self._build(endpoint, arguments, derive_rng(self.seed, f"exec:{key}"))
        output: dict[str, Any] = json.loads(json.dumps(self._cache[key], ensure_ascii=False))
        set_clock(output, self.clock + timedelta(seconds=CALL_SECONDS * call_index))
        self.timeline.apply(output, arguments)
        business_days(output)  # a date the timeline moved is still a weekday where markets need one
        relate(output, self.clock + timedelta(seconds=CALL_SECONDS * call_index))  # a moved date may change an offset
        one_identity(output, arguments, [t["output"] for t in state.tool_outputs],  # one thing, one name
                     [c.get("parameters") or {} for c in state.tool_calls[:len(state.tool_outputs)]],
                     f"{endpoint.name} {endpoint.slug}", derive_rng(self.seed, f"identity:{key}"))
        same_tallies(output, arguments, [t["output"] for t in state.tool_outputs])  # one thing, one count
        summaries_agree(output, endpoint.id, arguments, state.tool_outputs, state.tool_calls)  # one set, one mean
        concepts = {output_path(f.path): f.concept for f in endpoint.response_fields}
        for path, value in _leaves(output, ""):
            items = [value]
            if path not in concepts and f"{path}[]" in concepts and isinstance(value, list):
                path, items = f"{path}[]", value  # an array of scalars declared as `tags[]`
            concept = concepts.get(path) or concept_of(path.rsplit(".", 1)[-1].replace("[]", ""))
            for item in items:
                if item is not None:
                    state.accumulated_fields.append(FieldValue(step=call_index, path=path, concept=concept, value=item))
        return output

    def _build(self, endpoint: Endpoint, arguments: dict[str, Any], rng: random.Random) -> dict[str, Any]:
        echo = _echo_values(endpoint, arguments)
        subject = subject_noun(endpoint.name, endpoint.slug)
        place = call_place(endpoint, arguments, self.seed, self.places)
        gen = _Gen(rng, endpoint, echo, subject, self.seed, self.world, place, self.places)
        if not endpoint.response_fields:
            noun = subject or "request"
            return {"status": "ok", f"{noun}_id": echo.get(f"{noun}_id", gen.ref(noun)),
                    "message": f"{noun.replace('_', ' ')} request completed"}
        built = gen.node(tree(endpoint.response_fields), subject, False)
        output: dict[str, Any] = built if isinstance(built, dict) else {} if built is UNPLACED else {TOP_ARRAY_KEY: built}
        agree(output, frozenset(str(v) for v in arguments.values() if isinstance(v, (str, int)) and not isinstance(v, bool)))
        for head, low, high in requested_ranges(arguments):
            within(output, head, low, high, 0)
        keep_filters(output, arguments, names_in(self.world), self.world)
        found_first(output, arguments)  # a search for a name the user stated finds that thing first
        grid_points(output, arguments)
        here_first(output, arguments, self.world)
        named = set(snake(f"{endpoint.name} {endpoint.slug}").split("_"))
        active_only(output, named)
        referenced_facts(output, self.world)
        # dates the call asked for stay where they were asked; otherwise an archive lists the past
        # and a current listing what is ahead
        if not any(isinstance(v, str) and v[:4].isdigit() and v[4:5] == "-" for v in arguments.values()):
            if named & PAST_WORDS:
                into_the_past(output, DATE_WINDOW_DAYS)
            else:
                unsettled_ahead(output, DATE_WINDOW_DAYS, self.clock)
        near_reference(output, arguments, rng, self.world)
        convert(output, arguments, self.clock)  # a converter's answer is computed from what it was sent
        answer_asked(output, arguments, f"{endpoint.name} {endpoint.slug}", place)  # a moment, a code sent
        if isinstance(output.get("status"), str) and any(snake(k) == "request_id" for k in output):
            output["status"] = "OK"  # beside the request's id, `status` is how the request went
        agree(output)  # a game whose team changed is named after its teams again
        relate(output, self.clock)  # relations any field names imply (an e-mail's domain, a zone's offset …)
        remember(output, self.world)
        if not any(v not in (None, "", [], {}) for _, v in _leaves(output, "")):
            # every declared path conflicted or came out empty: still answer with something to report
            noun = subject or "request"
            output = {**output, "status": "ok", f"{noun}_id": echo.get(f"{noun}_id", gen.ref(noun))}
        return output


def _echo_values(endpoint: Endpoint, arguments: dict[str, Any]) -> dict[str, Any]:
    """Argument values by concept and by name, for fields that should repeat them."""
    echo: dict[str, Any] = {}
    for param in endpoint.parameters:
        name = snake(param.name)
        if param.name not in arguments or param.control:
            continue
        if not name.startswith(("min_", "max_")):  # a bound repeats under its own name, never as the value
            echo.setdefault(param.concept, arguments[param.name])
        echo.setdefault(f"name:{name}", arguments[param.name])
        echo.setdefault(f"concept:{name}", param.concept)
    return echo


def _scalar_id(value: Any) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and value != ""


class _Gen:
    """Builds one output: the call's Random for what is new, the entity's Random for what an entity is."""

    def __init__(self, rng: random.Random, endpoint: Endpoint, echo: dict[str, Any], subject: str | None,
                 seed: int, world: dict[str, dict[str, Any]], place: Place | None,
                 places: dict[str, Place]) -> None:
        self.rng = rng
        self.endpoint = endpoint
        self.echo = echo
        self.subject = subject
        self.seed = seed
        self.world = world
        self.place = place
        self.places = places
        self.at_root = True
        self.echoed_items: set[str] = set()
        self.sent_names = [k.removeprefix("name:") for k in echo if k.startswith("name:")]
        words = set(snake(f"{endpoint.name} {endpoint.slug}").split("_"))
        self.lists_others = bool(words & NEIGHBOUR_WORDS)
        required = [p for p in endpoint.parameters if p.required and not p.control]
        # a call about one link (`media_url`) is about one thing: its answer lists that one
        self.top_list = True  # the first list of the answer (its results), until it is built
        self.one_thing = len(required) == 1 and snake(required[0].name).endswith(("url", "link")) and not self.lists_others

    def ref(self, noun: str) -> Any:
        spec = ResponseField(path=f"{noun}_id", name=f"{noun}_id", type=ParamType.STRING, concept=f"{noun}_id",
                             source=FieldSource.INFERRED)
        return value_for(spec, self.rng)

    def _echoed(self, spec: ResponseField) -> Any:
        """The argument this field repeats: by name (`target_currency`), else by concept; an id only
        repeats an argument of its own concept (a request's `id` is not every `id` of the answer)."""
        if is_link(spec.name) and others_link(spec.path, self.sent_names, self.subject):
            return None  # the cover's or the channel's link is not the page the call was sent
        by_name = self.echo.get(f"name:{snake(spec.name)}")
        if by_name is not None and (not spec.concept.endswith("_id") or
                                    self.echo.get(f"concept:{snake(spec.name)}") == spec.concept):
            return by_name
        found = self.echo.get(spec.concept)
        last = snake(spec.name).split("_")[-1]
        if found is None and last in ECHOED_KINDS:
            found = self.echo.get(last)  # `normalized_email` of a call about one email is that email
        return found

    def _echo_taken(self, spec: ResponseField) -> bool:
        """Whether an id argument was already echoed into an earlier item of this answer (then this
        item is another thing and gets its own id)."""
        if not (spec.concept.endswith("_id") and _scalar_id(self._echoed(spec))):
            return False
        if spec.path in self.echoed_items:
            return True
        self.echoed_items.add(spec.path)
        return False

    def _looked_up_root(self) -> str | None:
        """The entity a lookup without an id field in its answer is about: the one id it was called with."""
        ids = [(k.removeprefix("concept:"), v) for k, v in self.echo.items() if k.startswith("concept:")
               and isinstance(v, str) and v.endswith("_id")]
        values = [(concept, self.echo.get(f"name:{name}")) for name, concept in ids]
        values = [(c, v) for c, v in values if _scalar_id(v)]
        return f"{values[0][0]}|{values[0][1]}" if len(values) == 1 else None

    def _own_id(self, node: Node, context: str | None) -> str | None:
        """The key of the leaf that identifies the object: the id named after its container
        (`events[].event_id`), then a bare `id`, then an id that names no relation (`game_id` before
        `home_team_id`), and among those its own id before an id the call passed in (a review listed
        for a place carries the place's id too, but is identified by its own)."""
        specs = {k: c.spec for k, c in node.children.items() if c.kind == "leaf" and c.spec is not None}
        ids = [k for k, spec in specs.items() if spec.concept.endswith("_id") or snake(k) in ("id", "uuid")]
        if not ids:
            return None

        def rank(pos_key: tuple[int, str]) -> tuple[int, int, int, int, int]:
            pos, key = pos_key
            spec = specs[key]
            words = set(snake(key).split("_"))
            return (0 if context and spec.concept == f"{context}_id" else 1,
                    0 if snake(key) in ("id", "uuid") else 1,
                    1 if words & RELATION_WORDS else 0,
                    1 if self._echoed(spec) is not None else 0, pos)
        return min(enumerate(ids), key=rank)[1]

    def _looked_up(self, item: Node, context: str | None) -> bool:
        """Whether the call names the id of the items of this array: a lookup returns that one item."""
        if self.lists_others or item.kind != "obj":
            return False
        key = self._own_id(item, context)
        spec = item.children[key].spec if key else None
        return spec is not None and _scalar_id(self._echoed(spec))

    def node(self, node: Node, context: str | None, in_array: bool, where: Place | None = None) -> Any:
        if node.kind == "obj":
            return self._object(node, context, in_array, where)
        if node.kind == "arr" and node.item is not None:
            top, self.top_list = self.top_list, False
            if self._looked_up(node.item, context) or self.one_thing and top:
                one = self.node(node.item, context, False, where)
                return UNPLACED if one is UNPLACED else [one]
            # items of a listing are in different places unless the call or their parent fixed one
            items = [self.node(node.item, context, True, where if self.place or i == 0 else None)
                     for i in range(self.rng.randint(1, 3))]
            items = [item for item in items if item is not UNPLACED]
            return self._distinct_names(node.item, items, context) if items else UNPLACED
        return self.leaf(node.spec, context, where) if node.spec is not None else None

    def _distinct_names(self, item: Node, items: list[Any], context: str | None) -> list[Any]:
        """Items of one list never share a name: a repeated one is drawn again (and the entity keeps it)."""
        keys = [k for k, c in item.children.items() if c.kind == "leaf" and c.spec is not None
                and snake(k).split("_")[-1] in ("name", "title", "label") and self._echoed(c.spec) is None]
        for key in keys:
            seen: set[str] = set()
            for index, entry in enumerate(items):
                spec = item.children[key].spec
                if not isinstance(entry, dict) or spec is None or key not in entry:
                    continue
                for attempt in range(4):
                    if str(entry.get(key)) not in seen:
                        break
                    rng = derive_rng(self.seed, f"rename:{self.endpoint.id}:{key}:{index}:{attempt}")
                    again = value_for(spec, rng, endpoint=self.endpoint, context=context, strict=True)
                    if again is UNPLACED:
                        break  # no other name of this kind: keep the one it has
                    entry[key] = again
                seen.add(str(entry.get(key)))
                own = self._own_id(item, context)
                own_spec = item.children[own].spec if own is not None else None
                entity = f"{own_spec.concept}|{entry.get(own or '')}" if own_spec is not None else None
                if entity is not None and entity in self.world:
                    self.world[entity][key] = entry[key]
        return items

    def _object(self, node: Node, context: str | None, in_array: bool, where: Place | None) -> Any:
        own = self._own_id(node, context)
        built: dict[str, Any] = {}
        aliased = self._handle_entity() if self.at_root else None
        if aliased is not None:
            own = next((k for k, c in node.children.items() if c.kind == "leaf" and c.spec is not None
                        and c.spec.concept == aliased[0]), own)
        spec = node.children[own].spec if own is not None else None
        if own is not None:
            if in_array and spec is not None:  # an item of a listing: its own, new id, not the request's
                built[own] = value_for(spec, self.rng, endpoint=self.endpoint, context=context)
            elif aliased is not None and spec is not None and aliased[0] == spec.concept:
                # a lookup by handle (`username`) answers about the account seen under that handle
                built[own] = int(aliased[1]) if spec.type is ParamType.INTEGER and aliased[1].isdigit() else aliased[1]
            else:
                built[own] = self.node(node.children[own], context, in_array, where)
        root, self.at_root = self.at_root, False
        ident = built.get(own) if own is not None else None
        entity = None
        leaf_context = context
        if own is not None and _scalar_id(ident):
            entity = f"{spec.concept if spec else context}|{ident}"
            if spec is not None and spec.concept.endswith("_id") and snake(own) not in ("id", "_id", "uuid") \
                    and not root and context in (None, self.subject) \
                    and concept_scope(spec.concept) is not Scope.UNIVERSAL:
                # the leaves of a `player_id` object describe a player (not a catalogue id's "catalogue")
                leaf_context = spec.concept.removesuffix("_id").split("_")[-1] or context
        elif root:
            entity = self._looked_up_root()
        if entity is not None:
            # an entity is where it was first seen, else where the call or its parent put it
            where = self.places.setdefault(entity, self.place or where or place_at(
                derive_rng(self.seed, f"place:{entity}").randrange(1 << 16)))
        elif where is None:
            where = self.place or place_at(self.rng.randrange(1 << 16))  # one place per object
        saved = self.rng
        placey = any(snake(k) in ("city", "country", "zip", "zipcode", "postal_code", "address", "street")
                     for k in node.children)
        known = self.world.setdefault(entity, {}) if entity is not None else {}
        # an item with its own address or contact is a thing in its own right: the thing the call
        # asked about (its id echoed) is at most one of them, the others are its peers
        peer = bool({snake(k) for k in node.children} & _OWN_FACTS)
        for key, child in node.children.items():
            if key == own:
                continue
            # what an entity is comes from the entity's own Random; a listing under it (a sport's
            # events) is what this call found, so two endpoints over one sport list different events
            self.rng = derive_rng(self.seed, f"entity:{entity}:{key}") if entity is not None and child.kind != "arr" else saved
            noun = singular(snake(key).split("_")[-1]) if child.kind != "leaf" and key else None
            sub = noun if noun and noun not in GENERIC_CONTAINERS and noun not in ROLE_WORDS else (
                leaf_context if child.kind == "leaf" else context)
            if child.kind == "leaf" and placey and snake(key) in ("state", "region", "province"):
                sub = "address"  # beside a city or a street, a `state` is a region, not a status
            stored = known.get(key)
            if child.kind == "leaf" and stored is not None and (child.spec is None or self._echoed(child.spec) is None):
                built[key] = stored
            elif child.kind == "leaf" and child.spec is not None and in_array and peer and self._echo_taken(child.spec):
                built[key] = value_for(child.spec, self.rng, endpoint=self.endpoint, context=sub)
            else:
                built[key] = self.node(child, sub, in_array, where)
        self.rng = saved
        # fields no rule could give a meaningful value are left out (an object left empty goes too),
        # and so is "success" as the status of a thing (an order, a listing): it is how a request ends,
        # which only the answer to an action (send, book) reports beside the new thing's id
        thing = own is not None and not (root and is_action(self.endpoint.name))
        out = {key: built[key] for key in node.children if built[key] is not UNPLACED
               and not (thing and built[key] == "success" and snake(key).split("_")[-1] in ("status", "state"))}
        if not out and node.children and not root:
            return UNPLACED
        if in_array:
            self._off_the_point(node, out)
        if entity is not None:
            known.update({k: v for k, v in out.items() if node.children[k].kind == "leaf"})
            for key, value in out.items():
                if snake(key) in HANDLE_KEYS and isinstance(value, str) and value:
                    self.world.setdefault(_HANDLES, {})[value.lower()] = entity
        return out

    def _handle_entity(self) -> tuple[str, str] | None:
        """(concept, id) of the entity an argument handle was seen under, if any."""
        handles = self.world.get(_HANDLES, {})
        for key, value in self.echo.items():
            if key.startswith("name:") and key[5:] in HANDLE_KEYS and isinstance(value, str):
                entity = handles.get(value.lower())
                if isinstance(entity, str) and "|" in entity:
                    concept, ident = entity.split("|", 1)
                    return concept, ident
        return None

    def _off_the_point(self, node: Node, out: dict[str, Any]) -> None:
        """Items a search around a point finds are near it, not on it: their coordinates move off the
        echoed ones by up to about a kilometre (as text where the point was text)."""
        for key, value in out.items():
            spec = node.children[key].spec
            if spec is None or spec.concept not in ("latitude", "longitude") or self._echoed(spec) is None:
                continue
            try:
                moved = round(float(value) + self.rng.uniform(-0.01, 0.01), 4)
            except (TypeError, ValueError):
                continue
            out[key] = str(moved) if isinstance(value, str) else moved

    def leaf(self, spec: ResponseField, context: str | None, where: Place | None) -> Any:
        # the argument of the same name first: `target_currency` echoes target_currency, not currency
        hit = self._echoed(spec)
        if hit is not None:
            return hit
        if spec.type is ParamType.ARRAY:
            item = spec.model_copy(update={"type": ParamType.STRING, "name": singular(spec.name)})
            values: list[Any] = []
            for _ in range(self.rng.randint(1, 3)):  # distinct items: a list never repeats itself
                value = value_for(item, self.rng, endpoint=self.endpoint, context=context,
                                  place=where if self.place else None, strict=True)
                if value is not UNPLACED and value not in values:
                    values.append(value)
            return values or UNPLACED
        return value_for(spec, self.rng, endpoint=self.endpoint, context=context, place=where, strict=True)


def _leaves(value: Any, path: str) -> list[tuple[str, Any]]:
    """(written path, value) for every leaf; a list of scalars is one leaf."""
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for key, child in value.items():
            out.extend(_leaves(child, f"{path}.{key}" if path else key))
        return out
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        return [leaf for item in value for leaf in _leaves(item, f"{path}[]")]
    return [(path, value)]
