// Upsert (:Conversation) nodes and link them to their run: (:Run)-[:PRODUCED]->(:Conversation).
// Params: $rows (list of {id, run_id, props}); run_id is the (:Run) node id, null for a rewrite of
// conversations already linked (a repair).
UNWIND $rows AS row
MERGE (c:Conversation {id: row.id})
SET c += row.props
WITH c, row
MATCH (r:Run {id: row.run_id})
MERGE (r)-[:PRODUCED]->(c)
