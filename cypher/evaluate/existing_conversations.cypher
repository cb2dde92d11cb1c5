// Which of these conversation node ids exist (a run generated with --no-write-back has none).
// Params: $ids (list of "<run_id>:<conversation_id>").
UNWIND $ids AS id
MATCH (c:Conversation {id: id})
RETURN collect(c.id) AS ids
