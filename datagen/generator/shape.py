"""The shape of an answer: an endpoint's documented field paths as a tree of objects, arrays and
leaves (`hotels[].hotel_id` → an object with an array of objects with one leaf), which the executor
fills. A path that conflicts with another (a leaf where an object is) is left out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from datagen.core.paths import output_path, parse_path
from datagen.registry.models import ResponseField

log = logging.getLogger(__name__)


@dataclass
class Node:
    """One place of an answer's shape."""

    kind: str  # "obj" | "arr" | "leaf"
    children: dict[str, Node] = field(default_factory=dict)
    item: Node | None = None
    spec: ResponseField | None = None


def tree(fields: list[ResponseField]) -> Node:
    """The shape of an answer with these fields."""
    root = Node("obj")
    for f in fields:
        parts = parse_path(output_path(f.path))
        if not _insert(root, parts, f):
            log.debug("field path %s conflicts with another path; left out", f.path)
    return root


def _insert(root: Node, parts: list[tuple[str, int]], spec: ResponseField) -> bool:
    node = root
    for i, (key, depth) in enumerate(parts):
        last = i == len(parts) - 1
        want = "leaf" if last and depth == 0 else ("arr" if depth else "obj")
        child = node.children.get(key)
        if child is None:
            child = Node(want)
            node.children[key] = child
        elif child.kind != want or (last and depth == 0):
            return False
        for level in range(depth):
            inner = "leaf" if last and level == depth - 1 else ("arr" if level < depth - 1 else "obj")
            if child.item is None:
                child.item = Node(inner)
            elif child.item.kind != inner or inner == "leaf":
                return False
            child = child.item
        if last:
            child.spec = spec
        node = child
    return True
