// The key of the catalog in use (graph/switch_catalog), or null when no build of this datagen finished.
// Params: none.
OPTIONAL MATCH (s:BuildState {key: 'current'})
RETURN s.catalog AS catalog
