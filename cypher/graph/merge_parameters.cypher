// Upsert Parameter nodes and their (Endpoint)-[:HAS_PARAM {required}]->(Parameter) edge.
// Params: $rows (list of {id, endpoint_id, required, props}), $build_id, $catalog (the catalog being built).
UNWIND $rows AS row
MERGE (p:Parameter {id: row.id, catalog: $catalog})
SET p += row.props, p.build_id = $build_id
WITH p, row
MATCH (e:Endpoint {id: row.endpoint_id, catalog: $catalog})
MERGE (e)-[r:HAS_PARAM]->(p)
SET r.required = row.required, r.build_id = $build_id
