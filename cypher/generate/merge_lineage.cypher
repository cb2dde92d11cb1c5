// Lineage of grounded arguments: (:ToolCall)-[:GROUNDED_FROM {param, field}]->(:ToolCall) from the
// call that used a value to the earlier call whose output supplied it; `caption`
// ("hotel_id ← hotels[].hotel_id") is what Neo4j Browser draws on the edge.
// Params: $rows (list of {call_id, source_call_id, param, field, caption}).
UNWIND $rows AS row
MATCH (t:ToolCall {id: row.call_id}), (s:ToolCall {id: row.source_call_id})
MERGE (t)-[g:GROUNDED_FROM {param: row.param}]->(s)
SET g.field = row.field, g.caption = row.caption
