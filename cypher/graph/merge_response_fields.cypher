// Upsert ResponseField nodes and their (Endpoint)-[:RETURNS]->(ResponseField) edge.
// Params: $rows (list of {id, endpoint_id, props}), $build_id, $catalog (the catalog being built).
UNWIND $rows AS row
MERGE (f:ResponseField {id: row.id, catalog: $catalog})
SET f += row.props, f.build_id = $build_id
WITH f, row
MATCH (e:Endpoint {id: row.endpoint_id, catalog: $catalog})
MERGE (e)-[r:RETURNS]->(f)
SET r.build_id = $build_id
