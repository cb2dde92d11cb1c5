// (ResponseField)-[:CAN_FILL {score}]->(Parameter): an output leaf that can supply an input,
// matched on the concept key. Each field keeps its $per_field best targets: same tool first, then
// score, then a fixed hash of the pair, so the edge count stays linear in the number of fields.
// Score = field confidence (schema 1.0, example 0.9, inferred 0.6) x 0.85 unless names match exactly.
// Params: $per_field, $build_id. Auto-commit only (IN TRANSACTIONS).
MATCH (f:ResponseField)
WHERE f.linkable
CALL (f) {
  MATCH (p:Parameter {concept: f.concept})
  WHERE p.linkable AND p.endpoint_id <> f.endpoint_id
  WITH f, p, p.tool_id = f.tool_id AS same_tool,
       f.confidence * CASE WHEN p.name_norm = f.name_norm THEN 1.0 ELSE 0.85 END AS score
  ORDER BY same_tool DESC, score DESC, (p.rk * 48271 + f.rk) % 2147483647, p.id
  LIMIT $per_field
  MERGE (f)-[c:CAN_FILL]->(p)
  SET c.score = score, c.build_id = $build_id
} IN TRANSACTIONS OF 2000 ROWS
