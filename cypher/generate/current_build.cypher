// The graph's state before generating: endpoint and FEEDS counts, the build id most endpoints carry,
// the (:BuildState) a build leaves ('building' while it runs or after it died, then 'complete'), and
// how many endpoints carry a sampler start key (graph/mark_starts; none in a graph built before them).
// Params: none.
OPTIONAL MATCH (e:Endpoint)
WITH e.build_id AS build_id, count(e) AS endpoints
ORDER BY endpoints DESC, build_id
LIMIT 1
OPTIONAL MATCH (s:BuildState {key: 'current'})
RETURN build_id, COUNT { (:Endpoint) } AS endpoints, COUNT { ()-[:FEEDS]->() } AS feeds,
       COUNT { (x:Endpoint) WHERE x.start_sequential IS NOT NULL } AS starts,
       s.status AS status, s.build_id AS state_build_id
