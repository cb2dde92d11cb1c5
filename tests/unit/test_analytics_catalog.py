"""Analytics without a server: header parsing, parameter typing, value conversion, output formats."""

from __future__ import annotations

import csv
import io
import json
import math

import pytest
from click.testing import CliRunner
from neo4j.time import Date, DateTime, Duration

from datagen.analytics.catalog import (
    ParamSpec,
    browser_params_line,
    from_query,
    get_analytics,
    list_analytics,
    parse_header,
    resolve_params,
)
from datagen.analytics.run import QueryResult, cell_text, to_csv, to_json
from datagen.analytics.values import to_jsonable
from datagen.cli.main import cli
from datagen.db.queries import Query, _strip, header_lines, list_queries
from datagen.errors import QueryError

HEADER = """// Coverage by tool: calls per tool.
// More words about it.
// @param run_id "" only this run ("" = all)
// @param limit 20 at most this many rows
// @param min_share 0.5 drop smaller shares
// @param strict true be strict
// @param label "a b" a string default with a space
// Browser: :params {run_id: "", limit: 20}
MATCH (n) RETURN n
"""


def test_header_gives_description_typed_defaults_and_browser_line() -> None:
    description, params, browser = parse_header(header_lines(HEADER), "x.cypher")
    assert description == "Coverage by tool: calls per tool. More words about it."
    assert [(p.name, p.default, p.type_name) for p in params] == [
        ("run_id", "", "str"), ("limit", 20, "int"), ("min_share", 0.5, "float"), ("strict", True, "bool"),
        ("label", "a b", "str")]
    assert params[0].description == 'only this run ("" = all)'
    assert params[4].description == "a string default with a space"
    assert browser == ':params {run_id: "", limit: 20}'


@pytest.mark.parametrize("literal", ["twenty rows", "[1, 2] a list", "null nothing", "{} a map"])
def test_a_default_must_be_a_json_scalar(literal: str) -> None:
    with pytest.raises(QueryError, match="@param limit"):
        parse_header(header_lines(f"// @param limit {literal}\nRETURN $limit"), "bad.cypher")


