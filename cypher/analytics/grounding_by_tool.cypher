// Grounding and mock-fallback rates by tool.
// grounded_call_rate: share of the tool's calls (after the first call of their conversation) with at
// least one argument GROUNDED_FROM an earlier output; grounded_args_per_call: GROUNDED_FROM edges per
// call. Mock fallbacks are recorded per conversation, so fallback_conversation_rate is the share of
// conversations using the tool that needed a mock value somewhere, and mean_memory_grounding_rate
// averages those conversations' memory_grounding_rate.
// @param run_id "" only conversations of this run ("" = every run)
// @param limit 50 at most this many rows
// Browser: :params {run_id: "", limit: 50}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)-[:HAS_MESSAGE]->(:Message)-[:HAS_CALL]->(t:ToolCall)
WHERE $run_id = '' OR r.id = $run_id
WITH c, t, split(t.name, '::')[0] AS tool, COUNT { (t)-[:GROUNDED_FROM]->() } AS grounded_args
WITH tool,
     count(t) AS calls,
     sum(CASE WHEN t.idx > 0 THEN 1 ELSE 0 END) AS later_calls,
     sum(CASE WHEN grounded_args > 0 THEN 1 ELSE 0 END) AS grounded_calls,
     sum(grounded_args) AS grounded_args,
     collect(DISTINCT c) AS conversations
RETURN tool,
       calls,
       grounded_calls,
       round(toFloat(grounded_calls) / CASE WHEN later_calls > 0 THEN later_calls ELSE 1 END, 4) AS grounded_call_rate,
       round(toFloat(grounded_args) / calls, 4) AS grounded_args_per_call,
       size(conversations) AS conversations,
       size([x IN conversations WHERE x.mock_fallback_count > 0]) AS fallback_conversations,
       round(toFloat(size([x IN conversations WHERE x.mock_fallback_count > 0])) / size(conversations), 4)
         AS fallback_conversation_rate,
       round(reduce(s = 0.0, x IN conversations | s + coalesce(x.memory_grounding_rate, 0.0))
             / CASE WHEN size([x IN conversations WHERE x.memory_grounding_rate IS NOT NULL]) > 0
                    THEN size([x IN conversations WHERE x.memory_grounding_rate IS NOT NULL]) ELSE 1 END, 4)
         AS mean_memory_grounding_rate
ORDER BY calls DESC, tool
LIMIT toInteger($limit)
