// The sampler graph: (a:Endpoint)-[:FEEDS {via, score, same_tool, required_filled}]->(b:Endpoint)
// when an output of a can fill an input of b. `via` lists "field_path->param" pairs (best field per
// param); score weighs required params 1.0 and optional 0.5 over b's required count. Each endpoint
// keeps its $per_endpoint best successors so the projection stays linear on big corpora. `scope`
// says how a and b are related: same_tool, same_platform, same_category (universal values across
// tools of one category) or cross_category (subject universals between endpoints about them).
// CREATE, not MERGE: the catalog is new (a build never writes into the catalog in use), and each
// (a, b) pair is one row.
// Params: $per_endpoint, $build_id, $catalog (the catalog being built). Auto-commit only (IN TRANSACTIONS).
MATCH (a:Endpoint {catalog: $catalog})
CALL (a) {
  MATCH (a)-[:RETURNS]->(f:ResponseField)-[c:CAN_FILL]->(p:Parameter)<-[h:HAS_PARAM]-(b:Endpoint)
  WHERE b <> a
  WITH b, p, h.required AS required, f, c
  ORDER BY c.score DESC, f.path
  WITH b, p, required, collect({field: f.path, score: c.score})[0] AS best
  ORDER BY p.name
  WITH b,
       collect(best.field + '->' + p.name) AS via,
       sum(best.score * CASE WHEN required THEN 1.0 ELSE 0.5 END) AS raw,
       sum(CASE WHEN required THEN 1 ELSE 0 END) AS required_filled
  WITH b, via, required_filled,
       round(raw / CASE WHEN b.required_count > 0 THEN toFloat(b.required_count) ELSE 1.0 END, 4) AS score
  ORDER BY score DESC, (b.rk * 48271 + a.rk) % 2147483647, b.id
  LIMIT $per_endpoint
  CREATE (a)-[r:FEEDS]->(b)
  SET r.via = via, r.score = score, r.required_filled = required_filled,
      r.same_tool = (a.tool_id = b.tool_id), r.build_id = $build_id,
      r.scope = CASE
        WHEN a.tool_id = b.tool_id THEN 'same_tool'
        WHEN a.platform <> '' AND a.platform = b.platform THEN 'same_platform'
        WHEN a.category = b.category THEN 'same_category'
        ELSE 'cross_category' END
} IN TRANSACTIONS OF 1000 ROWS
