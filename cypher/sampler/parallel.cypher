// parallel: for each conversation index, $starts candidates of two independent endpoints (no FEEDS
// edge between them in either direction) that both feed a third, the join. The two are called in
// one assistant turn; the join runs after them on their outputs. Seeded ordering: joins, then
// their predecessors, are ordered by a hash of ($seed, conversation index, node rank key).
// Documented endpoints (schema or example outputs) come before guessed ones.
// Params: $seed, $indices (list of conversation indices), $starts (candidates per index).
UNWIND $indices AS idx
CALL (idx) {
  MATCH (j:Endpoint)
  WHERE j.in_feeds >= 2
  WITH j, (j.rk * 48271 + $seed * 69621 + idx * 40503 + 11) % 2147483647 AS a
  WITH j, ((a * a) % 2147483647 * 16807 + a + $seed) % 2147483647 AS h
  WITH j, h ORDER BY h, j.id LIMIT $starts * 3
  RETURN j, h
  ORDER BY j.inferred_fields, h, j.id
  LIMIT $starts
}
CALL (idx, j) {
  MATCH (p:Endpoint)-[r:FEEDS]->(j)
  WITH p, r, (p.rk * 48271 + $seed * 69621 + idx * 40503 + 505) % 2147483647 AS a
  WITH p, r ORDER BY p.inferred_fields, ((a * a) % 2147483647 * 16807 + a) % 2147483647, p.id
  LIMIT 8
  WITH collect(p) AS preds, collect(r.via) AS vias
  UNWIND range(0, size(preds) - 2) AS i
  UNWIND range(i + 1, size(preds) - 1) AS k
  WITH preds[i] AS a1, preds[k] AS a2, vias[i] AS v1, vias[k] AS v2, i, k
  WHERE NOT EXISTS { (a1)-[:FEEDS]-(a2) }
  RETURN a1, a2, v1, v2
  ORDER BY i, k
  LIMIT 1
}
RETURN idx, h AS rank,
       [a1.id, a2.id, j.id] AS chain,
       [[], [], v1 + v2] AS vias,
       [0, 0, 1] AS groups
ORDER BY idx, rank
