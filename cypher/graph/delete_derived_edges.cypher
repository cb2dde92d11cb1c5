// Drop every CAN_FILL and FEEDS edge so the projection is recomputed from scratch (auto-commit only).
// Params: none.
MATCH ()-[r:CAN_FILL|FEEDS]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
