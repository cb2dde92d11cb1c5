// What a run wrote back: conversations, messages, tool calls and lineage edges.
// Params: $run_id.
MATCH (:Run {id: $run_id})-[:PRODUCED]->(c:Conversation)
RETURN count(c) AS conversations,
       sum(COUNT { (c)-[:HAS_MESSAGE]->() }) AS messages,
       sum(COUNT { (c)-[:HAS_MESSAGE]->()-[:HAS_CALL]->() }) AS tool_calls,
       sum(COUNT { (c)-[:HAS_MESSAGE]->()-[:HAS_CALL]->()-[:GROUNDED_FROM]->() }) AS lineage
