// (:Conversation)-[:HAS_MESSAGE {idx}]->(:Message {role, content}) for every message.
// Params: $rows (list of {id, conversation_id, idx, role, content, name}).
UNWIND $rows AS row
MATCH (c:Conversation {id: row.conversation_id})
MERGE (m:Message {id: row.id})
SET m.role = row.role, m.content = row.content, m.idx = row.idx, m.name = row.name
MERGE (c)-[h:HAS_MESSAGE]->(m)
SET h.idx = row.idx
