// Record the state of the catalog in its one (:BuildState {key: 'current'}) node: 'building' before
// a build writes anything, 'complete' once graph and artifacts are all written. `generate` refuses a
// graph whose state is 'building' (a build was killed or failed half-way).
// Params: $status ('building' | 'complete'), $build_id.
MERGE (s:BuildState {key: 'current'})
SET s.status = $status, s.build_id = $build_id
