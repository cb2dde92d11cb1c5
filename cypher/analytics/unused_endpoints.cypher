// Endpoints never called by any conversation: the gaps in coverage.
// The best connected come first (most FEEDS edges in and out), since those are the ones the samplers
// could have reached. Endpoints of the catalog in use.
// @param run_id "" only conversations of this run count as calls ("" = every run)
// @param limit 100 at most this many rows
// Browser: :params {run_id: "", limit: 100}
OPTIONAL MATCH (state:BuildState {key: 'current'})
MATCH (e:Endpoint)
WHERE e.catalog = state.catalog AND NOT EXISTS {
  MATCH (e)<-[:CALLS]-(:ToolCall)<-[:HAS_CALL]-(:Message)<-[:HAS_MESSAGE]-(:Conversation)<-[:PRODUCED]-(r:Run)
  WHERE $run_id = '' OR r.id = $run_id
}
RETURN e.id AS endpoint,
       e.tool_id AS tool,
       e.category AS category,
       COUNT { (e)-[:FEEDS]->() } AS out_feeds,
       COUNT { ()-[:FEEDS]->(e) } AS in_feeds,
       e.required_count AS required_params,
       e.user_required_count AS user_only_required_params
ORDER BY out_feeds + in_feeds DESC, endpoint
LIMIT toInteger($limit)
