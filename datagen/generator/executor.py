"""The OfflineExecutor: seeded mock tool outputs that conform to each endpoint's response fields.

No network: an output is built from the endpoint's field paths (`hotels[].hotel_id` becomes
`{"hotels": [{"hotel_id": ...}, ...]}` with 1–3 items) and filled by `values.value_for`. Two rules
keep a chain coherent: a call echoes its own arguments into fields of the same concept (so
`get_hotel(hotel_id=X)` returns `hotel_id: X`), and the same call with the same arguments returns
the same output within a conversation. Every leaf is written to session memory
(`state.accumulated_fields`), which is what the Assistant grounds later arguments on.

A top-level array (`[].id`) is wrapped as `{"results": [...]}` so every output is an object; paths
in memory, in `ArgumentSource.field_path` and in `values_at` are paths in the output as written.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass, field
from typing import Any

from datagen.core.paths import TOP_ARRAY_KEY, output_path, parse_path
from datagen.core.plan import ConversationState, FieldValue
from datagen.generator.values import derive_rng, value_for
from datagen.registry.models import Endpoint, FieldSource, ParamType, ResponseField
from datagen.registry.naming import GENERIC_CONTAINERS, concept_of, singular, snake, subject_noun

log = logging.getLogger(__name__)


@dataclass
class _Node:
    kind: str  # "obj" | "arr" | "leaf"
    children: dict[str, _Node] = field(default_factory=dict)
    item: _Node | None = None
    spec: ResponseField | None = None


def _tree(fields: list[ResponseField]) -> _Node:
    root = _Node("obj")
    for f in fields:
        parts = parse_path(output_path(f.path))
        if not _insert(root, parts, f):
            log.debug("field path %s conflicts with another path; left out", f.path)
    return root


def _insert(root: _Node, parts: list[tuple[str, int]], spec: ResponseField) -> bool:
    node = root
    for i, (key, depth) in enumerate(parts):
        last = i == len(parts) - 1
        want = "leaf" if last and depth == 0 else ("arr" if depth else "obj")
        child = node.children.get(key)
        if child is None:
            child = _Node(want)
            node.children[key] = child
        elif child.kind != want or (last and depth == 0):
            return False
        for level in range(depth):
            inner = "leaf" if last and level == depth - 1 else ("arr" if level < depth - 1 else "obj")
            if child.item is None:
                child.item = _Node(inner)
            elif child.item.kind != inner or inner == "leaf":
                return False
            child = child.item
        if last:
            child.spec = spec
        node = child
    return True


class OfflineExecutor:
    """Runs calls against mock outputs, seeded by the conversation seed and the call itself."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._cache: dict[str, dict[str, Any]] = {}

    def execute(self, state: ConversationState, call_index: int, endpoint: Endpoint,
                arguments: dict[str, Any]) -> dict[str, Any]:
        """The output of one call; its leaves are appended to `state.accumulated_fields`."""
        key = f"{endpoint.id}|{json.dumps(arguments, sort_keys=True, ensure_ascii=False, default=str)}"
        if key not in self._cache:
            self._cache[key] = self._build(endpoint, arguments, derive_rng(self.seed, f"exec:{key}"))
        output: dict[str, Any] = json.loads(json.dumps(self._cache[key], ensure_ascii=False))
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
        if not endpoint.response_fields:
            noun = subject or "request"
            ref = value_for(ResponseField(path=f"{noun}_id", name=f"{noun}_id", type=ParamType.STRING,
                                          concept=f"{noun}_id", source=FieldSource.INFERRED), rng)
            return {"status": "ok", f"{noun}_id": echo.get(f"{noun}_id", ref),
                    "message": f"{endpoint.name.strip() or noun} completed"}
        built = _Gen(rng, endpoint, echo, subject, self.seed).node(_tree(endpoint.response_fields), subject, False)
        output = built if isinstance(built, dict) else {TOP_ARRAY_KEY: built}
        if not any(v not in (None, "", [], {}) for _, v in _leaves(output, "")):
            # every declared path conflicted or came out empty: still answer with something to report
            noun = subject or "request"
            output = {**output, "status": "ok", f"{noun}_id": echo.get(f"{noun}_id", value_for(
                ResponseField(path=f"{noun}_id", name=f"{noun}_id", type=ParamType.STRING, concept=f"{noun}_id",
                              source=FieldSource.INFERRED), rng))}
        return output


