// Pattern types and sampling modes: conversations per pattern, share and typical shape.
// share sums to 1; the shape is the mean tool calls, distinct tools, clarification questions and
// grounded arguments per conversation.
// @param run_id "" only conversations of this run ("" = every run)
// Browser: :params {run_id: ""}
MATCH (r:Run)-[:PRODUCED]->(c:Conversation)
WHERE $run_id = '' OR r.id = $run_id
WITH c.pattern_type AS pattern_type, c.mode AS mode, count(c) AS conversations,
     avg(c.num_tool_calls) AS calls, avg(c.num_distinct_tools) AS tools,
     avg(c.num_clarification_questions) AS clarifications, avg(c.grounded_argument_count) AS grounded
WITH collect({pattern_type: pattern_type, mode: mode, conversations: conversations, calls: calls, tools: tools,
              clarifications: clarifications, grounded: grounded}) AS rows, sum(conversations) AS total
UNWIND rows AS row
RETURN row.pattern_type AS pattern_type,
       row.mode AS mode,
       row.conversations AS conversations,
       round(toFloat(row.conversations) / total, 4) AS share,
       round(row.calls, 2) AS mean_tool_calls,
       round(row.tools, 2) AS mean_distinct_tools,
       round(row.clarifications, 2) AS mean_clarifications,
       round(row.grounded, 2) AS mean_grounded_arguments
ORDER BY conversations DESC, pattern_type, mode
