// Remove catalog edges (category, endpoint, param, field links) not written by this build.
// Params: $build_id.
MATCH ()-[r:IN_CATEGORY|HAS_ENDPOINT|HAS_PARAM|RETURNS]->()
WHERE r.build_id <> $build_id
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS
