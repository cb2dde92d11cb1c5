"""Paths into a tool output as written: `hotels[].hotel_id`, `results[].id`.

Why at the bottom: the executor writes outputs along these paths, the Assistant grounds arguments
on them, `ArgumentSource.field_path` records them, and the generator's Validator and the judge read
values back through them. One reading of `a.b[].c` for all of them, so they cannot disagree.
A declared top-level array (`[].id`) is written under `TOP_ARRAY_KEY`, so every output is an object.
"""

from __future__ import annotations

from typing import Any

TOP_ARRAY_KEY = "results"


def output_path(declared: str) -> str:
    """The path in the written output of a declared field path (`[].id` → `results[].id`)."""
    return TOP_ARRAY_KEY + declared if declared.startswith("[]") else declared


def parse_path(path: str) -> list[tuple[str, int]]:
    """`a.b[].c[][]` → `[("a", 0), ("b", 1), ("c", 2)]`: each key and how many arrays it opens."""
    parts: list[tuple[str, int]] = []
    for segment in path.split("."):
        depth = 0
        while segment.endswith("[]"):
            segment, depth = segment[:-2], depth + 1
        parts.append((segment, depth))
    return parts


def values_at(output: Any, path: str) -> list[Any]:
    """Every value found at a (written) path, across array items, in order."""
    current: list[Any] = [output]
    for key, depth in parse_path(path):
        current = [node[key] for node in current if isinstance(node, dict) and key in node]
        for _ in range(depth):
            current = [item for node in current if isinstance(node, list) for item in node]
    return current
