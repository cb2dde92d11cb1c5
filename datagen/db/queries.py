"""Load Cypher statements from the `cypher/` folder by name.

Every query datagen runs lives in a `.cypher` file (one statement per file, except
`schema.cypher`, a list of idempotent DDL statements). Files open with `//` comment lines that say
what the query does and which `$params` it takes. `load("graph/merge_tools")` returns a `Query`
whose `params()` check fails loudly on a missing or unexpected parameter, so a typo never reaches
the server as a silent `null`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from datagen.errors import QueryError

_PARAM = re.compile(r"(?<![\w$])\$([A-Za-z_][A-Za-z0-9_]*)")
_LINE_COMMENT = re.compile(r"//[^\n]*")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def cypher_root() -> Path:
    """Where the `.cypher` files are: inside the installed package, else the repo's `cypher/`."""
    packaged = resources.files("datagen") / "cypher"
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[2] / "cypher"
    if repo.is_dir():
        return repo
    raise QueryError("cannot find the cypher/ folder next to the datagen package; reinstall datagen")


@dataclass(frozen=True)
class Query:
    """One Cypher statement with its name, header text and declared parameters."""

    name: str
    text: str
    header: tuple[str, ...]
    parameters: frozenset[str]

    @property
    def description(self) -> str:
        """The header lines joined (empty lines dropped)."""
        return " ".join(line for line in self.header if line)

    def params(self, **values: Any) -> dict[str, Any]:
        """Return `values` after checking they are exactly the parameters the query uses."""
        given = set(values)
        missing = self.parameters - given
        extra = given - self.parameters
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {sorted(missing)}")
            if extra:
                parts.append(f"unexpected {sorted(extra)}")
            raise QueryError(f"query {self.name}: {', '.join(parts)}")
        return dict(values)


_STRING_OR_COMMENT = re.compile(f"{_STRING.pattern}|{_LINE_COMMENT.pattern}")


def _strip(text: str) -> str:
    """Drop string literals and comments so `$x` inside them is not taken for a parameter.

    One left-to-right scan, so an apostrophe in a comment ("the tool's share") does not open a
    string, and `//` inside a string does not start a comment.
    """
    return _STRING_OR_COMMENT.sub(lambda m: "" if m.group(0).startswith("//") else "''", text)


def header_lines(text: str) -> tuple[str, ...]:
    """The text of a file's leading `//` comment lines, markers and surrounding spaces removed.

    The one reading of a Cypher header: the loader's description and the analytics catalogue's
    `@param` and `Browser:` lines both come from it.
    """
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break
        lines.append(stripped[2:].strip())
    return tuple(lines)


@cache
def load(name: str) -> Query:
    """Load `cypher/<name>.cypher` (name without the suffix, `/` between folders)."""
    if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)*", name):
        raise QueryError(f"bad query name {name!r}")
    path = cypher_root() / f"{name}.cypher"
    if not path.is_file():
        raise QueryError(f"unknown query {name!r} (no {path})")
    text = path.read_text(encoding="utf-8")
    body = _strip(text)
    return Query(
        name=name,
        text=text,
        header=header_lines(text),
        parameters=frozenset(_PARAM.findall(body)),
    )


def load_script(name: str) -> list[str]:
    """Load a multi-statement DDL file (like `schema`) as a list of statements split on `;`."""
    query = load(name)
    statements = [part.strip() for part in _LINE_COMMENT.sub("", query.text).split(";")]
    return [s for s in statements if s]


def list_queries(folder: str) -> list[Query]:
    """Every query under `cypher/<folder>/`, sorted by name."""
    root = cypher_root() / folder
    if not root.is_dir():
        return []
    return [load(f"{folder}/{p.stem}") for p in sorted(root.glob("*.cypher"))]