def _echo_values(endpoint: Endpoint, arguments: dict[str, Any]) -> dict[str, Any]:
    """Argument values by concept and by name, for fields that should repeat them."""
    echo: dict[str, Any] = {}
    for param in endpoint.parameters:
        name = snake(param.name)
        if param.name not in arguments or param.control or name.startswith(("min_", "max_")):
            continue
        echo.setdefault(param.concept, arguments[param.name])
        echo.setdefault(f"name:{name}", arguments[param.name])
    return echo


class _Gen:
    def __init__(self, rng: random.Random, endpoint: Endpoint, echo: dict[str, Any], subject: str | None,
                 seed: int = 0) -> None:
        self.rng = rng
        self.endpoint = endpoint
        self.echo = echo
        self.subject = subject
        self.seed = seed

    def _echoed(self, spec: ResponseField) -> bool:
        return self.echo.get(spec.concept, self.echo.get(f"name:{snake(spec.name)}")) is not None

    def _same_entity(self, node: _Node, out: dict[str, Any], context: str | None) -> None:
        """One id, one name: the name or title of an object with its own id is drawn from that id,
        so a hotel found by a search has the same name when its details are fetched."""
        ident = next((out[k] for k, c in node.children.items() if c.kind == "leaf" and c.spec is not None
                      and isinstance(out.get(k), (str, int)) and not isinstance(out.get(k), bool)
                      and (c.spec.concept == f"{context}_id" or snake(k) == "id")), None)
        if ident is None:
            return
        for key, child in node.children.items():
            spec = child.spec
            if child.kind != "leaf" or spec is None or spec.type is not ParamType.STRING or self._echoed(spec):
                continue
            if snake(key).split("_")[-1] in ("name", "title", "label") and not spec.concept.endswith("_id"):
                rng = derive_rng(self.seed, f"entity:{context}:{ident}:{snake(key)}")
                out[key] = value_for(spec, rng, endpoint=self.endpoint, context=context)

    def node(self, node: _Node, context: str | None, in_array: bool, anchor: int = 0) -> Any:
        if node.kind == "obj":
            anchor = self.rng.randrange(1 << 16)  # one place per object: city, country, currency agree
            out: dict[str, Any] = {}
            for key, child in node.children.items():
                noun = singular(snake(key).split("_")[-1]) if child.kind != "leaf" and key else None
                sub = noun if noun and noun not in GENERIC_CONTAINERS else context
                out[key] = self.node(child, sub, in_array, anchor)
            self._same_entity(node, out, context)
            return out
        if node.kind == "arr" and node.item is not None:
            return [self.node(node.item, context, True, anchor) for _ in range(self.rng.randint(1, 3))]
        return self.leaf(node.spec, context, in_array, anchor) if node.spec is not None else None

    def leaf(self, spec: ResponseField, context: str | None, in_array: bool, anchor: int) -> Any:
        # the argument of the same name first: `target_currency` echoes target_currency, not currency
        hit = self.echo.get(f"name:{snake(spec.name)}", self.echo.get(spec.concept))
        own_id = spec.concept.endswith("_id") and (context is None or spec.concept == f"{context}_id")
        if hit is not None and not (in_array and own_id):
            return hit
        if spec.type is ParamType.ARRAY:
            item = spec.model_copy(update={"type": ParamType.STRING, "name": singular(spec.name)})
            return [value_for(item, self.rng, endpoint=self.endpoint, context=context)
                    for _ in range(self.rng.randint(1, 3))]
        return value_for(spec, self.rng, endpoint=self.endpoint, context=context, anchor=anchor)


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
