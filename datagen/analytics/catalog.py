"""The analytics queries: `cypher/analytics/*.cypher` and the parameter defaults in their headers.

Why a header convention: the query loader requires every `$param` to be passed, but a user running
`datagen query coverage_by_tool` should not have to know them all. Each file documents its params as

    // @param limit 50 at most this many rows

(name, a default written as a JSON literal, a description). The default's JSON type is the
parameter's type, so `--param limit=10` becomes the integer 10. The same defaults are repeated as a
`// Browser: :params {…}` line that users paste into Neo4j Browser before running the file there; a
unit test keeps the two in step. The description shown by `datagen query --list` is the comment
text above the first `@param`/`Browser:` line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from datagen.db.queries import Query, list_queries, load
from datagen.errors import QueryError

FOLDER = "analytics"
ParamValue = str | int | float | bool

_PARAM_LINE = re.compile(r"^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


@dataclass(frozen=True)
class ParamSpec:
    """One documented parameter: its name, typed default and what it means."""

    name: str
    default: ParamValue
    description: str

    @property
    def type_name(self) -> str:
        return type(self.default).__name__

    def coerce(self, raw: str) -> ParamValue:
        """Turn a command-line string into this parameter's type (the type of its default)."""
        value = raw.strip()
        if isinstance(self.default, bool):
            if value.lower() in _TRUE:
                return True
            if value.lower() in _FALSE:
                return False
            raise QueryError(f"--param {self.name}={raw!r}: expected true or false")
        if isinstance(self.default, int):
            try:
                number = int(value)
            except ValueError as exc:
                raise QueryError(f"--param {self.name}={raw!r}: expected an integer") from exc
            if not -(2**63) <= number < 2**63:
                raise QueryError(f"--param {self.name}={raw!r}: out of range (Neo4j integers are 64-bit)")
            return number
        if isinstance(self.default, float):
            try:
                return float(value)
            except ValueError as exc:
                raise QueryError(f"--param {self.name}={raw!r}: expected a number") from exc
        return raw


@dataclass(frozen=True)
class AnalyticsQuery:
    """An analytics query with its description and documented parameters."""

    name: str
    query: Query
    description: str
    params: tuple[ParamSpec, ...]
    browser_params: str | None

    @property
    def summary(self) -> str:
        """The first sentence of the description (for `--list`)."""
        first = self.description.split(". ")[0].rstrip(".")
        return first + "."

    def defaults(self) -> dict[str, ParamValue]:
        return {p.name: p.default for p in self.params}

    def spec(self, name: str) -> ParamSpec:
        for param in self.params:
            if param.name == name:
                return param
        valid = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query {self.name} has no parameter {name!r} (valid: {valid})")


def _default(name: str, literal: str, source: str) -> tuple[ParamValue, str]:
    """Decode the JSON literal at the start of `literal`; the rest is the description."""
    try:
        value, end = json.JSONDecoder().raw_decode(literal)
    except json.JSONDecodeError as exc:
        raise QueryError(f"{source}: @param {name}: the default must be a JSON literal (20, 0.5, true, \"\")") from exc
    if not isinstance(value, str | int | float | bool):
        raise QueryError(f"{source}: @param {name}: the default must be a string, number or boolean")
    return value, literal[end:].strip()


def parse_header(header: tuple[str, ...], source: str) -> tuple[str, tuple[ParamSpec, ...], str | None]:
    """(description, parameters, Browser `:params` line) from a file's header lines (`Query.header`)."""
    description: list[str] = []
    params: list[ParamSpec] = []
    browser: str | None = None
    for line in header:
        match = _PARAM_LINE.match(line)
        if match:
            value, what = _default(match.group(1), match.group(2), source)
            params.append(ParamSpec(match.group(1), value, what))
        elif line.startswith("Browser:"):
            browser = line.removeprefix("Browser:").strip()
        elif not params and browser is None and line:
            description.append(line)
    return " ".join(description), tuple(params), browser


def browser_params_line(params: tuple[ParamSpec, ...]) -> str:
    """The `:params {…}` command that sets these defaults in Neo4j Browser."""
    body = ", ".join(f"{p.name}: {json.dumps(p.default)}" for p in params)
    return f":params {{{body}}}"


def from_query(query: Query) -> AnalyticsQuery:
    """Wrap a loaded query, checking that its header documents exactly the `$params` it uses."""
    name = query.name.rsplit("/", 1)[-1]
    description, params, browser = parse_header(query.header, f"cypher/{query.name}.cypher")
    documented = {p.name for p in params}
    if documented != set(query.parameters) or len(documented) != len(params):
        raise QueryError(
            f"cypher/{query.name}.cypher: header documents {sorted(documented)} but the query uses "
            f"{sorted(query.parameters)}; add one '// @param NAME DEFAULT description' line per $param"
        )
    return AnalyticsQuery(name, query, description, params, browser)


def list_analytics(folder: str = FOLDER) -> list[AnalyticsQuery]:
    """Every analytics query, sorted by name."""
    return [from_query(q) for q in list_queries(folder)]


def get_analytics(name: str, folder: str = FOLDER) -> AnalyticsQuery:
    """The analytics query called `name`; an unknown name lists the valid ones."""
    known = [q.name for q in list_analytics(folder)]
    if name not in known:
        raise QueryError(f"unknown query {name!r} (valid: {', '.join(known)})")
    return from_query(load(f"{folder}/{name}"))


def resolve_params(query: AnalyticsQuery, given: dict[str, str] | None = None,
                   typed: dict[str, Any] | None = None) -> dict[str, Any]:
    """Defaults, overridden by command-line strings (`given`, coerced) and typed values (`typed`)."""
    values: dict[str, Any] = query.defaults()
    for name, raw in (given or {}).items():
        values[name] = query.spec(name).coerce(raw)
    for name, value in (typed or {}).items():
        query.spec(name)
        values[name] = value
    return query.query.params(**values)
