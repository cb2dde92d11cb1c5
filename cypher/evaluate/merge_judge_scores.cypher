// Attach one (:JudgeScore) per judging to its conversation: (:Conversation)-[:SCORED]->(:JudgeScore).
// The score id carries the judging time and a counter, so each evaluation adds a node; MERGE on it
// keeps a retried transaction from adding the same one twice.
// Params: $rows (list of {conversation_id, id, props}).
UNWIND $rows AS row
MATCH (c:Conversation {id: row.conversation_id})
MERGE (s:JudgeScore {id: row.id})
SET s += row.props
MERGE (c)-[:SCORED]->(s)
RETURN count(s) AS written
