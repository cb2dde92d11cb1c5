"""Turn raw ingested tools into the `Registry`.

Deduplication: a tool whose slug was already taken is dropped when its endpoints are the same
(the same listing filed under two categories), else kept under `slug__category`. An endpoint whose
slug repeats inside a tool is dropped when identical, else suffixed `_2`, `_3`. Every such decision is
reported in `Registry.duplicates` and so in the build manifest.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from datagen.ingest.models import RawApi, RawParameter, RawToolRecord
from datagen.ingest.responses import ObservedApi, ObservedResponses
from datagen.registry.borrow import borrow_shapes
from datagen.registry.fields import response_fields
from datagen.registry.models import (Category, Duplicate, Endpoint, FieldSource, Parameter, ParamType, Registry,
                                     ResponseField, Tool)
from datagen.registry.observed import Verdict, verdict
from datagen.registry.realisability import set_realisability
from datagen.registry.naming import concept_of, is_control, rank_key, slug, subject_noun
from datagen.registry.platforms import ToolText, detect_platforms, endpoint_platform, leading_word, platform_words
from datagen.registry.types import enum_values, normalise_default, normalise_type, refine_numeric

SUMMARY_CHARS = 200


def _parameter(raw: RawParameter, required: bool, subject: str | None) -> Parameter:
    ptype = normalise_type(raw.type)
    ptype = refine_numeric(ptype, raw.default)
    default = normalise_default(raw.default, ptype)
    description = (raw.description or "").strip()
    enum = enum_values(description, default) if ptype is ParamType.ENUM else None
    return Parameter(
        name=raw.name.strip(), type=ptype, raw_type=raw.type, required=required,
        description=description[:500], default=default, enum=enum,
        concept=concept_of(raw.name, subject), control=is_control(raw.name),
    )


def _parameters(api: RawApi, subject: str | None) -> list[Parameter]:
    """Required first, then optional; a name listed twice keeps its first (required) entry."""
    seen: set[str] = set()
    params: list[Parameter] = []
    for raw, required in [(p, True) for p in api.required_parameters] + [(p, False) for p in api.optional_parameters]:
        param = _parameter(raw, required, subject)
        if param.name not in seen:
            seen.add(param.name)
            params.append(param)
    return params


def _fingerprint(api: RawApi) -> str:
    data = api.model_dump(by_alias=True, exclude={"code", "convert_code"})
    return hashlib.sha256(repr(sorted(data.items())).encode()).hexdigest()


class _Fingerprints:
    """Fingerprints of APIs and tools, computed only when a slug collision needs one.

    Dumping and hashing every API cost seconds on the full corpus, yet only the few tools and
    endpoints whose names collide are ever compared.
    """

    def __init__(self) -> None:
        self._apis: dict[int, str] = {}

    def api(self, api: RawApi) -> str:
        key = id(api)
        if key not in self._apis:
            self._apis[key] = _fingerprint(api)
        return self._apis[key]

    def tool(self, record: RawToolRecord) -> str:
        return hashlib.sha256("|".join(self.api(a) for a in record.tool.api_list).encode()).hexdigest()


INFERRED_SHAPE = "inferred from the name, description and inputs"


def _observed_by_slug(observed: ObservedResponses | None, record: RawToolRecord) -> dict[str, ObservedApi]:
    """The tool file's observed answers by API slug (the endpoint-name normalisation); the first of a name wins."""
    found: dict[str, ObservedApi] = {}
    for api in observed.for_tool_file(record.source_file) if observed is not None else []:
        found.setdefault(slug(api.name), api)
    return found


def _shape_source(fields: list[ResponseField], api: RawApi, where: str, seen: ObservedApi | None) -> str:
    """Where the fields' shape came from: a JSON path of the tool file, the observed file, or inference."""
    source = fields[0].source if fields else FieldSource.INFERRED
    if source is FieldSource.SCHEMA:
        return f"{where}.schema"
    if source is FieldSource.EXAMPLE:
        pasted = api.example_response in (None, {}, [], "")
        return f"{where}.schema" if pasted else f"{where}.example_response"
    if source is FieldSource.OBSERVED and seen is not None:
        return seen.source
    return INFERRED_SHAPE


def _count_observed(counts: Counter[str], fields: list[ResponseField], seen: ObservedApi | None) -> None:
    """What became of an endpoint's observed structure: used, beaten by its schema, or dropped and why."""
    if seen is None:
        return
    counts["matched"] += 1
    source = fields[0].source if fields else FieldSource.INFERRED
    if source is FieldSource.OBSERVED:
        counts["used"] += 1
    elif source in (FieldSource.SCHEMA, FieldSource.EXAMPLE):
        counts["schema_first"] += 1
    else:  # a structure with fields that yielded none lies deeper than the walker goes (`fields.MAX_DEPTH`)
        found = verdict(seen.structure)
        counts["dropped_too_deep" if found is Verdict.FIELDS else f"dropped_{found.value}"] += 1


