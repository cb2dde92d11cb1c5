// Relationship counts per catalog type in one catalog (edges never join two catalogs, so each is
// counted from its start node), read back after a build for the manifest.
// Params: $catalog.
RETURN COUNT { (:Tool {catalog: $catalog})-[:IN_CATEGORY]->() } AS IN_CATEGORY,
       COUNT { (:Tool {catalog: $catalog})-[:HAS_ENDPOINT]->() } AS HAS_ENDPOINT,
       COUNT { (:Endpoint {catalog: $catalog})-[:HAS_PARAM]->() } AS HAS_PARAM,
       COUNT { (:Endpoint {catalog: $catalog})-[:RETURNS]->() } AS RETURNS,
       COUNT { (:ResponseField {catalog: $catalog})-[:CAN_FILL]->() } AS CAN_FILL,
       COUNT { (:Endpoint {catalog: $catalog})-[:FEEDS]->() } AS FEEDS
