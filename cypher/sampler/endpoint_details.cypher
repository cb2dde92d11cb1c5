// The registry view of some endpoints, read back from the graph for the generator: the endpoint,
// its tool, category and wrapped platform (`e.platform`, which `registry.scope.may_link` reads), its
// parameters and response fields in their original order.
// Params: $ids (list of endpoint ids), $catalog (the catalog in use).
UNWIND $ids AS id
MATCH (:Tool)-[:HAS_ENDPOINT]->(e:Endpoint {id: id, catalog: $catalog})
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_PARAM]->(p:Parameter)
  WITH p ORDER BY p.pos
  RETURN collect(p {.*}) AS params
}
CALL (e) {
  OPTIONAL MATCH (e)-[:RETURNS]->(f:ResponseField)
  WITH f ORDER BY f.pos
  RETURN collect(f {.*}) AS fields
}
RETURN e {.*} AS endpoint, params, fields
