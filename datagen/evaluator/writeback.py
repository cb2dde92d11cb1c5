"""Write judge scores back to Neo4j: `(:Conversation)-[:SCORED]->(:JudgeScore {…})`, one per judging.

A conversation's node id is `<run_id>:<conversation_id>` (see `datagen.generator.writeback`). Records
whose node does not exist (generated with --no-write-back, or from another database) are skipped and
counted. Repaired records are also rewritten in the graph, so the graph holds what the file holds.
Scores carry their judging time (`scored_at`); that time lives only in Neo4j, never in the JSONL.
A record the judge could not score (a judge error: null scores) gets no JudgeScore node: a node is a
judgement, and a null one would sit beside real ones as if it were a score. Those are counted as
`judge_errors_skipped`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from neo4j import Driver, ManagedTransaction

from datagen.core.record import RecordDict as Record
from datagen.db.queries import load
from datagen.db.run import read
from datagen.generator.writeback import write_conversations


def node_id(record: Record) -> str:
    """The `(:Conversation)` id of a record."""
    return f"{(record.get('metadata') or {}).get('run_id')}:{record.get('conversation_id')}"


def existing(driver: Driver, database: str, ids: list[str]) -> set[str]:
    """The subset of these conversation node ids present in the graph."""
    query = load("evaluate/existing_conversations")
    records = read(driver, database, query, ids=ids)
    return {str(i) for i in records[0]["ids"]} if records else set()


def has_scores(record: Record) -> bool:
    """Whether the judge scored this record (no judge error, every score present)."""
    scores = record.get("judge_scores") or {}
    return not scores.get("error") and all(scores.get(k) is not None for k in _SCORE_FIELDS)


_SCORE_FIELDS = ("tool_correctness", "task_completion", "naturalness", "mean_score")


def score_rows(records: list[Record], scored_at: datetime) -> list[dict[str, Any]]:
    """One row per judged record: the JudgeScore id and its properties (records without scores give none)."""
    stamp = scored_at.strftime("%Y%m%dT%H%M%S%fZ")
    rows = []
    for n, record in enumerate(records):
        if not has_scores(record):
            continue
        scores = record.get("judge_scores") or {}
        cid = node_id(record)
        rows.append({"conversation_id": cid, "id": f"{cid}:score:{stamp}:{n}", "props": {
            "tool_correctness": scores.get("tool_correctness"), "task_completion": scores.get("task_completion"),
            "naturalness": scores.get("naturalness"), "mean_score": scores.get("mean_score"),
            "passed": bool(scores.get("passed")), "failed_gates": list(scores.get("failed_gates") or []),
            "judge_model": scores.get("judge_model"), "reasoning": scores.get("reasoning"),
            "error": scores.get("error"), "scored_at": scored_at,
            "repair_attempts": len((record.get("metadata") or {}).get("repair_attempts") or []),
        }})
    return rows


def write_scores(driver: Driver, database: str, records: list[Record],
                 repaired: list[Record] | None = None) -> dict[str, int]:
    """Write the scores of the records whose conversation exists; returns written/skipped counts."""
    present = existing(driver, database, [node_id(r) for r in records])
    kept = [r for r in records if node_id(r) in present]
    rows = score_rows(kept, datetime.now(timezone.utc))
    written = 0

    def work(tx: ManagedTransaction) -> int:
        query = load("evaluate/merge_judge_scores")
        total = 0
        for start in range(0, len(rows), 500):
            record = tx.run(query.text, query.params(rows=rows[start:start + 500])).single()
            total += int(record["written"]) if record else 0
        return total

    if rows:
        with driver.session(database=database) as session:
            written = session.execute_write(work)
    rewritten = [r for r in repaired or [] if node_id(r) in present]
    if rewritten:
        by_run: dict[str, list[Record]] = {}
        for r in rewritten:
            by_run.setdefault(str(r["metadata"]["run_id"]), []).append(r)
        for run_id, batch in by_run.items():
            write_conversations(driver, database, run_id, batch)
    return {"scores_written": written, "conversations_missing": len(records) - len(kept),
            "conversations_rewritten": len(rewritten),
            "judge_errors_skipped": sum(1 for r in kept if not has_scores(r))}


def conversation_scores(driver: Driver, database: str, conversation_node_id: str) -> list[dict[str, Any]]:
    """Every JudgeScore of one conversation, oldest first (for tests and inspection)."""
    query = load("evaluate/conversation_scores")
    records = read(driver, database, query, id=conversation_node_id)
    return [dict(r["score"]) for r in records]
