// First half of the samplers' start keys (then graph/rank_starts.cypher): whether an endpoint's chain
// can be documented from its first step (`chain_ready`: its outputs are documented, its name can be
// asked for in words, and a documented successor of the same category follows it), and the keys of
// an earlier build cleared.
// Params: $catalog (the catalog being built). Auto-commit only (IN TRANSACTIONS). Runs after graph/mark_fillable (degrees, counts).
MATCH (e:Endpoint {catalog: $catalog})
CALL (e) {
  REMOVE e.start_sequential, e.start_multi_tool, e.start_clarification_first, e.start_parallel, e.start_fan_out, e.fan_ready
  SET e.chain_ready = NOT e.inferred_fields AND e.askable AND EXISTS {
        (e)-[f:FEEDS]->(m:Endpoint) WHERE NOT m.inferred_fields AND m.askable AND f.scope <> 'cross_category'
      }
} IN TRANSACTIONS OF 2000 ROWS
