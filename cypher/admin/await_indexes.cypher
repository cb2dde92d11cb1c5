// Block until every index (including those backing constraints) is online, at most 300 s.
// Params: none.
CALL db.awaitIndexes(300)
