// Upsert the (:Run) node of a generate run; its id is a hash of the settings, so a resumed run
// merges into the same node.
// Params: $id, $props (map of settings: seed, mode, n, corpus memory, build id, output path, ...).
MERGE (r:Run {id: $id})
SET r += $props
