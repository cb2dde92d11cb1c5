// (ResponseField)-[:CAN_FILL {score, same_tool: true}]->(Parameter) inside one tool: an output of
// one endpoint that can supply an input of a sibling endpoint, matched on the concept key.
// Each field keeps at most $per_field targets (score first, then a fixed hash of the pair).
// Score = field confidence (schema 1.0, example 0.9, inferred 0.6) x 0.85 unless names match exactly.
// Fields and parameters are paired by one hash join on [tool_id, concept] (not by walking every
// field of the tool once per parameter, which is quadratic in big tools). CREATE, not MERGE: it
// runs right after delete_derived_edges, and each (field, parameter) pair occurs once.
// Params: $per_field, $build_id. Auto-commit only (IN TRANSACTIONS).
MATCH (f:ResponseField), (p:Parameter)
WHERE f.linkable AND p.linkable AND [f.tool_id, f.concept] = [p.tool_id, p.concept]
  AND f.endpoint_id <> p.endpoint_id
WITH f, p, f.confidence * CASE WHEN p.name_norm = f.name_norm THEN 1.0 ELSE 0.85 END AS score
ORDER BY f.id, score DESC, (p.rk * 48271 + f.rk) % 2147483647, p.id
WITH f, collect({p: p, score: score})[0..$per_field] AS picks
CALL (f, picks) {
  UNWIND picks AS pick
  WITH f, pick.p AS p, pick.score AS score
  CREATE (f)-[c:CAN_FILL]->(p)
  SET c.score = score, c.same_tool = true, c.build_id = $build_id
} IN TRANSACTIONS OF 1000 ROWS
