// (ResponseField)-[:CAN_FILL {score, same_tool: true}]->(Parameter) inside one tool: an output of
// one endpoint that can supply an input of a sibling endpoint, matched on the concept key.
// Each field keeps at most $per_field targets (score first, then a fixed hash of the pair).
// Score = field confidence (schema 1.0, example 0.9, inferred 0.6) x 0.85 unless names match exactly.
// Params: $per_field, $build_id. Auto-commit only (IN TRANSACTIONS).
MATCH (t:Tool)
CALL (t) {
  MATCH (t)-[:HAS_ENDPOINT]->(a:Endpoint)-[:RETURNS]->(f:ResponseField),
        (t)-[:HAS_ENDPOINT]->(b:Endpoint)-[:HAS_PARAM]->(p:Parameter)
  WHERE a <> b AND f.linkable AND p.linkable AND p.concept = f.concept
  WITH f, p, f.confidence * CASE WHEN p.name_norm = f.name_norm THEN 1.0 ELSE 0.85 END AS score
  ORDER BY f.id, score DESC, (p.rk * 48271 + f.rk) % 2147483647, p.id
  WITH f, collect({p: p, score: score})[0..$per_field] AS picks
  UNWIND picks AS pick
  WITH f, pick.p AS p, pick.score AS score
  MERGE (f)-[c:CAN_FILL]->(p)
  SET c.score = score, c.same_tool = true, c.build_id = $build_id
} IN TRANSACTIONS OF 200 ROWS
