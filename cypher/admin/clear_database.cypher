// Delete every node and relationship in the database, in batches of 5000 nodes so a large graph
// does not need one huge transaction. Schema (constraints, indexes) is kept.
// Auto-commit only (CALL ... IN TRANSACTIONS): run it with session.run(...).consume().
// Params: none.
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
