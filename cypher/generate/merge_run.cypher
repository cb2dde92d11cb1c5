// Upsert the (:Run) node of a generate run; its id is a hash of the settings, so a resumed run
// merges into the same node. started_at is when the run (or its latest resume) began, so analytics
// can tell the most recent run.
// Params: $id, $props (map of settings: seed, mode, n, corpus memory, build id, output path, ...).
MERGE (r:Run {id: $id})
SET r += $props, r.started_at = datetime()
