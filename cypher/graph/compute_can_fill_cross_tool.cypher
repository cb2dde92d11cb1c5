// (ResponseField)-[:CAN_FILL {score, same_tool: false}]->(Parameter) across tools: the concept keys
// are equal AND the field and parameter share a link key (`registry.scope`: the same platform, the
// same category for a universal concept filling a required input, or "about" when both endpoints
// are about a subject universal). This is `may_link` as a join; the keys are computed in Python.
// A (concept, key) bucket shared by thousands of fields and parameters would make a full join
// quadratic, so the parameters of each bucket are listed once (ordered by rank key) and each field
// takes $per_field of them at evenly spaced positions starting at an offset given by its own rank
// key: linear work, deterministic, and spread over the whole list rather than its head.
// MERGE: a pair can meet through two keys (same category and "about") but is one edge.
// Params: $per_field, $build_id. Auto-commit only (IN TRANSACTIONS).
MATCH (p:Parameter)
WHERE p.linkable AND size(p.link_keys) > 0
UNWIND p.link_keys AS key
WITH p, key ORDER BY p.rk, p.id
WITH p.concept AS concept, key, collect(p) AS params
CALL (concept, key, params) {
  MATCH (f:ResponseField {concept: concept})
  WHERE f.linkable AND key IN f.link_keys
  WITH f, params, size(params) AS n
  UNWIND range(0, CASE WHEN n < $per_field THEN n ELSE $per_field END - 1) AS i
  WITH f, params[(f.rk + i * (n / $per_field + 1)) % n] AS p
  WITH DISTINCT f, p
  WHERE p.tool_id <> f.tool_id
  WITH f, p, f.confidence * CASE WHEN p.name_norm = f.name_norm THEN 1.0 ELSE 0.85 END AS score
  MERGE (f)-[c:CAN_FILL]->(p)
  ON CREATE SET c.score = score, c.same_tool = false, c.build_id = $build_id
} IN TRANSACTIONS OF 50 ROWS
