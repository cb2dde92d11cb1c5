// The end of a build, in one transaction: the new catalog becomes the one in use. Until this
// statement commits every reader sees the old catalog; after it, the new one.
// Params: $catalog, $build_id.
MERGE (s:BuildState {key: 'current'})
SET s.catalog = $catalog, s.build_id = $build_id, s.status = 'complete', s.switched_at = datetime()
REMOVE s.building, s.building_build_id, s.building_since
