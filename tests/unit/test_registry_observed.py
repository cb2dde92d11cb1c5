"""Observed response structures (ToolBench `response_examples`): conversion, error bodies, provenance, score."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from datagen.errors import InputError
from datagen.ingest.models import RawApi, RawTool, RawToolRecord
from datagen.ingest.reader import ingest
from datagen.ingest.responses import ObservedApi, ObservedResponses, default_folder, read_observed, tool_key
from datagen.registry.build import INFERRED_SHAPE, build_registry
from datagen.registry.fields import response_fields
from datagen.registry.models import FieldSource, ParamType, Registry
from datagen.registry.observed import Verdict, to_schema, verdict
from datagen.registry.realisability import content_fields, histogram
from tests.conftest import tools_beside_observed


def _fields(structure: Any, schema: Any = "") -> dict[str, tuple[ParamType, FieldSource]]:
    api = RawApi.model_validate({"name": "get_team", "schema": schema})
    return {f.path: (f.type, f.source) for f in response_fields(api, [], structure)}


def test_type_names_become_types_and_paths_like_a_schema() -> None:
    got = _fields({"team": {"name": "str", "founded": "int", "rating": "float", "active": "bool",
                            "tags": "list of str with length 3"},
                   "players": [{"id": "int", "nick": "str"}]})
    obs = FieldSource.OBSERVED
    assert got == {
        "team.name": (ParamType.STRING, obs), "team.founded": (ParamType.INTEGER, obs),
        "team.rating": (ParamType.NUMBER, obs), "team.active": (ParamType.BOOLEAN, obs),
        "team.tags": (ParamType.ARRAY, obs), "players[].id": (ParamType.INTEGER, obs),
        "players[].nick": (ParamType.STRING, obs),
    }


def test_observed_fields_are_documented_not_inferred() -> None:
    api = RawApi.model_validate({"name": "get_team"})
    fields = response_fields(api, [], {"name": "str"})
    assert [(f.path, f.source, f.inferred) for f in fields] == [("name", FieldSource.OBSERVED, False)]


@pytest.mark.parametrize("body", [
    {"message": "str"},
    {"error": {"code": "int", "message": "str"}},
    {"status": "int", "msg": "str"},
    {"Message": "str", "StatusCode": "int"},
])
def test_error_bodies_are_dropped(body: dict[str, Any]) -> None:
    assert verdict(body) is Verdict.ERROR_BODY
    assert {source for _, source in _fields(body).values()} == {FieldSource.INFERRED}


@pytest.mark.parametrize("body", [{"results": "empty list"}, {"results": [{}]}, {"items": ["empty list"]},
                                  {"status": "str", "data": "empty list"}, {"value": "NoneType"}])
def test_empty_lists_and_unknown_types_are_no_documentation(body: dict[str, Any]) -> None:
    assert verdict(body) is Verdict.NO_FIELDS
    assert {source for _, source in _fields(body).values()} == {FieldSource.INFERRED}


def test_nonetype_and_empty_lists_are_left_out_beside_known_fields() -> None:
    got = _fields({"name": "str", "nickname": "NoneType", "awards": "empty list", "links": [{}]})
    assert got == {"name": (ParamType.STRING, FieldSource.OBSERVED)}
    assert to_schema("list of NoneType with length 2") is None


def test_schema_wins_over_observed() -> None:
    schema = {"type": "object", "properties": {"title": {"type": "string"}}}
    assert _fields({"name": "str"}, schema) == {"title": (ParamType.STRING, FieldSource.SCHEMA)}


def test_a_schema_array_whose_items_say_nothing_is_no_field() -> None:
    schema = {"type": "object", "properties": {
        "name": {"type": "string"}, "extras": {"type": "array", "items": {}},
        "parts": {"type": "array", "items": {"type": "object"}}, "tags": {"type": "array", "items": {"type": "string"}},
    }}
    assert set(_fields(None, schema)) == {"name", "tags"}


def _record(file: str, apis: list[dict[str, Any]], category: str = "Sports") -> RawToolRecord:
    return RawToolRecord(source_file=file, category=category,
                         tool=RawTool.model_validate({"tool_name": "Team Data", "api_list": apis}))


def _observed(structures: dict[str, Any], key: str = "Sports/team_data") -> ObservedResponses:
    apis = [ObservedApi(name=n, source=f"re/{key}.json $.api_list[{i}].schema", structure=s)
            for i, (n, s) in enumerate(structures.items())]
    return ObservedResponses(root="re", tools={key: apis})


def test_build_matches_by_category_stem_and_slug_and_records_provenance() -> None:
    record = _record("tools/Sports/team_data.json", [
        {"name": "Get Team", "description": "Details of a team"}, {"name": "Ping", "description": "Say hello"},
        {"name": "Roster", "schema": {"type": "object", "properties": {"player": {"type": "string"}}}},
    ])
    observed = _observed({"get team": {"name": "str", "city": "str"}, "Ping": {"message": "str"},
                          "Roster": {"name": "str"}, "Elsewhere": {"x": "str"}})
    registry = build_registry([record], observed)
    by = {e.slug: e for e in registry.endpoints()}
    assert [f.source for f in by["get_team"].response_fields] == [FieldSource.OBSERVED] * 2
    assert by["get_team"].shape_source == "re/Sports/team_data.json $.api_list[0].schema"
    assert by["ping"].shape_source == INFERRED_SHAPE
    assert by["roster"].shape_source == "tools/Sports/team_data.json $.api_list[2].schema"
    assert registry.observed_counts == {"dropped_error_body": 1, "matched": 3, "read": 4, "schema_first": 1, "used": 1}
    assert by["get_team"].realisability > by["ping"].realisability
    # the same file stem in another category is another tool
    other = build_registry([_record("tools/Music/team_data.json", record.tool.model_dump()["api_list"], "Music")],
                           observed)
    assert all(f.source is not FieldSource.OBSERVED for e in other.endpoints() for f in e.response_fields)


def _scores(registry: Registry) -> list[float]:
    return [e.realisability for e in registry.endpoints()]


def test_realisability_is_in_range_and_counted_in_buckets() -> None:
    registry = build_registry([_record("tools/Sports/team_data.json", [
        {"name": "Get Team", "schema": {"type": "object", "properties": {"name": {"type": "string"}}}},
        {"name": "getxqzteamdatav2", "description": "Details"},
    ])])
    documented, glued = _scores(registry)
    assert documented == 1.0 and 0.0 < glued < 0.5
    assert sum(histogram(registry).values()) == 2 and histogram(registry)["0.9-1.0"] == 1


def test_a_bad_response_file_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "Sports").mkdir()
    (tmp_path / "Sports" / "good.json").write_text(json.dumps({"api_list": [{"name": "a", "schema": {"x": "str"}}]}))
    bad = tmp_path / "Sports" / "bad.json"
    bad.write_text('{"api_list": [{"schema": {}}]}')
    (tmp_path / "Sports" / "empty.json").write_text("")  # as ToolBench ships a few: nothing observed
    with pytest.raises(InputError, match=r"bad\.json: \$\.api_list\[0\]\.name: API name missing"):
        read_observed(tmp_path)
    found = read_observed(tmp_path, skip_invalid=True)
    assert [s.file for s in found.skipped] == [str(bad)] and list(found.tools) == [tool_key("Sports", "good")]
    assert (found.files, found.empty_files) == (2, 1)


def test_the_folder_beside_the_tools_is_the_default(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    assert default_folder(tmp_path / "tools") is None
    (tmp_path / "response_examples").mkdir()
    assert default_folder(tmp_path / "tools") == (tmp_path / "response_examples").resolve()


_CATEGORIES = ("Sports", "Finance", "Music")


def test_real_observed_structures_document_endpoints_that_had_no_schema(toolbench_tools: Path, tmp_path: Path) -> None:
    """The 2023 structures, unpacked from the real archive, document 2024 endpoints that had none."""
    tools = tools_beside_observed(toolbench_tools, tmp_path, _CATEGORIES, linked=_CATEGORIES)
    records = ingest(tools).tools
    folder = default_folder(tools)
    assert folder is not None
    before = {e.id: e for e in build_registry(records).endpoints()}
    found = read_observed(folder)
    assert found.empty_files >= 1 and not found.skipped  # the archive holds a few empty files
    after = build_registry(records, found).endpoints()
    observed = [e for e in after if e.response_fields and e.response_fields[0].source is FieldSource.OBSERVED]
    assert len(observed) >= 100
    for e in observed:
        assert all(f.source is FieldSource.OBSERVED and not f.inferred for f in e.response_fields)
        assert all(f.inferred for f in before[e.id].response_fields), f"{e.id} had documented fields already"
        assert e.shape_source.startswith(str(folder))
        # an observed answer of bookkeeping only (a count whose list lay too deep) is hollow: score 0
        assert e.realisability > before[e.id].realisability or content_fields(e) == 0
    assert sum(1 for e in after if e.response_fields[0].source is FieldSource.SCHEMA) == \
        sum(1 for e in before.values() if e.response_fields[0].source is FieldSource.SCHEMA)


def _tool(apis: list[dict[str, Any]]) -> dict[str, Any]:
    return {e.slug: e for e in build_registry([_record("tools/Sports/team_data.json", apis)]).endpoints()}


_STATS = {"type": "object", "properties": {"points": {"type": "integer"}, "assists": {"type": "integer"}}}


def test_an_undocumented_endpoint_borrows_its_namesakes_shape_as_a_guess() -> None:
    by = _tool([
        {"name": "Player Stats", "description": "Season stats of a player", "schema": _STATS},
        {"name": "Get Player Stats", "description": "Stats of a player for a season"},
        {"name": "Team Stats", "description": "Season stats of a team"},
        {"name": "Download Player Stats", "description": "Season stats of a player as a file"},
    ])
    borrowed = by["get_player_stats"]
    assert [(f.path, f.source, f.inferred) for f in borrowed.response_fields] == [
        ("points", FieldSource.BORROWED, True), ("assists", FieldSource.BORROWED, True)]
    assert borrowed.shape_source.startswith("borrowed from team_data::player_stats (")
    assert by["player_stats"].realisability > borrowed.realisability > by["team_stats"].realisability
    # another subject, or another act on the same subject, is another answer
    assert all(f.source is FieldSource.INFERRED for f in by["team_stats"].response_fields)
    assert all(f.source is FieldSource.INFERRED for f in by["download_player_stats"].response_fields)


def test_an_envelope_only_shape_is_not_lent() -> None:
    envelope = {"type": "object", "properties": {"status": {"type": "string"}, "message": {"type": "string"}}}
    by = _tool([{"name": "Player Stats", "schema": envelope}, {"name": "Get Player Stats"}])
    assert all(f.source is FieldSource.INFERRED for f in by["get_player_stats"].response_fields)


def test_an_example_empty_list_or_object_is_no_field() -> None:
    api = RawApi.model_validate({"name": "get_team", "example_response": {"name": "Ajax", "tags": [], "meta": {},
                                                                          "players": [{}]}})
    assert [(f.path, f.source) for f in response_fields(api, [])] == [("name", FieldSource.EXAMPLE)]


def test_an_answer_of_bookkeeping_only_is_hollow_and_scores_zero() -> None:
    from datagen.registry.models import Endpoint, Parameter, ParamType, ResponseField
    from datagen.registry.realisability import content_fields, score

    def ep(fields: list[str], params: list[str] = []) -> Endpoint:
        return Endpoint(id="t::e", tool_id="t", slug="e", name="get_players", category="C", rk=1,
                        parameters=[Parameter(name=p, type=ParamType.STRING, required=True, concept=p) for p in params],
                        response_fields=[ResponseField(path=f, name=f.rsplit(".", 1)[-1].replace("[]", ""),
                                                       type=ParamType.STRING, concept=f.rsplit(".", 1)[-1].replace("[]", "").lower(),
                                                       source=FieldSource.SCHEMA) for f in fields])
    hollow = ep(["errors[]", "results", "paging.total"])
    echo = ep(["length", "timestamp"], ["length"])
    listed = ep(["total", "mediaItems[].uri"], ["uri"])
    assert content_fields(hollow) == content_fields(echo) == 0
    assert score(hollow, True) == score(echo, True) == 0.0
    assert content_fields(listed) == 1 and score(listed, True) > 0
