// Judge failures by tool: fail rate, mean score and top failed gates of the conversations using each tool.
// Uses the latest JudgeScore of every scored conversation.
// @param run_id "" only conversations of this run ("" = every run)
// @param limit 50 at most this many rows
// Browser: :params {run_id: "", limit: 50}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)-[:SCORED]->(s:JudgeScore)
WHERE $run_id = '' OR r.id = $run_id
WITH c, s
ORDER BY s.scored_at DESC, s.id DESC
WITH c, head(collect(s)) AS latest
UNWIND c.tool_ids_used AS tool
WITH tool, collect(latest) AS scores
WITH tool, scores, [s IN scores WHERE NOT s.passed] AS failed
CALL (failed) {
  UNWIND failed AS s
  UNWIND s.failed_gates AS gate
  WITH gate, count(*) AS n
  ORDER BY n DESC, gate
  RETURN collect(gate + ' (' + toString(n) + ')') AS top_gates
}
RETURN tool,
       size(scores) AS scored_conversations,
       size(failed) AS failed,
       round(toFloat(size(failed)) / size(scores), 4) AS fail_rate,
       round(reduce(t = 0.0, s IN scores | t + coalesce(s.mean_score, 0.0)) / size(scores), 3) AS mean_score,
       top_gates[0..3] AS top_failed_gates
ORDER BY failed DESC, fail_rate DESC, tool
LIMIT toInteger($limit)
