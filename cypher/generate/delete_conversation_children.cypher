// Remove the messages and tool calls of these conversations before they are written again, so a
// rerun or resume replaces them instead of adding duplicates (lineage edges go with the calls).
// Params: $ids (conversation ids).
UNWIND $ids AS id
MATCH (:Conversation {id: id})-[:HAS_MESSAGE]->(m:Message)
OPTIONAL MATCH (m)-[:HAS_CALL]->(t:ToolCall)
DETACH DELETE m, t
