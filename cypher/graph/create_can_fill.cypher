// (ResponseField)-[:CAN_FILL {score, same_tool}]->(Parameter), for the pairs `graph.rows` joined in
// Python: inside one tool (`can_fill_same_tool_rows`, on concept) and across tools
// (`can_fill_cross_tool_rows`, on concept and link key, `registry.scope.may_link`). CREATE: the
// catalog is new (a build never writes into the catalog in use) and the rows hold each pair once.
// Params: $rows (list of {field_id, param_id, score}), $same_tool, $build_id, $catalog.
UNWIND $rows AS row
MATCH (f:ResponseField {id: row.field_id, catalog: $catalog})
MATCH (p:Parameter {id: row.param_id, catalog: $catalog})
CREATE (f)-[:CAN_FILL {score: row.score, same_tool: $same_tool, build_id: $build_id}]->(p)
