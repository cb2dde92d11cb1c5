"""evaluator stage: judge records (offline rules or Anthropic), gate them, repair them, measure datasets.

Reads the JSONL records written by `generate` (`datagen.core.record`); writes them back with a
`judge_scores` block, an `evaluation_report.json`, and `(:JudgeScore)` nodes in Neo4j.
"""
