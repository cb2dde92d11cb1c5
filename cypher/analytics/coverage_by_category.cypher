// Coverage by category: conversations and tool calls per category, and their share.
// call_share sums to 1 over categories; conversation_share does not (a multi-tool conversation can
// touch several categories), domain_share does (each conversation has one domain, its main category).
// Categories no conversation touches are listed with zeros. Only the catalog in use is listed.
// @param run_id "" only conversations of this run ("" = every run)
// Browser: :params {run_id: ""}
CALL () {
  MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
  WHERE $run_id = '' OR r.id = $run_id
  RETURN count(c) AS total_conversations,
         sum(COUNT { (c)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(:ToolCall) }) AS total_calls
}
OPTIONAL MATCH (state:BuildState {key: 'current'})
MATCH (cat:Category) WHERE cat.catalog = state.catalog
OPTIONAL MATCH (cat)<-[:IN_CATEGORY]-(:Tool)-[:HAS_ENDPOINT]->(:Endpoint)<-[:CALLS]-(t:ToolCall)
               <-[:HAS_CALL]-(:Message)<-[:HAS_MESSAGE]-(c:Conversation)<-[:PRODUCED]-(r:Run)
WHERE $run_id = '' OR r.id = $run_id
WITH cat, total_conversations, total_calls, count(t) AS calls, count(DISTINCT c) AS conversations
CALL (cat) {
  MATCH (r:Run)-[:PRODUCED]->(c:Conversation {domain: cat.name})
  WHERE $run_id = '' OR r.id = $run_id
  RETURN count(c) AS domain_conversations
}
RETURN cat.name AS category,
       conversations,
       round(toFloat(conversations) / CASE WHEN total_conversations > 0 THEN total_conversations ELSE 1 END, 4) AS conversation_share,
       domain_conversations,
       round(toFloat(domain_conversations) / CASE WHEN total_conversations > 0 THEN total_conversations ELSE 1 END, 4) AS domain_share,
       calls,
       round(toFloat(calls) / CASE WHEN total_calls > 0 THEN total_calls ELSE 1 END, 4) AS call_share
ORDER BY calls DESC, conversations DESC, category
