// After a switch: tool calls of earlier conversations that call an endpoint of another catalog are
// moved to the endpoint of the same id in the catalog in use, so lineage and analytics follow the
// catalog (an endpoint that is gone keeps its old node: see graph/delete_other_catalogs).
// Params: $catalog (the catalog in use). Auto-commit only (IN TRANSACTIONS).
MATCH (t:ToolCall)-[c:CALLS]->(old:Endpoint)
WHERE old.catalog IS NULL OR old.catalog <> $catalog
MATCH (new:Endpoint {id: old.id, catalog: $catalog})
CALL (t, c, new) {
  DELETE c
  MERGE (t)-[:CALLS]->(new)
} IN TRANSACTIONS OF 5000 ROWS
