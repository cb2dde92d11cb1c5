// How much data the database holds, so a test or benchmark can refuse to clear data it did not make.
// Returns one row {nodes, runs, conversations}. Params: none.
MATCH (n)
RETURN count(n) AS nodes,
       count(CASE WHEN n:Run THEN 1 END) AS runs,
       count(CASE WHEN n:Conversation THEN 1 END) AS conversations
