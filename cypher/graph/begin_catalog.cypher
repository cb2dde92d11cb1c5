// Before a build writes anything: note the catalog it writes in the one (:BuildState {key: 'current'})
// node (`building`), leaving the catalog in use (`catalog`, `build_id`, `status: 'complete'`) as it is,
// so `generate` keeps using it while the new one is written and after a build that failed.
// Params: $catalog (the new catalog's key), $build_id (its content hash).
MERGE (s:BuildState {key: 'current'})
SET s.building = $catalog, s.building_build_id = $build_id, s.building_since = datetime()
RETURN s.catalog AS current
