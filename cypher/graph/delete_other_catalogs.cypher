// Delete the catalog nodes (with their edges) of every catalog but $keep: after a switch the old one,
// before a build what an earlier build that failed or was killed left half-written. An endpoint a
// tool call still calls (its id is gone from the catalog in use) is kept with its own properties, as
// a retired node: no start keys, no edges to other catalog nodes, so no sampler can reach it.
// Nodes of a datagen before catalogs (no `catalog`) count as another catalog.
// Params: $keep (list of catalog keys to keep). Auto-commit only (IN TRANSACTIONS).
MATCH (n)
WHERE (n:Category OR n:Tool OR n:Endpoint OR n:Parameter OR n:ResponseField)
  AND NOT coalesce(n.catalog, '') IN $keep
CALL (n) {
  WITH n WHERE NOT EXISTS { (n)<-[:CALLS]-(:ToolCall) }
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS
