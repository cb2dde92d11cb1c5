// Upsert Endpoint nodes and their (Tool)-[:HAS_ENDPOINT]->(Endpoint) edge.
// Params: $rows (list of {id, tool_id, props}), $build_id, $catalog (the catalog being built).
UNWIND $rows AS row
MERGE (e:Endpoint {id: row.id, catalog: $catalog})
SET e += row.props, e.build_id = $build_id
WITH e, row
MATCH (t:Tool {id: row.tool_id, catalog: $catalog})
MERGE (t)-[r:HAS_ENDPOINT]->(e)
SET r.build_id = $build_id
