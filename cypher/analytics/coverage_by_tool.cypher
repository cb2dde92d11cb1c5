// Coverage by tool: endpoints called, conversations and calls per tool, and their share.
// call_share sums to 1 over every tool; the most used come first, unused tools last. Tools of the
// catalog in use.
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
MATCH (tool:Tool) WHERE tool.catalog = state.catalog
OPTIONAL MATCH (tool)-[:IN_CATEGORY]->(cat:Category)
OPTIONAL MATCH (tool)-[:HAS_ENDPOINT]->(e:Endpoint)<-[:CALLS]-(t:ToolCall)
               <-[:HAS_CALL]-(:Message)<-[:HAS_MESSAGE]-(c:Conversation)<-[:PRODUCED]-(r:Run)
WHERE $run_id = '' OR r.id = $run_id
WITH tool, cat, total_conversations, total_calls,
     count(t) AS calls, count(DISTINCT c) AS conversations, count(DISTINCT e) AS endpoints_called
RETURN tool.id AS tool,
       cat.name AS category,
       COUNT { (tool)-[:HAS_ENDPOINT]->(:Endpoint) } AS endpoints,
       endpoints_called,
       conversations,
       round(toFloat(conversations) / CASE WHEN total_conversations > 0 THEN total_conversations ELSE 1 END, 4) AS conversation_share,
       calls,
       round(toFloat(calls) / CASE WHEN total_calls > 0 THEN total_calls ELSE 1 END, 4) AS call_share
ORDER BY calls DESC, conversations DESC, tool
LIMIT toInteger($limit)
