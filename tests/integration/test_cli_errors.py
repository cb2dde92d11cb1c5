"""Arguments a shell can pass, on a real graph server: each ends in one line and writes nothing.

`generate` opens the graph before it looks at --output, and the query's parameters reach the
Bolt driver, so these need the tests' Neo4j (the `cli_env` fixture), unlike their unit twins in
tests/unit/test_one_line_errors.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from neo4j import Driver

from tests.unit.cli_run import datagen, one_error_line


def _runs(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (r:Run) RETURN count(r) AS n", database_=database)
    return int(records[0]["n"])


def test_generate_into_proc_is_one_line_and_writes_no_run(clean_db: Driver, neo4j_database: str,
                                                          cli_env: dict[str, str], tmp_path: Path) -> None:
    output = "/proc/datagen-nowhere/out.jsonl"
    before = _runs(clean_db, neo4j_database)
    line = one_error_line(datagen(tmp_path, "generate", "--n", "1", "--output", output, env=cli_env, timeout=120))
    assert f"--output {output}: cannot create files in /proc" in line, line
    assert _runs(clean_db, neo4j_database) == before
    assert not os.path.lexists("/proc/datagen-nowhere")


def test_query_param_with_bytes_that_are_not_utf8_is_one_line(clean_db: Driver, cli_env: dict[str, str],
                                                              tmp_path: Path) -> None:
    result = datagen(tmp_path, "query", "conversation_lineage", "--param", b"conversation_id=a\xffb", env=cli_env,
                     timeout=120)
    line = one_error_line(result)
    assert "--param conversation_id:" in line and "not UTF-8" in line and "a\\xffb" in line, line
