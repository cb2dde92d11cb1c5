// The judge scores of one conversation, oldest first.
// Params: $id (the conversation node id "<run_id>:<conversation_id>").
MATCH (:Conversation {id: $id})-[:SCORED]->(s:JudgeScore)
RETURN s {.*} AS score
ORDER BY s.scored_at, s.id
