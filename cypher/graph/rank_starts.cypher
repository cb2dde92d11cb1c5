// Start keys for the samplers, one per mode, so that a conversation's candidates are found by a range
// seek from a seeded point (cost grows with log n) instead of hashing every endpoint. The tools whose
// endpoints may start a chain of a mode (for parallel: be its join) get equal spans of [0, 2^40), in
// the order of their endpoints' fixed random rank key `rk`, and a tool's starts share its span evenly:
// the first start after a uniform point is then uniform over tools, not endpoints (spread over
// endpoints, a tool of forty endpoints was drawn forty times as often as one of two, and a graph of a
// few categories collapsed to its three largest tools). Starts that only
// --guessed-outputs may use (outputs only inferred, a name that cannot be asked for in words, or no
// documented successor inside the category: not `chain_ready`) get keys 2^40 and up, spread the same.
// Who may start (as the samplers had it):
//   sequential           some FEEDS edge leaves it
//   multi_tool           … and one of them leads to another tool
//   clarification_first  … and it has a required parameter no output in the graph can fill
//   parallel             two or more FEEDS edges arrive (its own outputs documented, its name plain)
//   fan_out              a sibling of its tool takes one of its required inputs (by name): the two
//                        are asked together about one thing (ready when both are documented and askable)
// Params: $catalog (the catalog being built). Runs after graph/mark_starts.cypher.
CALL () {
  UNWIND [true, false] AS ready
  CALL (ready) {
    MATCH (e:Endpoint) WHERE e.catalog = $catalog AND e.out_feeds > 0 AND e.chain_ready = ready
    WITH e ORDER BY e.rk, e.id
    WITH e.tool_id AS tool, collect(e) AS eps
    RETURN eps ORDER BY eps[0].rk, tool
  }
  WITH ready, collect(eps) AS tools
  UNWIND range(0, size(tools) - 1) AS i
  UNWIND range(0, size(tools[i]) - 1) AS j
  WITH tools[i][j] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(tools)
       + j * 1099511627776 / (size(tools) * size(tools[i])) AS key
  SET e.start_sequential = key
}
CALL () {
  UNWIND [true, false] AS ready
  CALL (ready) {
    MATCH (e:Endpoint) WHERE e.catalog = $catalog AND e.out_feeds > 0 AND EXISTS { (e)-[:FEEDS {same_tool: false}]->() } AND e.chain_ready = ready
    WITH e ORDER BY e.rk, e.id
    WITH e.tool_id AS tool, collect(e) AS eps
    RETURN eps ORDER BY eps[0].rk, tool
  }
  WITH ready, collect(eps) AS tools
  UNWIND range(0, size(tools) - 1) AS i
  UNWIND range(0, size(tools[i]) - 1) AS j
  WITH tools[i][j] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(tools)
       + j * 1099511627776 / (size(tools) * size(tools[i])) AS key
  SET e.start_multi_tool = key
}
CALL () {
  UNWIND [true, false] AS ready
  CALL (ready) {
    MATCH (e:Endpoint) WHERE e.catalog = $catalog AND e.out_feeds > 0 AND e.user_required_count > 0 AND e.chain_ready = ready
    WITH e ORDER BY e.rk, e.id
    WITH e.tool_id AS tool, collect(e) AS eps
    RETURN eps ORDER BY eps[0].rk, tool
  }
  WITH ready, collect(eps) AS tools
  UNWIND range(0, size(tools) - 1) AS i
  UNWIND range(0, size(tools[i]) - 1) AS j
  WITH tools[i][j] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(tools)
       + j * 1099511627776 / (size(tools) * size(tools[i])) AS key
  SET e.start_clarification_first = key
}
CALL () {
  UNWIND [true, false] AS ready
  CALL (ready) {
    MATCH (e:Endpoint) WHERE e.catalog = $catalog AND e.in_feeds >= 2 AND (NOT e.inferred_fields AND e.askable) = ready
    WITH e ORDER BY e.rk, e.id
    WITH e.tool_id AS tool, collect(e) AS eps
    RETURN eps ORDER BY eps[0].rk, tool
  }
  WITH ready, collect(eps) AS tools
  UNWIND range(0, size(tools) - 1) AS i
  UNWIND range(0, size(tools[i]) - 1) AS j
  WITH tools[i][j] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(tools)
       + j * 1099511627776 / (size(tools) * size(tools[i])) AS key
  SET e.start_parallel = key
}
CALL () {
  // groups of one tool's endpoints that take a required input of one name, by a single hash join
  MATCH (e:Endpoint)-[:HAS_PARAM]->(p:Parameter)
  WHERE e.catalog = $catalog AND p.required AND NOT p.control
  WITH e.tool_id AS tool, p.name AS name, collect(DISTINCT e) AS group
  WHERE size(group) >= 2
  WITH group, size([m IN group WHERE NOT m.inferred_fields AND m.askable]) AS documented
  UNWIND group AS e
  WITH e, max(CASE WHEN documented >= 2 AND NOT e.inferred_fields AND e.askable THEN 1 ELSE 0 END) AS ready
  SET e.fan_ready = ready = 1
}
CALL () {
  UNWIND [true, false] AS ready
  CALL (ready) {
    MATCH (e:Endpoint) WHERE e.catalog = $catalog AND e.fan_ready = ready
    WITH e ORDER BY e.rk, e.id
    WITH e.tool_id AS tool, collect(e) AS eps
    RETURN eps ORDER BY eps[0].rk, tool
  }
  WITH ready, collect(eps) AS tools
  UNWIND range(0, size(tools) - 1) AS i
  UNWIND range(0, size(tools[i]) - 1) AS j
  WITH tools[i][j] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(tools)
       + j * 1099511627776 / (size(tools) * size(tools[i])) AS key
  SET e.start_fan_out = key
}
