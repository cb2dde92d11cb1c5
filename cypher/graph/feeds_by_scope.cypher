// FEEDS edges per scope (same_tool, same_platform, same_category, cross_category), for the build
// summary and manifest.
// Params: $catalog.
MATCH (:Endpoint {catalog: $catalog})-[r:FEEDS]->()
RETURN r.scope AS scope, count(r) AS edges
ORDER BY scope
