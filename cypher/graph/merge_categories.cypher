// Upsert Category nodes from registry rows.
// Params: $rows (list of {id, name}), $build_id (content hash of this build), $catalog (the catalog being built).
UNWIND $rows AS row
MERGE (c:Category {id: row.id, catalog: $catalog})
SET c.name = row.name, c.build_id = $build_id
