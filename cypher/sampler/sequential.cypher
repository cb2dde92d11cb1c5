// sequential: for each conversation index, $starts candidate chains of 2-5 endpoints that follow
// FEEDS edges, mostly inside one tool. Seeded ordering without rand(): every later choice is ordered by a
// hash of ($seed, conversation index, hop, node rank key) computed here, so the same seed and graph
// give the same rows. A walk prefers edges that fill a required input, then (unless the index's
// hash allows leaving the tool) same-tool edges; it never revisits an endpoint. Target length
// 2 + (hash % 8) / 3 (two or three steps mostly, four at most: every hop past the second was where dev readings found the detours no user asked for); walks that end early come back shorter and the caller discards them.
// Documented endpoints (schema or example outputs) come before guessed ones: among the
// first 3 x $starts starts by hash (so starts stay spread over the whole graph), and as successors.
// Their answers follow the real API's shape.
// Unless $guessed, only documented endpoints with plain names take part: an answer invented for an API
// that never said what it returns is fiction a model should not learn from, and a name that is not
// made of words with a description of its own (`askable`) can only be asked for by reciting it; a link across categories rarely
// serves one goal (`--guessed-outputs` lets all of them in).
// Starts by range seek (cost grows with log n, not n): a point hashed from ($seed, index) and the
// $starts x 8 endpoints whose start key (`start_sequential`, graph/rank_starts.cypher) follows it,
// wrapping around at 2^40 (keys of 2^40 and up: starts only --guessed-outputs may use); of those,
// the 3 x $starts first by the seeded hash h, and of these $starts, documented first.
// Params: $seed, $indices (list of conversation indices), $starts (candidates per index), $guessed,
// $catalog (the catalog in use: FEEDS never leave a catalog, so its starts are the only filter).
UNWIND $indices AS idx
WITH idx, ($seed * 69621 + idx * 40503 + 7) % 2147483647 AS a
WITH idx, ((a * a) % 2147483647 * 16807 + a) % 2147483647 * 512 AS point
CALL (idx, point) {
  UNWIND CASE WHEN $guessed THEN [[point, 1099511627776], [0, point], [1099511627776 + point, 2199023255552],
                                  [1099511627776, 1099511627776 + point]]
              ELSE [[point, 1099511627776], [0, point]] END AS span
  CALL (span) {
    MATCH (s:Endpoint) USING INDEX s:Endpoint(start_sequential) WHERE s.start_sequential >= span[0] AND s.start_sequential < span[1] AND s.catalog = $catalog
    RETURN s ORDER BY s.start_sequential LIMIT $starts * 8
  }
  WITH s, (s.start_sequential % 1099511627776 - point + 1099511627776) % 1099511627776 AS offset
  ORDER BY offset, s.id LIMIT $starts * 8
  WITH s, (s.rk * 48271 + $seed * 69621 + idx * 40503 + 7) % 2147483647 AS a
  WITH s, ((a * a) % 2147483647 * 16807 + a + $seed) % 2147483647 AS h
  WITH s, h ORDER BY h, s.id LIMIT $starts * 3
  RETURN s, h ORDER BY s.start_sequential >= 1099511627776, h, s.id LIMIT $starts
}
WITH idx, s, h, (h / 4) % 4 = 0 AS may_leave_tool, 2 + (h % 8) / 3 AS target
CALL (idx, s, may_leave_tool) {
  OPTIONAL MATCH (s)-[r:FEEDS]->(n:Endpoint)
  WHERE $guessed OR NOT n.inferred_fields AND n.askable AND r.scope <> 'cross_category'
  WITH n, r, (n.rk * 48271 + $seed * 69621 + idx * 40503 + 101) % 2147483647 AS a
  RETURN n AS n1, r AS r1
  ORDER BY CASE WHEN n IS NULL THEN 2 WHEN r.required_filled > 0 THEN 0 ELSE 1 END,
           CASE WHEN n.inferred_fields THEN 1 ELSE 0 END,
           CASE WHEN r.same_tool OR may_leave_tool THEN 0 ELSE 1 END,
           ((a * a) % 2147483647 * 16807 + a) % 2147483647, n.id
  LIMIT 1
}
CALL (idx, s, n1, may_leave_tool) {
  OPTIONAL MATCH (n1)-[r:FEEDS]->(n:Endpoint)
  WHERE n <> s AND ($guessed OR NOT n.inferred_fields AND n.askable AND r.scope <> 'cross_category')
  WITH n, r, (n.rk * 48271 + $seed * 69621 + idx * 40503 + 202) % 2147483647 AS a
  RETURN n AS n2, r AS r2
  ORDER BY CASE WHEN n IS NULL THEN 2 WHEN r.required_filled > 0 THEN 0 ELSE 1 END,
           CASE WHEN n.inferred_fields THEN 1 ELSE 0 END,
           CASE WHEN r.same_tool OR may_leave_tool THEN 0 ELSE 1 END,
           ((a * a) % 2147483647 * 16807 + a) % 2147483647, n.id
  LIMIT 1
}
CALL (idx, s, n1, n2, may_leave_tool) {
  OPTIONAL MATCH (n2)-[r:FEEDS]->(n:Endpoint)
  WHERE NOT n IN [s, n1] AND ($guessed OR NOT n.inferred_fields AND n.askable AND r.scope <> 'cross_category')
  WITH n, r, (n.rk * 48271 + $seed * 69621 + idx * 40503 + 303) % 2147483647 AS a
  RETURN n AS n3, r AS r3
  ORDER BY CASE WHEN n IS NULL THEN 2 WHEN r.required_filled > 0 THEN 0 ELSE 1 END,
           CASE WHEN n.inferred_fields THEN 1 ELSE 0 END,
           CASE WHEN r.same_tool OR may_leave_tool THEN 0 ELSE 1 END,
           ((a * a) % 2147483647 * 16807 + a) % 2147483647, n.id
  LIMIT 1
}
CALL (idx, s, n1, n2, n3, may_leave_tool) {
  OPTIONAL MATCH (n3)-[r:FEEDS]->(n:Endpoint)
  WHERE NOT n IN [s, n1, n2] AND ($guessed OR NOT n.inferred_fields AND n.askable AND r.scope <> 'cross_category')
  WITH n, r, (n.rk * 48271 + $seed * 69621 + idx * 40503 + 404) % 2147483647 AS a
  RETURN n AS n4, r AS r4
  ORDER BY CASE WHEN n IS NULL THEN 2 WHEN r.required_filled > 0 THEN 0 ELSE 1 END,
           CASE WHEN n.inferred_fields THEN 1 ELSE 0 END,
           CASE WHEN r.same_tool OR may_leave_tool THEN 0 ELSE 1 END,
           ((a * a) % 2147483647 * 16807 + a) % 2147483647, n.id
  LIMIT 1
}
WITH idx, h, target,
     [x IN [s, n1, n2, n3, n4] WHERE x IS NOT NULL] AS nodes,
     [x IN [r1, r2, r3, r4] WHERE x IS NOT NULL] AS rels
WITH idx, h, nodes[0..target] AS nodes, rels[0..target - 1] AS rels
RETURN idx, h AS rank,
       [n IN nodes | n.id] AS chain,
       [[]] + [r IN rels | r.via] AS vias,
       [i IN range(0, size(nodes) - 1) | i] AS groups
ORDER BY idx, rank
