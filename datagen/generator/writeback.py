"""Write finished conversations back to Neo4j with their lineage.

Writes: `(:Run)-[:PRODUCED]->(:Conversation)-[:HAS_MESSAGE {idx}]->(:Message)`,
`(:Message)-[:HAS_CALL]->(:ToolCall)-[:CALLS]->(:Endpoint)` and
`(:ToolCall)-[:GROUNDED_FROM {param, field}]->(:ToolCall)` for every argument taken from an earlier
output. One write transaction per batch, idempotent by conversation id: children are deleted and
rewritten, so a rerun or a resumed run never duplicates anything.
One `(:Run)` per `generate` invocation (`start_run`); a conversation's node id is scoped by the
settings' hash, the records' `run_id`: two runs of the same settings produce the same bytes, so
they share those nodes and each Run links to the ones it produced.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from neo4j import Driver, ManagedTransaction

from datagen.db.queries import load
from datagen.db.run import read, write

Row = dict[str, Any]


def _rows(run_id: str, records: list[dict[str, Any]], run_node: str | None) -> dict[str, list[Row]]:
    conversations: list[Row] = []
    messages: list[Row] = []
    calls: list[Row] = []
    lineage: list[Row] = []
    for record in records:
        # Node ids are scoped by the settings (the records' run_id): two runs with the same seed but
        # memory on and off both have a conv_42_0001, and each must keep its own.
        cid = f"{run_id}:{record['conversation_id']}"
        meta = record["metadata"]
        conversations.append({"id": cid, "run_id": run_node, "props": {
            "conversation_id": record["conversation_id"], "seed": meta["seed"], "mode": meta["sampling_mode"], "pattern_type": meta["pattern_type"],
            "domain": meta["domain"], "num_turns": meta["num_turns"], "num_tool_calls": meta["num_tool_calls"],
            "num_distinct_tools": meta["num_distinct_tools"], "endpoint_ids": meta["endpoint_ids"],
            "tool_ids_used": meta["tool_ids_used"],
            "num_clarification_questions": meta["num_clarification_questions"],
            "memory_grounding_rate": meta["memory_grounding_rate"],
            "corpus_memory_enabled": meta["corpus_memory_enabled"],
            "conversation_seed": meta["conversation_seed"], "build_id": meta["build_id"],
            "grounded_argument_count": meta["grounded_argument_count"],
            "mock_fallback_count": meta["mock_fallback_count"],
        }})
        call_index = 0
        for idx, message in enumerate(record["messages"]):
            mid = f"{cid}:m{idx}"
            messages.append({"id": mid, "conversation_id": cid, "idx": idx, "role": message["role"],
                             "content": message.get("content") or "", "name": message.get("name")})
            for call in message.get("tool_calls") or []:
                output = record["tool_outputs"][call_index]["output"]
                calls.append({"id": f"{cid}:c{call_index}", "message_id": mid, "endpoint_id": call["name"],
                              "idx": call_index, "caption": call_caption(call_index, call["name"]),
                              "arguments": json.dumps(call["parameters"], ensure_ascii=False),
                              "output": json.dumps(output, ensure_ascii=False)})
                call_index += 1
        for source in meta["argument_sources"]:
            if source["source"] == "step_output":
                lineage.append({"call_id": f"{cid}:c{source['call']}", "source_call_id": f"{cid}:c{source['step']}",
                                "param": source["param"], "field": source.get("field_path"),
                                "caption": lineage_caption(source["param"], source.get("field_path"))})
    return {"conversations": conversations, "messages": messages, "calls": calls, "lineage": lineage}


def call_caption(index: int, endpoint_id: str) -> str:
    """What Neo4j Browser shows on a call: its step number and the endpoint's own name ("2 · book flight").

    The tool's name is on the endpoint it calls, and a long one would cut off both; spaces for
    underscores, because Browser wraps a node's caption only at spaces and cuts the rest."""
    return f"{index + 1} · {endpoint_id.split('::', 1)[-1].replace('_', ' ')}"


def lineage_caption(param: str, field: str | None) -> str:
    """What Browser shows on a GROUNDED_FROM edge: the argument and the output field it came from."""
    return f"{param} ← {field}" if field else param


def start_run(driver: Driver, database: str, settings_id: str, props: dict[str, Any], *, resume: bool) -> str:
    """The id of this invocation's (:Run): a new node, or with `resume` the latest run of the same
    settings (`settings_id`, the records' `run_id`) into the same file (`props["output_path"]`).

    A new run's settings are written once; a resumed one only records its new target `n`.
    """
    if resume:
        found = read(driver, database, load("generate/find_run"), settings_id=settings_id,
                     output_path=props["output_path"])
        if found:
            run_node = str(found[0]["id"])
            write(driver, database, load("generate/resume_run"), id=run_node, n=props["n"])
            return run_node
    run_node = f"{settings_id}-{uuid.uuid4().hex[:8]}"
    write(driver, database, load("generate/create_run"), id=run_node, props=props | {"settings_id": settings_id})
    return run_node


def write_conversations(driver: Driver, database: str, run_id: str, records: list[dict[str, Any]],
                        run_node: str | None = None) -> None:
    """Write one batch of records in a single transaction; `run_node`: the (:Run) that produced them
    (None: a rewrite of conversations already linked, e.g. after a repair)."""
    if not records:
        return
    rows = _rows(run_id, records, run_node)

    def work(tx: ManagedTransaction) -> None:
        steps = [
            ("generate/delete_conversation_children", {"ids": [r["id"] for r in rows["conversations"]]}),
            ("generate/merge_conversations", {"rows": rows["conversations"]}),
            ("generate/merge_messages", {"rows": rows["messages"]}),
            ("generate/merge_tool_calls", {"rows": rows["calls"]}),
            ("generate/merge_lineage", {"rows": rows["lineage"]}),
        ]
        for name, params in steps:
            query = load(name)
            tx.run(query.text, query.params(**params)).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)


def count_run(driver: Driver, database: str, run_node: str) -> dict[str, int]:
    """Conversations, messages, tool calls and lineage edges stored for a run (its node id)."""
    query = load("generate/count_run")
    record = read(driver, database, query, run_id=run_node)[0]
    return {k: int(v or 0) for k, v in record.data().items()}