@pytest.mark.parametrize(("default", "raw", "expected"), [
    (20, "5", 5), (20, " 7 ", 7), (0.5, "0.25", 0.25), (0.5, "3", 3.0), (True, "false", False),
    (True, "YES", True), (False, "1", True), (False, "off", False), ("", "conv_42_0001", "conv_42_0001"),
    ("", "", ""), ("", " spaced ", " spaced "),
])
def test_command_line_values_take_the_type_of_the_default(default: object, raw: str, expected: object) -> None:
    value = ParamSpec("p", default, "").coerce(raw)  # type: ignore[arg-type]
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(("default", "raw", "message"), [
    (20, "x", "expected an integer"), (20, "1.5", "expected an integer"), (0.5, "half", "expected a number"),
    (True, "maybe", "expected true or false"),
])
def test_bad_values_say_what_was_expected(default: object, raw: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        ParamSpec("p", default, "").coerce(raw)  # type: ignore[arg-type]


def test_header_must_document_exactly_the_params_used() -> None:
    text = "// @param limit 5 rows\nRETURN $limit, $other"
    query = Query("analytics/x", text, header_lines(text), frozenset({"limit", "other"}))
    with pytest.raises(QueryError, match="other"):
        from_query(query)


@pytest.mark.parametrize("folder", ["analytics", "browser"])
def test_every_shipped_query_is_documented(folder: str) -> None:
    queries = [from_query(q) for q in list_queries(folder)]
    assert queries
    for q in queries:
        assert q.description and q.summary.endswith("."), q.name
        assert q.query.text.startswith("// "), q.name
        if q.params:
            assert q.browser_params == browser_params_line(q.params), f"{q.name}: Browser line out of step"
        else:
            assert q.browser_params is None


def test_the_analytics_the_issue_asks_for_are_there() -> None:
    names = {q.name for q in list_analytics()}
    assert names >= {"coverage_by_category", "coverage_by_tool", "coverage_by_endpoint", "unused_endpoints",
                     "unused_feeds", "top_chains", "pattern_types", "conversation_lineage", "grounding_by_tool",
                     "judge_failures_by_gate", "judge_failures_by_tool", "runs_compared"}


def test_unknown_names_list_the_valid_ones() -> None:
    with pytest.raises(QueryError, match=r"unknown query 'nope' \(valid: conversation_lineage, "):
        get_analytics("nope")
    query = get_analytics("coverage_by_tool")
    with pytest.raises(QueryError, match=r"has no parameter 'lmit' \(valid: run_id, limit\)"):
        resolve_params(query, {"lmit": "3"})
    assert resolve_params(query, {"limit": "3"}) == {"run_id": "", "limit": 3}
    assert resolve_params(query, typed={"run_id": "run_x"}) == {"run_id": "run_x", "limit": 50}


def test_strip_scans_strings_and_comments_in_one_pass() -> None:
    text = "// the tool's $share\nMATCH (n {u: 'http://x/$no'}) WHERE $a = '' // it's $c\nRETURN $b"
    stripped = _strip(text)
    assert "$a" in stripped and "$b" in stripped
    assert "$share" not in stripped and "$no" not in stripped and "$c" not in stripped


def test_values_become_plain_json() -> None:
    value = {"when": DateTime(2026, 1, 2, 3, 4, 5), "day": Date(2026, 1, 2), "span": Duration(days=1),
             "bad": math.nan, "nested": [1, 2.5, None, True, ("x",)], "raw": b"\x01\xff"}
    out = to_jsonable(value)
    assert out["when"].startswith("2026-01-02T03:04:05") and out["day"] == "2026-01-02"
    assert out["bad"] is None and out["nested"] == [1, 2.5, None, True, ["x"]] and out["raw"] == "01ff"
    json.dumps(out)


def test_json_and_csv_output() -> None:
    result = QueryResult("q", {}, ["name", "share", "chain", "ok"],
                         [{"name": "a,b", "share": 0.5, "chain": ["x", "y"], "ok": True},
                          {"name": 'q"t', "share": None, "chain": [], "ok": False}])
    assert json.loads(to_json(result)) == result.rows
    rows = list(csv.reader(io.StringIO(to_csv(result))))
    assert rows == [["name", "share", "chain", "ok"], ["a,b", "0.5", '["x","y"]', "true"], ['q"t', "", "[]", "false"]]
    assert cell_text({"k": 1}) == '{"k":1}'


def test_cli_list_and_show_need_no_server() -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["query", "--list"], catch_exceptions=False)
    assert listed.exit_code == 0 and "runs_compared" in listed.output and "--param limit=50" in listed.output
    as_json = json.loads(runner.invoke(cli, ["query", "--list", "--format", "json"]).output)
    assert {q["name"] for q in as_json} == {q.name for q in list_analytics()}
    shown = runner.invoke(cli, ["query", "unused_feeds", "--show"], catch_exceptions=False)
    assert shown.output.startswith(':params {run_id: "", consecutive: true, limit: 100}')
    assert "MATCH (a:Endpoint)-[f:FEEDS]->(b:Endpoint)" in shown.output


@pytest.mark.parametrize(("args", "message"), [
    (["query", "nope"], "unknown query 'nope' (valid: "),
    (["query", "coverage_by_tool", "--param", "foo=1"], "has no parameter 'foo' (valid: run_id, limit)"),
    (["query", "coverage_by_tool", "--param", "limit"], "write it as KEY=VALUE"),
    (["query", "coverage_by_tool", "--param", "limit=ten"], "expected an integer"),
    (["query", "coverage_by_tool", "--param", "limit=9223372036854775808"], "out of range (Neo4j integers are 64-bit)"),
    (["query", "coverage_by_tool", "--param", "limit=-99999999999999999999"], "out of range"),
])
def test_cli_errors_are_one_line_and_need_no_server(args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--neo4j-uri", "bolt://127.0.0.1:1", *args])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
