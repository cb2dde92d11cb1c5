// Upsert Category nodes from registry rows.
// Params: $rows (list of {id, name}), $build_id (content hash of this build).
UNWIND $rows AS row
MERGE (c:Category {id: row.id})
SET c.name = row.name, c.build_id = $build_id
