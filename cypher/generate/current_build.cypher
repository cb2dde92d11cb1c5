// The graph's state before generating, from the one (:BuildState) node a build leaves: the catalog in
// use (`catalog`, switched to at the end of a build; null before any build of this datagen finished)
// and its build id, a build in progress or left half-way by one that failed (`building`), and the
// catalog's endpoint, FEEDS and start-key counts (graph/mark_starts).
// Params: none.
OPTIONAL MATCH (s:BuildState {key: 'current'})
WITH s, s.catalog AS catalog
RETURN catalog, s.build_id AS build_id, s.building AS building,
       COUNT { (:Endpoint {catalog: catalog}) } AS endpoints,
       COUNT { (:Endpoint {catalog: catalog})-[:FEEDS]->() } AS feeds,
       COUNT { (x:Endpoint {catalog: catalog}) WHERE x.start_sequential IS NOT NULL } AS starts
