// Captions for conversations written back before datagen wrote them (a one-line migration; every
// write-back now sets them): a ToolCall's "2 · book flight" and a GROUNDED_FROM edge's
// "hotel_id ← hotels[].hotel_id", what Neo4j Browser draws on them. Idempotent.
// Params: none.
MATCH (t:ToolCall) WHERE t.caption IS NULL
SET t.caption = toString(t.idx + 1) + ' · ' + replace(last(split(t.name, '::')), '_', ' ')
WITH count(t) AS calls
OPTIONAL MATCH ()-[g:GROUNDED_FROM]->() WHERE g.caption IS NULL
SET g.caption = g.param + coalesce(' ← ' + g.field, '')
RETURN calls, count(g) AS edges
