// A `generate --resume` continues its own run: its settings stay; the target count may grow (`n`),
// and the time of the latest resume is noted.
// Params: $id, $n.
MATCH (r:Run {id: $id})
SET r.n = $n, r.resumed_at = datetime()
