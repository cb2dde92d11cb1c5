// One tool as a picture: its category, its endpoints, and the FEEDS edges out of them (which
// endpoint's output can fill which endpoint's input, in this tool or another). For Neo4j Browser.
// tool_id "" picks the tool with the most FEEDS edges. Tools of the catalog in use.
// @param tool_id "" the tool id, e.g. "skycast_weather" ("" = the best connected tool)
// @param limit 100 at most this many FEEDS edges
// Browser: :params {tool_id: "", limit: 100}
OPTIONAL MATCH (state:BuildState {key: 'current'})
MATCH (t:Tool)
WHERE t.catalog = state.catalog AND ($tool_id = '' OR t.id = $tool_id)
WITH t
ORDER BY COUNT { (t)-[:HAS_ENDPOINT]->(:Endpoint)-[:FEEDS]-(:Endpoint) } DESC, t.id
LIMIT 1
MATCH tool = (c:Category)<-[:IN_CATEGORY]-(t)-[:HAS_ENDPOINT]->(e:Endpoint)
OPTIONAL MATCH feeds = (e)-[f:FEEDS]->(:Endpoint)
RETURN tool, feeds
ORDER BY f.score DESC
LIMIT toInteger($limit)
