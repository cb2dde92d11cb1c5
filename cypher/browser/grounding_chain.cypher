// One conversation's grounding chain as a picture: its tool calls, the endpoints they called, and
// GROUNDED_FROM edges from each call to the earlier call whose output supplied an argument (the edge
// carries the param and the response field). For Neo4j Browser. conversation_id is the node id
// "run_…:conv_…" or the record's "conv_42_0001" (most recent run); "" picks the most grounded
// conversation of the most recent run.
// @param conversation_id "" the conversation ("run_…:conv_…" or "conv_…"; "" = a well-grounded recent one)
// Browser: :params {conversation_id: ""}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
WHERE $conversation_id = '' OR c.id = $conversation_id OR c.conversation_id = $conversation_id
WITH r, c
ORDER BY CASE WHEN c.id = $conversation_id THEN 0 ELSE 1 END,
         r.started_at IS NULL, r.started_at DESC, r.id DESC,
         c.grounded_argument_count DESC, c.conversation_id
LIMIT 1
MATCH (c)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(t:ToolCall)-[calls:CALLS]->(e:Endpoint)
OPTIONAL MATCH (t)-[g:GROUNDED_FROM]->(s:ToolCall)
RETURN c, t, calls, e, g, s
