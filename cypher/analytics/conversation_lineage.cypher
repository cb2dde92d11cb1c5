// Lineage of one conversation: each tool call with its arguments and where grounded values came from.
// One row per tool call, in order, with the endpoint it called, its arguments (JSON text) and, for
// every argument taken from an earlier call's output, the source call's index and endpoint and the
// response field it came from. conversation_id is either the node id "run_…:conv_…" or the
// record's "conv_42_0001" (then the most recent run that has it); "" picks the most grounded
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
MATCH (c)-[:HAS_MESSAGE]->(m:Message)-[:HAS_CALL]->(t:ToolCall)
OPTIONAL MATCH (t)-[g:GROUNDED_FROM]->(s:ToolCall)
WITH c, m, t, g, s
ORDER BY t.idx, g.param
WITH c, m, t, collect(CASE WHEN g IS NULL THEN null
                          ELSE {param: g.param, source_call: s.idx, source_endpoint: s.name, field: g.field} END) AS grounded
RETURN c.id AS conversation,
       t.idx AS idx,
       m.idx AS message_idx,
       t.name AS endpoint,
       t.arguments AS arguments,
       grounded
ORDER BY idx
