// (ResponseField)-[:CAN_FILL {score, same_tool: false}]->(Parameter) across tools, matched on the
// concept key. A concept shared by thousands of fields and parameters would make a full join
// quadratic, so the parameters of each concept are listed once (ordered by rank key) and each field
// takes $per_field of them at evenly spaced positions starting at an offset given by its own rank
// key: linear work, deterministic, and spread over the whole list rather than its head.
// CREATE, not MERGE: it runs right after delete_derived_edges, pairs are DISTINCT, and same-tool
// pairs (the other CAN_FILL query) are excluded here.
// Params: $per_field, $build_id. Auto-commit only (IN TRANSACTIONS).
MATCH (p:Parameter)
WHERE p.linkable
WITH p ORDER BY p.rk, p.id
WITH p.concept AS concept, collect(p) AS params
CALL (concept, params) {
  MATCH (f:ResponseField {concept: concept})
  WHERE f.linkable
  WITH f, params, size(params) AS n
  UNWIND range(0, CASE WHEN n < $per_field THEN n ELSE $per_field END - 1) AS i
  WITH f, params[(f.rk + i * (n / $per_field + 1)) % n] AS p
  WITH DISTINCT f, p
  WHERE p.tool_id <> f.tool_id
  WITH f, p, f.confidence * CASE WHEN p.name_norm = f.name_norm THEN 1.0 ELSE 0.85 END AS score
  CREATE (f)-[c:CAN_FILL]->(p)
  SET c.score = score, c.same_tool = false, c.build_id = $build_id
} IN TRANSACTIONS OF 50 ROWS
