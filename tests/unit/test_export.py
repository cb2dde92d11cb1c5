"""`datagen export` without a server: the three frozen records against the seed registry.

The registry is built here from `seed_data` (ingest + build_registry), as `datagen build` would write
it, so the tests do not depend on whatever `artifacts/registry.json` holds.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datagen.cli.main import cli
from datagen.errors import InputError
from datagen.export.hf import openai_messages
from datagen.export.openai import to_openai
from datagen.export.sharegpt import alternation_problem
from datagen.export.tools import FunctionCatalog, function_name, load_registry, parameters_schema
from datagen.registry.models import Endpoint, Parameter, ParamType
from tests.unit.eval_fixtures import FLIGHT, load_records, write_jsonl
from tests.unit.export_checks import NAME, check_openai_row, check_sharegpt_row, schema_errors


@pytest.fixture()
def records_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "records.jsonl", load_records())


def _export(input_path: Path, fmt: str, output: Path, registry: Path, *extra: str) -> Any:
    return CliRunner().invoke(cli, ["export", "--input", str(input_path), "--format", fmt, "--output", str(output),
                                    "--registry", str(registry), *extra], catch_exceptions=False)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_openai_round_trip(records_file: Path, registry_file: Path, tmp_path: Path) -> None:
    result = _export(records_file, "openai", tmp_path / "out.jsonl", registry_file)
    assert result.exit_code == 0, result.output
    rows = _rows(tmp_path / "out.jsonl")
    records = load_records()
    assert len(rows) == len(records) == 3
    for index, (row, record) in enumerate(zip(rows, records)):
        check_openai_row(row)
        calls = [c for m in row["messages"] for c in m.get("tool_calls", [])]
        assert [c["id"] for c in calls] == [f"call_{index}_{j}" for j in range(len(record["tool_calls"]))]
        assert [json.loads(c["function"]["arguments"]) for c in calls] == [c["parameters"] for c in record["tool_calls"]]
        assert [t["function"]["name"] for t in row["tools"]] == list(dict.fromkeys(
            function_name(e) for e in record["metadata"]["endpoint_ids"]))
        assert [m["content"] for m in row["messages"]] == [m["content"] for m in record["messages"]]
    mapping = json.loads((tmp_path / "out.jsonl.functions.json").read_text(encoding="utf-8"))
    assert mapping["staynest_hotels__search_hotels"] == "staynest_hotels::search_hotels"
    assert "staynest_hotels::search_hotels" in rows[0]["tools"][0]["function"]["description"]


def test_openai_parallel_calls_link_to_their_own_results(registry_file: Path) -> None:
    parallel = load_records()[1]
    row = to_openai(parallel, 7, FunctionCatalog(load_registry(registry_file)))
    check_openai_row(row)
    first = next(m for m in row["messages"] if len(m.get("tool_calls", [])) == 2)
    start = row["messages"].index(first)
    results = row["messages"][start + 1:start + 3]
    assert [r["tool_call_id"] for r in results] == ["call_7_0", "call_7_1"]
    source = [m for m in parallel["messages"] if m["role"] == "tool"][:2]
    assert [r["content"] for r in results] == [m["content"] for m in source]


def test_same_endpoint_called_twice_in_parallel_answers_in_call_order(registry_file: Path) -> None:
    record = copy.deepcopy(load_records()[1])
    parallel = next(m for m in record["messages"] if len(m.get("tool_calls") or []) == 2)
    parallel["tool_calls"][1] = copy.deepcopy(parallel["tool_calls"][0])
    i = record["messages"].index(parallel)
    record["messages"][i + 2]["name"] = parallel["tool_calls"][0]["name"]
    row = to_openai(record, 0, FunctionCatalog(load_registry(registry_file)))
    check_openai_row(row)
    assert [row["messages"][i + 1]["tool_call_id"], row["messages"][i + 2]["tool_call_id"]] == ["call_0_0", "call_0_1"]


def test_export_is_deterministic(records_file: Path, registry_file: Path, tmp_path: Path) -> None:
    for fmt in ("openai", "sharegpt"):
        _export(records_file, fmt, tmp_path / "a.jsonl", registry_file)
        _export(records_file, fmt, tmp_path / "b.jsonl", registry_file)
        assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_sharegpt_round_trip(records_file: Path, registry_file: Path, tmp_path: Path) -> None:
    assert _export(records_file, "openai", tmp_path / "o.jsonl", registry_file).exit_code == 0
    result = _export(records_file, "sharegpt", tmp_path / "s.jsonl", registry_file)
    assert result.exit_code == 0, result.output
    shared, openai_rows = _rows(tmp_path / "s.jsonl"), _rows(tmp_path / "o.jsonl")
    for row, openai_row in zip(shared, openai_rows, strict=True):
        check_sharegpt_row(row, openai_row)
    clarify = [t["from"] for t in shared[0]["conversations"]]
    assert clarify[:4] == ["human", "gpt", "human", "function_call"]
    parallel = next(t for t in shared[1]["conversations"] if t["from"] == "function_call")
    assert isinstance(json.loads(parallel["value"]), list)
    answer = shared[1]["conversations"][shared[1]["conversations"].index(parallel) + 1]
    assert len(json.loads(answer["value"])) == 2


def test_alternation_problem_catches_bad_orders() -> None:
    assert alternation_problem([{"from": "human", "value": ""}, {"from": "gpt", "value": ""}]) is None
    assert alternation_problem([{"from": "gpt", "value": ""}]) is not None
    assert alternation_problem([{"from": "human", "value": ""}, {"from": "function_call", "value": ""}]) is not None


def test_hf_round_trip(records_file: Path, registry_file: Path, tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets", reason="the hf extra (`datasets`) is not installed")
    assert _export(records_file, "openai", tmp_path / "o.jsonl", registry_file).exit_code == 0
    result = _export(records_file, "hf", tmp_path / "ds", registry_file)
    assert result.exit_code == 0, result.output
    loaded = datasets.load_from_disk(str(tmp_path / "ds"))
    openai_rows, records = _rows(tmp_path / "o.jsonl"), load_records()
    assert len(loaded) == 3 and loaded[0]["conversation_id"] == "conv_42_0001"
    for row, openai_row, record in zip(loaded, openai_rows, records, strict=True):
        assert openai_messages(row) == openai_row["messages"]
        assert json.loads(row["tools"]) == [t["function"] for t in openai_row["tools"]]
        assert row["domain"] == record["metadata"]["domain"] and row["passed"] is None
        check_openai_row({"messages": openai_messages(row),
                          "tools": [{"type": "function", "function": f} for f in json.loads(row["tools"])]})
    # A second export refuses to replace the saved dataset, unless told to.
    refused = _export(records_file, "hf", tmp_path / "ds", registry_file)
    assert refused.exit_code == 1 and "already exists: pass --overwrite" in refused.output
    assert _export(records_file, "hf", tmp_path / "ds", registry_file, "--overwrite").exit_code == 0
    assert len(datasets.load_from_disk(str(tmp_path / "ds"))) == 3


def test_hf_without_datasets_says_how_to_install(records_file: Path, registry_file: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "datasets", None)
    result = CliRunner().invoke(cli, ["export", "--input", str(records_file), "--format", "hf", "--output",
                                      str(tmp_path / "ds"), "--registry", str(registry_file)])
    assert result.exit_code == 1
    assert "pip install 'datagen[hf]'" in result.output and len(result.output.strip().splitlines()) == 1


def test_missing_registry_is_one_line_with_the_fix(records_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--input", str(records_file), "--format", "openai",
                                      "--output", str(tmp_path / "o.jsonl"), "--registry", str(tmp_path / "nope.json")])
    assert result.exit_code == 1
    assert "datagen build" in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "o.jsonl").exists()


def test_endpoint_missing_from_registry_names_the_line(registry_file: Path, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "r.jsonl", load_records() + [FLIGHT])
    result = CliRunner().invoke(cli, ["export", "--input", str(path), "--format", "openai",
                                      "--output", str(tmp_path / "o.jsonl"), "--registry", str(registry_file)])
    assert result.exit_code == 1
    assert "line 4" in result.output and "flight_booking::search_flights" in result.output
    assert not (tmp_path / "o.jsonl").exists()


def test_unanswered_call_and_orphan_result_are_input_errors(registry_file: Path) -> None:
    catalog = FunctionCatalog(load_registry(registry_file))
    record = copy.deepcopy(load_records()[2])
    last_tool = max(i for i, m in enumerate(record["messages"]) if m["role"] == "tool")
    del record["messages"][last_tool]
    with pytest.raises(InputError, match="never answered"):
        to_openai(record, 0, catalog)
    record = copy.deepcopy(load_records()[2])
    record["messages"].insert(1, {"role": "tool", "name": "staynest_hotels::search_hotels", "content": "{}"})
    with pytest.raises(InputError, match="no pending call"):
        to_openai(record, 0, catalog)


def test_function_names_are_safe_stable_and_distinct() -> None:
    assert function_name("staynest_hotels::search_hotels") == "staynest_hotels__search_hotels"
    long_id = "a_very_long_tool_slug_that_goes_on_and_on::an_equally_long_endpoint_slug_for_testing"
    odd = ["tool__travel::search", "tool::travel__search", "Tool Name::GET /x", long_id]
    names = [function_name(i) for i in odd]
    assert all(NAME.match(n) for n in names) and len(set(names)) == len(odd)
    assert names == [function_name(i) for i in odd]
    assert len(function_name(long_id)) == 64


def test_parameter_types_map_to_json_schema() -> None:
    def param(name: str, ptype: ParamType, **kw: Any) -> Parameter:
        return Parameter(name=name, type=ptype, required=kw.pop("required", False), concept=name, **kw)

    endpoint = Endpoint(id="t::e", tool_id="t", slug="e", name="E", category="C", rk=1, response_fields=[], parameters=[
        param("n", ParamType.INTEGER, required=True), param("x", ParamType.NUMBER), param("b", ParamType.BOOLEAN),
        param("d", ParamType.DATE), param("t", ParamType.TIME), param("e", ParamType.ENUM, enum=["a", "b"]),
        param("l", ParamType.ARRAY), param("o", ParamType.OBJECT), param("any", ParamType.NULL),
        param("s", ParamType.STRING, description="city", default="Paris"),
    ])
    schema = parameters_schema(endpoint)
    props = schema["properties"]
    assert schema["required"] == ["n"] and schema["additionalProperties"] is False
    assert [props[k].get("type") for k in "nxbdtelo"] == ["integer", "number", "boolean", "string", "string",
                                                         "string", "array", "object"]
    assert props["d"]["format"] == "date" and props["e"]["enum"] == ["a", "b"] and "type" not in props["any"]
    assert props["s"] == {"type": "string", "description": "city", "default": "Paris"}
    assert schema_errors({"n": 3, "d": "2026-01-02", "e": "a", "any": None}, schema) == []
    assert schema_errors({"n": "3"}, schema) and schema_errors({"n": 1, "e": "z"}, schema)
    assert schema_errors({"x": 1.0}, schema) and schema_errors({"n": 1, "zz": 1}, schema)


def test_empty_input_and_output_over_input_are_refused(records_file: Path, registry_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--input", str(empty), "--format", "openai",
                                      "--output", str(tmp_path / "o.jsonl"), "--registry", str(registry_file)])
    assert result.exit_code == 1 and "no records to export" in result.output
    before = records_file.read_bytes()
    result = CliRunner().invoke(cli, ["export", "--input", str(records_file), "--format", "openai",
                                      "--output", str(records_file), "--registry", str(registry_file)])
    assert result.exit_code == 1 and "overwrite" in result.output and records_file.read_bytes() == before
