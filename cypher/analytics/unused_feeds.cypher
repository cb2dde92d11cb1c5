// FEEDS edges never used: (a)-[:FEEDS]->(b) with no conversation grounding a call of b on a call of a.
// An edge is used when some conversation calls a and then b, and the call of b has an argument
// GROUNDED_FROM that call of a. With consecutive = true the call of b must come right after the call
// of a (idx + 1); with false, any earlier call of a counts. The highest-scoring unused edges come first.
// Edges of the catalog in use.
// @param run_id "" only conversations of this run count ("" = every run)
// @param consecutive true require the call of b to directly follow the call of a
// @param limit 100 at most this many rows
// Browser: :params {run_id: "", consecutive: true, limit: 100}
OPTIONAL MATCH (state:BuildState {key: 'current'})
MATCH (a:Endpoint)-[f:FEEDS]->(b:Endpoint)
WHERE a.catalog = state.catalog AND NOT EXISTS {
  MATCH (b)<-[:CALLS]-(tb:ToolCall)-[:GROUNDED_FROM]->(ta:ToolCall)-[:CALLS]->(a)
  WHERE (NOT $consecutive OR tb.idx = ta.idx + 1)
    AND ($run_id = '' OR EXISTS {
      MATCH (:Run {id: $run_id})-[:PRODUCED]->(:Conversation)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(tb)
    })
}
RETURN a.id AS from_endpoint,
       b.id AS to_endpoint,
       f.score AS score,
       f.same_tool AS same_tool,
       f.via AS via
ORDER BY score DESC, from_endpoint, to_endpoint
LIMIT toInteger($limit)
