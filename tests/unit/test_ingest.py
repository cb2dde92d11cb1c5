"""Ingest: real files parse, every malformed input gives one line naming the file and JSON path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datagen.errors import InputError
from datagen.ingest.reader import ingest

GOOD_API = {"name": "Search", "required_parameters": [], "optional_parameters": []}

MALFORMED: list[tuple[str, Any, str, str]] = [
    ("not_object", ["just", "strings"], "$[0]", "expected a tool object"),
    ("no_api_list", {"tool_name": "t"}, "$.api_list", "Field required"),
    ("api_list_string", {"tool_name": "t", "api_list": "x"}, "$.api_list", "valid list"),
    ("no_tool_name", {"api_list": [GOOD_API]}, "$.tool_name", "no tool_name"),
    ("api_without_name", {"tool_name": "t", "api_list": [{"url": "u"}]}, "$.api_list[0].name", "Field required"),
    ("blank_api_name", {"tool_name": "t", "api_list": [{"name": "  "}]}, "$.api_list[0].name", "blank"),
    ("param_not_object", {"tool_name": "t", "api_list": [{"name": "a", "required_parameters": ["city"]}]},
     "$.api_list[0].required_parameters[0]", "valid dictionary"),
    ("param_without_name", {"tool_name": "t", "api_list": [{"name": "a", "optional_parameters": [{"type": "STRING"}]}]},
     "$.api_list[0].optional_parameters[0].name", "Field required"),
    ("schema_number", {"tool_name": "t", "api_list": [{"name": "a", "schema": 5}]}, "$.api_list[0].schema", "unexpected int"),
    ("description_number", {"tool_name": "t", "api_list": [{"name": "a", "description": 7}]},
     "$.api_list[0].description", "valid string"),
]


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / "Cat" / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "data", "where", "why"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_input_is_one_line_naming_file_and_path(tmp_path: Path, name: str, data: Any, where: str, why: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as info:
        ingest(tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {where}: ")
    assert why in message


def test_invalid_json_and_non_utf8(tmp_path: Path) -> None:
    bad = tmp_path / "Cat" / "broken.json"
    bad.parent.mkdir()
    bad.write_text('{"tool_name": "x", "api_list": [', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken.json: \$: invalid JSON at line 1"):
        ingest(tmp_path)
    bad.write_bytes(b'{"tool_name": "\xff"}')
    with pytest.raises(InputError, match=r"broken.json: \$: not UTF-8"):
        ingest(tmp_path)


def test_skip_invalid_keeps_going_and_lists_reasons(tmp_path: Path) -> None:
    _write(tmp_path, "good", {"tool_name": "Good", "api_list": [GOOD_API]})
    _write(tmp_path, "bad", {"tool_name": "Bad"})
    result = ingest(tmp_path, skip_invalid=True)
    assert [r.tool.tool_name for r in result.tools] == ["Good"]
    assert len(result.skipped) == 1
    assert result.skipped[0].file.endswith("bad.json")
    assert result.skipped[0].json_path == "$.api_list"
    assert set(result.file_hashes) == {str(tmp_path / "Cat" / "bad.json"), str(tmp_path / "Cat" / "good.json")}


def test_array_file_and_category_key(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([
        {"tool_name": "A", "category_name": "Travel", "api_list": [GOOD_API]},
        {"tool_name": "B", "api_list": [GOOD_API]},
    ]))
    result = ingest(path)
    assert [(r.tool.tool_name, r.category, r.source_index) for r in result.tools] == [
        ("A", "Travel", 0), (("B", tmp_path.name, 1))]
    path.write_text(json.dumps([{"tool_name": "A", "api_list": []}, {"api_list": []}]))
    with pytest.raises(InputError, match=r"many.json: \$\[1\]\.tool_name"):
        ingest(path)


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        ingest(tmp_path / "nope")
    with pytest.raises(InputError, match="no .json tool files"):
        ingest(tmp_path)


def test_real_toolbench_tools_all_ingest(toolbench_tools: Path) -> None:
    result = ingest(toolbench_tools)
    assert len(result.tools) == 600
    assert result.skipped == []
    categories = {r.category for r in result.tools}
    assert len(categories) == 44
    # Quirks that must survive: schema as str and dict, null param types, non-ASCII text.
    apis = [a for r in result.tools for a in r.tool.api_list]
    assert any(isinstance(a.schema_, str) for a in apis)
    assert any(isinstance(a.schema_, dict) and a.schema_ for a in apis)
    assert any(p.type is None for a in apis for p in a.required_parameters + a.optional_parameters)
    assert any(not (r.tool.tool_description or "").isascii() for r in result.tools)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20,
)
tool_like = st.fixed_dictionaries(
    {"tool_name": st.one_of(st.text(max_size=10), st.none()),
     "api_list": st.lists(st.dictionaries(st.sampled_from(["name", "schema", "required_parameters", "description", "url"]),
                                          json_values, max_size=5), max_size=3)}
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(data=st.one_of(json_values, tool_like))
def test_any_json_either_ingests_or_raises_input_error(tmp_path: Path, data: Any) -> None:
    path = tmp_path / "Cat" / "fuzz.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        ingest(tmp_path)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
