// The run a `generate --resume` continues: the latest (:Run) of the same settings into the same file.
// Params: $settings_id, $output_path (the output file's absolute path).
MATCH (r:Run {settings_id: $settings_id, output_path: $output_path})
RETURN r.id AS id
ORDER BY r.started_at DESC, r.id
LIMIT 1
