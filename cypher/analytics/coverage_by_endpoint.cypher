// Coverage by endpoint: calls and conversations per endpoint, and their share.
// call_share sums to 1 over every endpoint; the most called come first. Endpoints of the catalog in use
// and retired ones (gone from it, kept for the conversations that called them) are listed.
// @param run_id "" only conversations of this run ("" = every run)
// @param limit 50 at most this many rows
// Browser: :params {run_id: "", limit: 50}
CALL () {
  MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
  WHERE $run_id = '' OR r.id = $run_id
  RETURN count(c) AS total_conversations,
         sum(COUNT { (c)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(:ToolCall) }) AS total_calls
}
OPTIONAL MATCH (state:BuildState {key: 'current'})
MATCH (e:Endpoint) WHERE e.catalog = state.catalog OR e.retired
OPTIONAL MATCH (e)<-[:CALLS]-(t:ToolCall)<-[:HAS_CALL]-(:Message)<-[:HAS_MESSAGE]-(c:Conversation)<-[:PRODUCED]-(r:Run)
WHERE $run_id = '' OR r.id = $run_id
WITH e, total_conversations, total_calls, count(t) AS calls, count(DISTINCT c) AS conversations
RETURN e.id AS endpoint,
       e.tool_id AS tool,
       e.category AS category,
       conversations,
       round(toFloat(conversations) / CASE WHEN total_conversations > 0 THEN total_conversations ELSE 1 END, 4) AS conversation_share,
       calls,
       round(toFloat(calls) / CASE WHEN total_calls > 0 THEN total_calls ELSE 1 END, 4) AS call_share
ORDER BY calls DESC, conversations DESC, endpoint
LIMIT toInteger($limit)
