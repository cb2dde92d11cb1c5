// Start keys for the samplers, one per mode, so that a conversation's candidates are found by a range
// seek from a seeded point (cost grows with log n) instead of hashing every endpoint. The endpoints
// that may start a chain of a mode (for parallel: be its join) are put in the order of their fixed
// random rank key `rk` and spread evenly over [0, 2^40): the first start after a uniform point is then
// uniform over them (keys `rk` itself would favour an endpoint after a wide gap). Starts that only
// --guessed-outputs may use (outputs only inferred, a name that cannot be asked for in words, or no
// documented successor inside the category: not `chain_ready`) get keys 2^40 and up, spread the same.
// Who may start (as the samplers had it):
//   sequential           some FEEDS edge leaves it
//   multi_tool           … and one of them leads to another tool
//   clarification_first  … and it has a required parameter no output in the graph can fill
//   parallel             two or more FEEDS edges arrive (its own outputs documented, its name plain)
// Params: none. Runs after graph/mark_starts.cypher.
CALL () {
  UNWIND [true, false] AS ready
  WITH ready, COLLECT { MATCH (e:Endpoint) WHERE e.out_feeds > 0 AND e.chain_ready = ready RETURN e ORDER BY e.rk, e.id } AS starts
  UNWIND range(0, size(starts) - 1) AS i
  WITH starts[i] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(starts) AS key
  SET e.start_sequential = key
}
CALL () {
  UNWIND [true, false] AS ready
  WITH ready, COLLECT { MATCH (e:Endpoint) WHERE e.out_feeds > 0 AND EXISTS { (e)-[:FEEDS {same_tool: false}]->() } AND e.chain_ready = ready RETURN e ORDER BY e.rk, e.id } AS starts
  UNWIND range(0, size(starts) - 1) AS i
  WITH starts[i] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(starts) AS key
  SET e.start_multi_tool = key
}
CALL () {
  UNWIND [true, false] AS ready
  WITH ready, COLLECT { MATCH (e:Endpoint) WHERE e.out_feeds > 0 AND e.user_required_count > 0 AND e.chain_ready = ready RETURN e ORDER BY e.rk, e.id } AS starts
  UNWIND range(0, size(starts) - 1) AS i
  WITH starts[i] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(starts) AS key
  SET e.start_clarification_first = key
}
CALL () {
  UNWIND [true, false] AS ready
  WITH ready, COLLECT { MATCH (e:Endpoint) WHERE e.in_feeds >= 2 AND (NOT e.inferred_fields AND e.askable) = ready RETURN e ORDER BY e.rk, e.id } AS starts
  UNWIND range(0, size(starts) - 1) AS i
  WITH starts[i] AS e, CASE WHEN ready THEN 0 ELSE 1099511627776 END + i * 1099511627776 / size(starts) AS key
  SET e.start_parallel = key
}
