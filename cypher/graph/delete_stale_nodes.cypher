// Remove catalog nodes left over from an earlier build with other input (auto-commit only).
// Nodes that a conversation still calls are kept: their ids are stable, and lineage must survive.
// Params: $build_id.
MATCH (n)
WHERE (n:Category OR n:Tool OR n:Endpoint OR n:Parameter OR n:ResponseField)
  AND n.build_id <> $build_id
  AND NOT EXISTS { (n)<-[:CALLS]-(:ToolCall) }
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
