// parallel: for each conversation index, $starts candidates of two independent endpoints (no FEEDS
// edge between them in either direction) that both feed a third, the join. The two are called in
// one assistant turn; the join runs after them on their outputs. Seeded ordering: the
// predecessors of a join are ordered by a hash of ($seed, conversation index, node rank key).
// Documented endpoints (schema or example outputs) come before guessed ones.
// Unless $guessed, only documented endpoints with plain names take part: an answer invented for an API
// that never said what it returns is fiction a model should not learn from, and a name that is not
// made of words with a description of its own (`askable`) can only be asked for by reciting it; a link across categories rarely
// serves one goal (`--guessed-outputs` lets all of them in).
// Starts by range seek (cost grows with log n, not n): a point hashed from ($seed, index) and the
// $starts x 8 endpoints whose start key (`start_parallel`, graph/rank_starts.cypher) follows it,
// wrapping around at 2^40 (keys of 2^40 and up: starts only --guessed-outputs may use); of those,
// the 3 x $starts first by the seeded hash h, and of these $starts, documented first.
// Params: $seed, $indices (list of conversation indices), $starts (candidates per index), $guessed,
// $catalog (the catalog in use: FEEDS never leave a catalog, so its starts are the only filter).
UNWIND $indices AS idx
WITH idx, ($seed * 69621 + idx * 40503 + 11) % 2147483647 AS a
WITH idx, ((a * a) % 2147483647 * 16807 + a) % 2147483647 * 512 AS point
CALL (idx, point) {
  UNWIND CASE WHEN $guessed THEN [[point, 1099511627776], [0, point], [1099511627776 + point, 2199023255552],
                                  [1099511627776, 1099511627776 + point]]
              ELSE [[point, 1099511627776], [0, point]] END AS span
  CALL (span) {
    MATCH (j:Endpoint) USING INDEX j:Endpoint(start_parallel) WHERE j.start_parallel >= span[0] AND j.start_parallel < span[1] AND j.catalog = $catalog
    RETURN j ORDER BY j.start_parallel LIMIT $starts * 8
  }
  WITH j, (j.start_parallel % 1099511627776 - point + 1099511627776) % 1099511627776 AS offset
  ORDER BY offset, j.id LIMIT $starts * 8
  WITH j, (j.rk * 48271 + $seed * 69621 + idx * 40503 + 11) % 2147483647 AS a
  WITH j, ((a * a) % 2147483647 * 16807 + a + $seed) % 2147483647 AS h
  WITH j, h ORDER BY h, j.id LIMIT $starts * 3
  RETURN j, h ORDER BY j.start_parallel >= 1099511627776, h, j.id LIMIT $starts
}
CALL (idx, j) {
  MATCH (p:Endpoint)-[r:FEEDS]->(j)
  WHERE $guessed OR NOT p.inferred_fields AND p.askable AND r.scope <> 'cross_category'
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
