// fan_out: for each conversation index, $starts candidates of two endpoints of one tool that take a
// required input of the same name and do not feed each other: the user asks both about one thing
// (the hourly and the daily price of one zone, the footprint of a drive and of a flight), and the
// assistant calls them in one turn. The `parallel` mode uses these where the graph has no join
// (`sampler.py`); `registry.linking.same_subject` is the same rule in Python.
// Seeded ordering without rand(), as in the other samplers: a hash of ($seed, conversation index,
// node rank key). Starts by range seek on `start_fan_out` (graph/rank_starts.cypher): keys under
// 2^40 belong to documented, askable endpoints with a documented, askable sibling; the rest only
// --guessed-outputs may use.
// Params: $seed, $indices (list of conversation indices), $starts (candidates per index), $guessed,
// $catalog (the catalog in use: FEEDS never leave a catalog, so its starts are the only filter).
UNWIND $indices AS idx
WITH idx, ($seed * 69621 + idx * 40503 + 13) % 2147483647 AS a
WITH idx, ((a * a) % 2147483647 * 16807 + a) % 2147483647 * 512 AS point
CALL (idx, point) {
  UNWIND CASE WHEN $guessed THEN [[point, 1099511627776], [0, point], [1099511627776 + point, 2199023255552],
                                  [1099511627776, 1099511627776 + point]]
              ELSE [[point, 1099511627776], [0, point]] END AS span
  CALL (span) {
    MATCH (s:Endpoint) USING INDEX s:Endpoint(start_fan_out) WHERE s.start_fan_out >= span[0] AND s.start_fan_out < span[1] AND s.catalog = $catalog
    RETURN s ORDER BY s.start_fan_out LIMIT $starts * 8
  }
  WITH s, (s.start_fan_out % 1099511627776 - point + 1099511627776) % 1099511627776 AS offset
  ORDER BY offset, s.id LIMIT $starts * 8
  WITH s, (s.rk * 48271 + $seed * 69621 + idx * 40503 + 13) % 2147483647 AS a
  WITH s, ((a * a) % 2147483647 * 16807 + a + $seed) % 2147483647 AS h
  WITH s, h ORDER BY h, s.id LIMIT $starts * 3
  RETURN s, h ORDER BY s.start_fan_out >= 1099511627776, h, s.id LIMIT $starts
}
CALL (idx, s) {
  MATCH (s)-[:HAS_PARAM]->(p:Parameter)
  WHERE p.required AND NOT p.control
  MATCH (tool:Tool)-[:HAS_ENDPOINT]->(s)
  MATCH (tool)-[:HAS_ENDPOINT]->(t:Endpoint)-[:HAS_PARAM]->(q:Parameter)
  WHERE t <> s AND q.name = p.name AND q.required AND NOT q.control
    AND ($guessed OR NOT t.inferred_fields AND t.askable)
    AND NOT EXISTS { (s)-[:FEEDS]-(t) }
  WITH DISTINCT t, (t.rk * 48271 + $seed * 69621 + idx * 40503 + 707) % 2147483647 AS a
  RETURN t ORDER BY t.inferred_fields, ((a * a) % 2147483647 * 16807 + a) % 2147483647, t.id
  LIMIT 1
}
RETURN idx, h AS rank, [s.id, t.id] AS chain, [[], []] AS vias, [0, 0] AS groups
ORDER BY idx, rank
