// (ResponseField)-[:CAN_FILL {score, same_tool: false}]->(Parameter) across tools, for the pairs
// `graph.rows.can_fill_cross_tool_rows` joined on concept and link key (`registry.scope.may_link`).
// CREATE: every CAN_FILL edge was deleted just before (graph/delete_derived_edges) and the rows hold
// each pair once.
// Params: $rows (list of {field_id, param_id, score}), $build_id.
UNWIND $rows AS row
MATCH (f:ResponseField {id: row.field_id})
MATCH (p:Parameter {id: row.param_id})
CREATE (f)-[:CAN_FILL {score: row.score, same_tool: false, build_id: $build_id}]->(p)
