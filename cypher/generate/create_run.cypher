// Create the (:Run) node of one `generate` invocation. Its id is new for every invocation (two runs
// of the same settings into two files are two runs); `settings_id` is the records' `run_id`, the hash
// of the settings, shared by every run of them. Settings are written once, here, and never changed.
// Params: $id, $props (map: settings_id, seed, mode, n, corpus memory, build id, output, output_path, ...).
CREATE (r:Run {id: $id})
SET r += $props, r.started_at = datetime()