def _endpoints(record: RawToolRecord, tool_id: str, fps: _Fingerprints, duplicates: list[Duplicate],
               observed: dict[str, ObservedApi], counts: Counter[str]) -> list[Endpoint]:
    endpoints: list[Endpoint] = []
    taken: dict[str, RawApi] = {}
    for index, api in enumerate(record.tool.api_list):
        ep_slug = slug(api.name)
        where = f"{record.source_file} $.api_list[{index}]"
        if ep_slug in taken:
            if fps.api(taken[ep_slug]) == fps.api(api):
                duplicates.append(Duplicate(kind="endpoint", id=f"{tool_id}::{ep_slug}", source=where,
                                            action="dropped", reason="identical to an earlier API of the tool"))
                continue
            base, n = ep_slug, 2
            while f"{base}_{n}" in taken:
                n += 1
            ep_slug = f"{base}_{n}"
            duplicates.append(Duplicate(kind="endpoint", id=f"{tool_id}::{ep_slug}", source=where,
                                        action="renamed", reason=f"API name repeats {base!r} with a different definition"))
        taken[ep_slug] = api
        subject = subject_noun(api.name, api.url or "")
        params = _parameters(api, subject)
        endpoint_id = f"{tool_id}::{ep_slug}"
        seen = observed.get(slug(api.name))
        fields = response_fields(api, params, None if seen is None else seen.structure)
        _count_observed(counts, fields, seen)
        endpoints.append(Endpoint(
            id=endpoint_id, tool_id=tool_id, slug=ep_slug, name=api.name.strip(),
            description=(api.description or "").strip()[:1000], method=(api.method or "GET").upper(),
            url=api.url or "", category=record.category, rk=rank_key(endpoint_id),
            parameters=params, response_fields=fields, shape_source=_shape_source(fields, api, where, seen),
        ))
    return endpoints


def build_registry(records: list[RawToolRecord], observed: ObservedResponses | None = None) -> Registry:
    """Normalise, assign ids and deduplicate. Input order does not matter: records are sorted first.

    `observed`: ToolBench's observed response structures, used for endpoints without a schema or
    example (matched by the tool file's category folder and stem, and the API's slug).
    """
    ordered = sorted(records, key=lambda r: (r.category, r.source_file, r.source_index or 0))
    tools: list[Tool] = []
    counts: Counter[str] = Counter()
    duplicates: list[Duplicate] = []
    fps = _Fingerprints()
    taken: dict[str, RawToolRecord] = {}
    categories: dict[str, Category] = {}
    for record in ordered:
        raw = record.tool
        name = raw.display_name() or "unnamed"
        tool_id = slug(name)
        where = record.source_file + ("" if record.source_index is None else f" $[{record.source_index}]")
        if tool_id in taken:
            if fps.tool(taken[tool_id]) == fps.tool(record):
                duplicates.append(Duplicate(kind="tool", id=tool_id, source=where, action="dropped",
                                            reason="same endpoints as an earlier tool of that name"))
                continue
            new_id = f"{tool_id}__{slug(record.category)}"
            n = 2
            while new_id in taken:
                new_id, n = f"{tool_id}__{slug(record.category)}_{n}", n + 1
            duplicates.append(Duplicate(kind="tool", id=new_id, source=where, action="renamed",
                                        reason=f"tool name {tool_id!r} already used with other endpoints"))
            tool_id = new_id
        taken[tool_id] = record
        categories.setdefault(record.category, Category(id=slug(record.category), name=record.category))
        tools.append(Tool(
            id=tool_id, name=name, title=(raw.title or "").strip(),
            description=(raw.tool_description or "").strip()[:1000], host=raw.host or "",
            category=record.category, source_file=where, rk=rank_key(tool_id),
            endpoints=_endpoints(record, tool_id, fps, duplicates, _observed_by_slug(observed, record), counts),
        ))
        lent = borrow_shapes(tools[-1].endpoints)
        if lent:
            counts["borrowed"] += lent
    _set_platforms(tools)
    if observed is not None:
        counts["read"] = sum(len(apis) for apis in observed.tools.values())
    registry = Registry(categories=sorted(categories.values(), key=lambda c: c.name), tools=tools,
                        duplicates=duplicates, observed_counts=dict(sorted(counts.items())))
    set_realisability(registry)
    return registry


def _set_platforms(tools: list[Tool]) -> None:
    """Stamp each tool and its endpoints with the public platform it wraps (`registry.platforms`),
    and each endpoint with the head of its tool's description (`Endpoint.tool_summary`).

    Detection reads the whole corpus (a platform word is one several tools name), so it runs once
    all tools are known; `Endpoint.platform` carries it to the graph, the sampler and `may_link`.
    """
    texts = [ToolText(id=t.id, name=t.name, title=t.title, host=t.host,
                      descriptions=[t.description, *(e.description for e in t.endpoints)]) for t in tools]
    words = platform_words(texts)
    platforms = detect_platforms(texts, words)
    for tool in tools:
        tool.platform = platforms[tool.id]
        on = {e.id: tool.platform or endpoint_platform(e.name, words) for e in tool.endpoints}
        several = len({p for p in on.values() if p}) >= 2
        for endpoint in tool.endpoints:
            # a tool over several platforms: each endpoint is on the one its name says, and one whose
            # name says none leads with it (`Chirper Video Download` beside `Picstagram user info`)
            endpoint.platform = on[endpoint.id] or (leading_word(endpoint.name) if several else "")
            endpoint.tool_summary = tool.description[:SUMMARY_CHARS]
