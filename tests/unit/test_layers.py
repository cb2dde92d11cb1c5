"""The folders are the pipeline: a subpackage imports only earlier stages and the layers below them.

Read from the source (no import side effects): every `import datagen…` / `from datagen… import`,
at module level or not. An import inside a function is refused outright; it is how cycles hide.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "datagen"
# Data-flow order; each may import the ones before it. `config`, `errors`, `lexicon` and `db` sit beside all of them.
# `reference` (the real world's countries, cities, airports, zones) is the bottom: it imports nothing of datagen.
ORDER = ["reference", "ingest", "registry", "core", "graph", "sampler", "planner", "generator", "evaluator", "realiser", "export",
         "report", "analytics", "browser", "cli", "__main__"]
BASE = {"config", "errors", "db", "lexicon"}
# The bottom layer reads the normalised schema and nothing else of a stage.
CORE_MAY_IMPORT = {"datagen.registry.models"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> list[tuple[ast.stmt, str, bool]]:
    """(node, imported module, inside a function) for every datagen import of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
              for n in ast.walk(f)}
    found: list[tuple[ast.stmt, str, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        found += [(node, n, id(node) in nested) for n in names if n.startswith("datagen.")]
    return found


def _stage(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_downward_only(path: Path) -> None:
    here = _stage(path)
    for node, module, inside in _imports(path):
        where = f"{path.relative_to(PACKAGE)}:{node.lineno} imports {module}"
        assert not inside, f"{where} inside a function"
        there = module.split(".")[1]
        if there == here or there in BASE or here == "__init__":
            continue
        if here in BASE:
            assert here == "db" and there in {"config", "errors"}, f"{where}: db depends on config and errors only"
            continue
        if here == "core":
            assert module in CORE_MAY_IMPORT, f"{where}: core may import only {sorted(CORE_MAY_IMPORT)}"
            continue
        assert ORDER.index(there) < ORDER.index(here), f"{where}: a later stage"


def test_the_stage_list_covers_every_subpackage() -> None:
    stages = {_stage(p) for p in _modules()} - {"__init__"}
    assert stages <= set(ORDER) | BASE, stages - set(ORDER) - BASE
