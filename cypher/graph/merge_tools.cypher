// Upsert Tool nodes and their (Tool)-[:IN_CATEGORY]->(Category) edge.
// Params: $rows (list of {id, category_id, props}), $build_id, $catalog (the catalog being built).
UNWIND $rows AS row
MERGE (t:Tool {id: row.id, catalog: $catalog})
SET t += row.props, t.build_id = $build_id
WITH t, row
MATCH (c:Category {id: row.category_id, catalog: $catalog})
MERGE (t)-[r:IN_CATEGORY]->(c)
SET r.build_id = $build_id
