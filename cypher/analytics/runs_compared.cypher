// Runs compared: diversity, grounding and pass rate per run (corpus memory on vs off, seeds, modes).
// Per run: its settings, how many conversations, distinct tools and distinct tool combinations it
// produced, the Shannon entropy (bits) of its tool combinations (higher = more diverse; a
// combination is the sorted set of tools one conversation used), mean memory grounding rate,
// grounded arguments per call, mock fallbacks per conversation, and the judge pass rate (latest
// score; null when the run was never scored).
MATCH (r:Run)
CALL (r) {
  MATCH (r)-[:PRODUCED]->(c:Conversation)
  RETURN count(c) AS conversations,
         avg(c.memory_grounding_rate) AS memory_grounding,
         sum(c.grounded_argument_count) AS grounded,
         sum(c.num_tool_calls) AS calls,
         avg(c.mock_fallback_count) AS fallbacks
}
CALL (r) {
  MATCH (r)-[:PRODUCED]->(c:Conversation)
  UNWIND c.tool_ids_used AS tool
  RETURN count(DISTINCT tool) AS distinct_tools
}
CALL (r) {
  MATCH (r)-[:PRODUCED]->(c:Conversation)
  CALL (c) {
    UNWIND c.tool_ids_used AS tool
    WITH DISTINCT tool
    ORDER BY tool
    RETURN collect(tool) AS combination
  }
  WITH combination, count(*) AS n
  WITH collect(n) AS counts, sum(n) AS total
  RETURN size(counts) AS combinations,
         CASE WHEN total = 0 THEN 0.0
              ELSE reduce(h = 0.0, n IN counts | h - (toFloat(n) / total) * log(toFloat(n) / total) / log(2)) END
           AS entropy
}
CALL (r) {
  MATCH (r)-[:PRODUCED]->(c:Conversation)-[:SCORED]->(s:JudgeScore)
  WITH c, s
  ORDER BY s.scored_at DESC, s.id DESC
  WITH c, head(collect(s)) AS latest
  RETURN count(c) AS scored, avg(CASE WHEN latest.passed THEN 1.0 ELSE 0.0 END) AS pass_rate
}
RETURN r.id AS run,
       r.seed AS seed,
       r.mode AS mode,
       r.corpus_memory_enabled AS corpus_memory,
       r.started_at AS started_at,
       conversations,
       distinct_tools,
       combinations AS distinct_tool_combinations,
       round(entropy, 4) AS tool_combination_entropy,
       round(memory_grounding, 4) AS mean_memory_grounding_rate,
       round(toFloat(grounded) / CASE WHEN calls > 0 THEN calls ELSE 1 END, 4) AS grounded_args_per_call,
       round(fallbacks, 4) AS mock_fallbacks_per_conversation,
       scored,
       round(pass_rate, 4) AS pass_rate
ORDER BY started_at, run
