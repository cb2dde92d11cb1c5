// One conversation's lineage as a table narrow enough for a laptop beside the guide: one row per call
// ("2 · book flight"), its grounded arguments as "param ← N: field" (the step of the earlier call and
// the response field the value came from, "; " between two), then the start of its arguments (JSON,
// cut to 20 characters: the three columns fit a 1366-pixel screen beside the guide). The whole
// arguments and endpoint ids: `datagen query conversation_lineage`. conversation_id as in
// browser/grounding_chain.
// @param conversation_id "" the conversation ("run_…:conv_…" or "conv_…"; "" = a well-grounded recent one)
// Browser: :params {conversation_id: ""}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
WHERE $conversation_id = '' OR c.id = $conversation_id OR c.conversation_id = $conversation_id
WITH r, c
ORDER BY CASE WHEN c.id = $conversation_id THEN 0 ELSE 1 END,
         r.started_at IS NULL, r.started_at DESC, r.id DESC,
         c.grounded_argument_count DESC, c.conversation_id
LIMIT 1
MATCH (c)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(t:ToolCall)
OPTIONAL MATCH (t)-[g:GROUNDED_FROM]->(s:ToolCall)
WITH t, g, s
ORDER BY t.idx, g.param
WITH t, collect(g.param + ' ← ' + toString(s.idx + 1) + coalesce(': ' + g.field, '')) AS grounded
RETURN coalesce(t.caption, t.name) AS call,
       reduce(text = '', line IN grounded | text + CASE WHEN text = '' THEN '' ELSE '; ' END + line) AS grounded,
       CASE WHEN size(t.arguments) > 20 THEN left(t.arguments, 19) + '…' ELSE t.arguments END AS arguments
ORDER BY t.idx
