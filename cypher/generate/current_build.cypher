// The graph's state before generating: endpoint and FEEDS counts and the build id most endpoints carry.
// Params: none.
OPTIONAL MATCH (e:Endpoint)
WITH e.build_id AS build_id, count(e) AS endpoints
ORDER BY endpoints DESC, build_id
LIMIT 1
RETURN build_id, COUNT { (:Endpoint) } AS endpoints, COUNT { ()-[:FEEDS]->() } AS feeds
