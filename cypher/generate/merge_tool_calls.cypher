// (:Message)-[:HAS_CALL]->(:ToolCall {idx, arguments, output})-[:CALLS]->(:Endpoint). Arguments and
// output are JSON text (Neo4j properties cannot hold maps); `caption` ("2 · book flight") is what
// Neo4j Browser draws on the node.
// The call is linked to the endpoint of the catalog in use (graph/switch_catalog).
// Params: $rows (list of {id, message_id, endpoint_id, idx, caption, arguments, output}).
OPTIONAL MATCH (state:BuildState {key: 'current'})
WITH state.catalog AS catalog
UNWIND $rows AS row
MATCH (m:Message {id: row.message_id})
MERGE (t:ToolCall {id: row.id})
SET t.idx = row.idx, t.name = row.endpoint_id, t.caption = row.caption, t.arguments = row.arguments,
    t.output = row.output
MERGE (m)-[:HAS_CALL]->(t)
WITH t, row, catalog
MATCH (e:Endpoint {id: row.endpoint_id, catalog: catalog})
MERGE (t)-[:CALLS]->(e)
