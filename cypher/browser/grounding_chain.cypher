// One conversation's grounding chain as a picture: the conversation, the assistant messages that
// made calls, its tool calls ("2 · book flight") and GROUNDED_FROM edges from each call to the earlier
// call whose output supplied an argument ("hotel_id ← hotels[].hotel_id"). Endpoints are left out:
// the call's caption names its endpoint, and Browser's "connect result nodes" would draw the FEEDS
// edges between them; every edge between the nodes returned here is returned, so that setting adds
// nothing. conversation_id is the node id "run_…:conv_…" or the record's "conv_42_0001" (most recent
// run); "" picks the most grounded conversation of the most recent run.
// @param conversation_id "" the conversation ("run_…:conv_…" or "conv_…"; "" = a well-grounded recent one)
// Browser: :params {conversation_id: ""}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
WHERE $conversation_id = '' OR c.id = $conversation_id OR c.conversation_id = $conversation_id
WITH r, c
ORDER BY CASE WHEN c.id = $conversation_id THEN 0 ELSE 1 END,
         r.started_at IS NULL, r.started_at DESC, r.id DESC,
         c.grounded_argument_count DESC, c.conversation_id
LIMIT 1
MATCH step = (c)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(t:ToolCall)
OPTIONAL MATCH fed = (t)-[:GROUNDED_FROM]->(:ToolCall)
RETURN step, fed
